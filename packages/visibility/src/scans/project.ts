import { AppError, notFound, type ServiceContext } from '@assay/core';
import { projects } from '@assay/db';
import { and, eq } from 'drizzle-orm';

/** Throws 404 unless the project exists in the caller's organization (other tenants' projects included). */
export async function assertProject(db: ServiceContext['db'], orgId: string, projectId: string) {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.orgId, orgId), eq(projects.id, projectId)));
  if (!row) throw notFound('Project');
}

/** Postgres unique violations and foreign-key races become a 409 in the envelope. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    (error as { code?: string })?.code === '23505' ||
    (error as { cause?: { code?: string } })?.cause?.code === '23505'
  );
}

export const conflictOn = (what: string) => new AppError('CONFLICT', what);
