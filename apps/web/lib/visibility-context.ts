import { attempt, load } from './api';
import { guard } from './guard';
import { atLeast } from './roles';
import type { Me, Page, Project } from './types';
import type { Brand } from './visibility-types';

export interface VisibilityContext {
  me: Me;
  canEdit: boolean;
  canDelete: boolean;
  projects: Project[];
  project: Project | null;
  error: string | null;
}

/** What every visibility page starts from: the caller's role and the chosen project (`?project=`). */
export async function visibilityContext(
  query: Record<string, string | string[] | undefined>,
): Promise<VisibilityContext> {
  const { me } = await guard('viewer');
  const role = me.current.role;
  const res = await attempt(load<Page<Project>>('/v1/projects?page[size]=100'));
  const projects = res.data?.data ?? [];
  const wanted = typeof query.project === 'string' ? query.project : await lastConfigured(projects.length);
  return {
    me,
    canEdit: atLeast(role, 'editor'),
    canDelete: atLeast(role, 'admin'),
    projects,
    project: projects.find((p) => p.id === wanted) ?? projects[0] ?? null,
    error: res.error,
  };
}

/**
 * Without `?project=`, open the project whose brands were set up last (an organization's first projects
 * may belong to other modules); null falls back to the newest project.
 */
async function lastConfigured(projectCount: number): Promise<string | undefined> {
  if (projectCount < 2) return undefined;
  const res = await attempt(load<Page<Brand>>('/v1/brands?page[size]=1'));
  return res.data?.data[0]?.project_id;
}

export const one = (v: string | string[] | undefined): string | undefined =>
  typeof v === 'string' && v ? v : undefined;
