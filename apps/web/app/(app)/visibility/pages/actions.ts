'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { ApiError, describeError } from '@/lib/errors';
import { runAction } from '@/lib/run-action';
import type { HealthReport, KnowledgePage, LiveScore, PageEdit } from './types';

const id = z.uuid();

const createSchema = z.object({
  project_id: z.uuid({ message: 'Choose a project' }),
  urls: z.string().max(25_000).default(''),
  title: z.string().trim().max(120).optional(),
  engine: z.enum(['auto', 'baseline', 'llm']).default('auto'),
});

/** Creates a page from URLs (drafted by the worker) or, without URLs, an empty page with a title. */
export async function createKnowledgePage(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(createSchema, form, async (input) => {
    const urls = input.urls
      .split(/\s+/)
      .map((u) => u.trim())
      .filter(Boolean);
    const page = await api<KnowledgePage>('/v1/knowledge-pages', {
      method: 'POST',
      body: {
        project_id: input.project_id,
        urls,
        title: input.title || undefined,
        engine: input.engine === 'auto' || urls.length === 0 ? undefined : input.engine,
        body_md: urls.length ? undefined : '',
      },
    });
    redirect(`/visibility/pages/${page.id}`);
  });
}

type Result<T> = { ok: true; data: T } | { ok: false; error: string; fields?: Record<string, string> };

async function call<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    const fields =
      error instanceof ApiError
        ? Object.fromEntries(error.details.map((d) => [d.field, d.message]))
        : undefined;
    return { ok: false, error: describeError(error), fields };
  }
}

/** The editor's live score for unsaved values. */
export async function scoreDraft(pageId: string, edit: PageEdit): Promise<Result<LiveScore>> {
  if (!id.safeParse(pageId).success) return { ok: false, error: 'Unknown page.' };
  return call(() => api<LiveScore>(`/v1/knowledge-pages/${pageId}/score`, { method: 'POST', body: edit }));
}

export async function savePage(pageId: string, edit: PageEdit): Promise<Result<KnowledgePage>> {
  if (!id.safeParse(pageId).success) return { ok: false, error: 'Unknown page.' };
  const result = await call(() =>
    api<KnowledgePage>(`/v1/knowledge-pages/${pageId}`, { method: 'PATCH', body: edit }),
  );
  if (result.ok) revalidatePath('/visibility/pages');
  return result;
}

export async function setPublished(pageId: string, publish: boolean): Promise<Result<KnowledgePage>> {
  if (!id.safeParse(pageId).success) return { ok: false, error: 'Unknown page.' };
  const result = await call(() =>
    api<KnowledgePage>(`/v1/knowledge-pages/${pageId}/${publish ? 'publish' : 'unpublish'}`, {
      method: 'POST',
    }),
  );
  if (result.ok) revalidatePath('/visibility/pages');
  return result;
}

export async function deletePage(pageId: string): Promise<Result<null>> {
  if (!id.safeParse(pageId).success) return { ok: false, error: 'Unknown page.' };
  const result = await call(() => api<null>(`/v1/knowledge-pages/${pageId}`, { method: 'DELETE' }));
  if (result.ok) redirect('/visibility/pages');
  return result;
}

/** Health of any public URL, fetched by the API (with safeFetch) with its robots.txt, llms.txt and Markdown twin. */
export async function checkUrl(
  _: ActionState & { report?: HealthReport & { url: string; status: number } },
  form: FormData,
): Promise<ActionState & { report?: HealthReport & { url: string; status: number } }> {
  let report: (HealthReport & { url: string; status: number }) | undefined;
  const state = await runAction(
    z.object({ url: z.string().trim().min(1, 'Enter a URL').max(2048) }),
    form,
    async (input) => {
      report = await api('/v1/page-health', { method: 'POST', body: { url: input.url } });
    },
  );
  return { ...state, report };
}

/** Crawls the sources again and replaces the draft; the page shows the drafting state until it is done. */
export async function redraft(pageId: string): Promise<Result<KnowledgePage>> {
  if (!id.safeParse(pageId).success) return { ok: false, error: 'Unknown page.' };
  const result = await call(() =>
    api<KnowledgePage>(`/v1/knowledge-pages/${pageId}/redraft`, { method: 'POST', body: {} }),
  );
  if (result.ok) revalidatePath(`/visibility/pages/${pageId}`);
  return result;
}
