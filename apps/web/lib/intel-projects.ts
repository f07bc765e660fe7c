import { attempt, load } from './api';
import type { Page, Project } from './types';

export type ProjectChoice =
  | { error: string; projects: Project[]; current: null }
  | { error: null; projects: Project[]; current: Project | null };

/** The organization's projects and the one picked in the URL (`?project=`), else the first. */
export async function chooseProject(
  wanted: string | string[] | undefined,
  { fallbackToFirst = true }: { fallbackToFirst?: boolean } = {},
): Promise<ProjectChoice> {
  const res = await attempt(load<Page<Project>>('/v1/projects?page[size]=100'));
  if (!res.data) return { error: res.error, projects: [], current: null };
  const projects = res.data.data;
  const id = typeof wanted === 'string' ? wanted : undefined;
  const current = projects.find((p) => p.id === id) ?? (fallbackToFirst ? (projects[0] ?? null) : null);
  return { error: null, projects, current };
}

export const param = (v: string | string[] | undefined): string | undefined =>
  typeof v === 'string' && v ? v : undefined;
