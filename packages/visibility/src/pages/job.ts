import {
  AiOutputError,
  AiUnavailableError,
  defineJob,
  getAiSettings,
  type JobContext,
  type Platform,
} from '@assay/core';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { Crawler, type CrawlResult } from './crawl/crawler.ts';
import type { Draft } from './draft/assemble.ts';
import { draftBaseline, type SourceContent } from './draft/baseline.ts';
import { draftWithLlm } from './draft/llm.ts';
import { knowledgePages, knowledgeSources } from './schema.ts';
import { DRAFT_JOB, healthOf, jsonLdFor } from './service.ts';
import { siteForOrg } from './site-store.ts';
import { fieldsOf } from './view.ts';

const CRAWL_CONCURRENCY = 3;
const MAX_ATTEMPTS = 3;

/**
 * Crawls a page's source URLs, extracts their readable content and writes the draft: with the LLM
 * when the page asked for it (falling back to the extractive baseline, and saying so, when the
 * provider is unavailable), the extractive baseline otherwise. The draft, its JSON-LD and health
 * score commit together with the job's completion.
 */
export const draftPageJob = (platform: Platform) => {
  return defineJob({
    name: DRAFT_JOB,
    queue: 'default',
    payload: z
      .object({
        orgId: z.uuid(),
        pageId: z.uuid(),
        title: z.string().optional(),
        description: z.string().optional(),
      })
      .strict(),
    maxAttempts: MAX_ATTEMPTS,
    async handler(payload, ctx) {
      try {
        return await writeDraft(payload, ctx);
      } catch (error) {
        // The last attempt leaves the page failed rather than drafting forever; earlier ones retry.
        if (ctx.attempt >= MAX_ATTEMPTS && !ctx.signal.aborted)
          await ctx.db
            .update(knowledgePages)
            .set({
              generation: 'failed',
              error: 'The draft could not be written; try again or write the page yourself.',
            })
            .where(and(eq(knowledgePages.orgId, payload.orgId), eq(knowledgePages.id, payload.pageId)));
        throw error;
      }
    },
  });

  async function writeDraft(
    payload: { orgId: string; pageId: string; title?: string; description?: string },
    ctx: JobContext,
  ) {
    const where = and(eq(knowledgePages.orgId, payload.orgId), eq(knowledgePages.id, payload.pageId));
    const [page] = await ctx.db.select().from(knowledgePages).where(where);
    if (!page) return { skipped: 'page deleted' };
    await ctx.db.update(knowledgePages).set({ generation: 'running' }).where(where);
    const sources = await ctx.db
      .select()
      .from(knowledgeSources)
      .where(and(eq(knowledgeSources.orgId, payload.orgId), eq(knowledgeSources.pageId, payload.pageId)))
      .orderBy(asc(knowledgeSources.position));
    const crawler = new Crawler({
      allowPrivate: platform.config.OUTBOUND_ALLOW_PRIVATE,
      signal: ctx.signal,
    });
    const results: CrawlResult[] = new Array(sources.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < sources.length) {
        const i = next++;
        results[i] = await crawler.crawl(sources[i].url);
        await ctx.progress(Math.round((++done / sources.length) * 70));
      }
    };
    await Promise.all(Array.from({ length: Math.min(CRAWL_CONCURRENCY, sources.length) }, worker));
    const fetched: SourceContent[] = results.flatMap((r) =>
      r.status === 'fetched' ? [{ url: r.url, content: r.content }] : [],
    );
    const wanted = { title: payload.title, description: payload.description };
    let draft: Draft | null = null;
    let note: string | null = null;
    if (fetched.length && page.method === 'llm') {
      try {
        const { model } = await getAiSettings(ctx.db, payload.orgId);
        draft = await draftWithLlm(
          {
            ai: platform.ai,
            orgId: payload.orgId,
            jobId: ctx.jobId,
            model: model ?? undefined,
            signal: ctx.signal,
          },
          fetched,
          wanted,
        );
      } catch (error) {
        if (error instanceof AiUnavailableError)
          note = `The language model was unavailable (${error.reason}); this is the extractive draft.`;
        else if (error instanceof AiOutputError)
          note = 'The language model did not return a usable draft; this is the extractive draft.';
        else throw error;
      }
    }
    if (fetched.length && !draft) draft = draftBaseline(fetched, wanted);
    await ctx.progress(90);
    const site = await siteForOrg(ctx.db, payload.orgId, platform.config);
    const now = new Date();
    const fields = draft
      ? {
          ...fieldsOf(page),
          title: draft.title,
          description: draft.description,
          bodyMd: draft.bodyMd,
          updatedAt: now,
        }
      : null;
    const jsonLd = fields ? jsonLdFor(site, fields, 'auto', []) : page.jsonLd;
    const health = fields ? await healthOf(ctx.db, payload.orgId, site, fields, jsonLd) : null;
    const failures = results.flatMap((r) => (r.status === 'fetched' ? [] : [`${r.url}: ${r.error}`]));
    return ctx.complete(async (tx) => {
      for (const [i, r] of results.entries())
        await tx
          .update(knowledgeSources)
          .set({
            status: r.status,
            httpStatus: r.httpStatus,
            error: r.status === 'fetched' ? null : r.error,
            title: r.status === 'fetched' ? r.content.title : null,
            content: r.status === 'fetched' ? r.content : null,
            contentChars: r.status === 'fetched' ? r.content.chars : null,
            fetchedAt: now,
          })
          .where(eq(knowledgeSources.id, sources[i].id));
      if (!draft || !fields || !health) {
        await tx
          .update(knowledgePages)
          .set({
            generation: 'failed',
            error: `None of the URLs could be read. ${failures.join('; ')}`.slice(0, 2000),
          })
          .where(where);
        return { fetched: 0, failed: failures.length };
      }
      await tx
        .update(knowledgePages)
        .set({
          title: fields.title,
          description: fields.description,
          bodyMd: fields.bodyMd,
          jsonLd,
          jsonLdMode: 'auto',
          method: draft.method,
          generation: 'done',
          error: note,
          healthScore: health.score,
          health,
          updatedAt: now,
        })
        .where(where);
      return {
        fetched: fetched.length,
        failed: failures.length,
        method: draft.method,
        health: health.score,
      };
    });
  }
};
