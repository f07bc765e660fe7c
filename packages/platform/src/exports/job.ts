import { defineJob, emitEvent, type Platform } from '@assay/core';
import { auditLogs, type Db, jobs, memberships, organizations, users } from '@assay/db';
import { and, asc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';

const PAGE = 1000;

/** Reads a table in id order, page by page, so a large organization never loads at once. */
async function* pages<T extends { id: string }>(read: (afterId: string | undefined) => Promise<T[]>) {
  let after: string | undefined;
  for (;;) {
    const rows = await read(after);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
    if (rows.length < PAGE) return;
  }
}

async function collect(db: Db, orgId: string, progress: (p: number) => Promise<void>) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const members = await db
    .select({
      user_id: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joined_at: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId));
  await progress(20);
  const audit: unknown[] = [];
  for await (const rows of pages((after) =>
    db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.orgId, orgId), after ? gt(auditLogs.id, after) : undefined))
      .orderBy(asc(auditLogs.id))
      .limit(PAGE),
  )) {
    audit.push(...rows);
  }
  await progress(60);
  const jobRows: unknown[] = [];
  for await (const rows of pages((after) =>
    db
      .select({
        id: jobs.id,
        queue: jobs.queue,
        name: jobs.name,
        status: jobs.status,
        attempts: jobs.attempts,
        error: jobs.error,
        created_at: jobs.createdAt,
        finished_at: jobs.finishedAt,
      })
      .from(jobs)
      .where(and(eq(jobs.orgId, orgId), after ? gt(jobs.id, after) : undefined))
      .orderBy(asc(jobs.id))
      .limit(PAGE),
  )) {
    jobRows.push(...rows);
  }
  await progress(85);
  return { organization: org, members, audit_logs: audit, jobs: jobRows };
}

/**
 * Writes the organization's data as one JSON document. The storage key is derived from the job id,
 * so a retried or redelivered run overwrites its own file: the effect happens once.
 */
export const exportJob = (platform: Platform) =>
  defineJob({
    name: 'core.export',
    queue: 'default',
    payload: z.object({ orgId: z.uuid(), requestedBy: z.string().nullable() }).strict(),
    maxAttempts: 3,
    async handler(payload, ctx) {
      const data = await collect(ctx.db, payload.orgId, ctx.progress);
      const body = Buffer.from(
        JSON.stringify(
          { format: 'assay-export', version: 1, exported_at: new Date().toISOString(), ...data },
          null,
          2,
        ),
      );
      const key = `orgs/${payload.orgId}/exports/${ctx.jobId}.json`;
      await platform.storage.put(key, body, { contentType: 'application/json' });
      await ctx.progress(100);
      const counts = {
        members: data.members.length,
        audit_logs: data.audit_logs.length,
        jobs: data.jobs.length,
      };
      const deliveries: string[] = [];
      // export.ready commits with the completion, so a receiver never hears of an export it cannot download.
      const result = await ctx.complete(async (tx) => {
        const event = await emitEvent(tx, {
          orgId: payload.orgId,
          type: 'export.ready',
          data: { job_id: ctx.jobId, size: body.length, counts, links: { api: `/v1/jobs/${ctx.jobId}` } },
          dedupeKey: `export.ready:${ctx.jobId}`,
        });
        deliveries.push(...event.jobIds);
        return {
          storage_key: key,
          filename: `assay-export-${new Date().toISOString().slice(0, 10)}.json`,
          size: body.length,
          counts,
        };
      });
      await platform.jobs.dispatch(deliveries);
      return result;
    },
  });
