import {
  AppError,
  assertPublicUrl,
  conflict,
  getAiSettings,
  notFound,
  type Platform,
  recordAudit,
  SafeFetchError,
  type ServiceContext,
  validationError,
} from '@assay/core';
import { type Db, projects, uuidv7 } from '@assay/db';
import { and, asc, eq, like, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { createPageBody, updatePageBody } from './contracts.ts';
import { jsonLdProblems } from './jsonld-validate.ts';
import { scoreKnowledgePage } from './page-health.ts';
import { knowledgePages, knowledgeSources } from './schema.ts';
import type { SiteInfo } from './site.ts';
import { publishedPages, siteForOrg } from './site-store.ts';
import { buildJsonLd, type JsonLdBlock, type PageFields } from './structured-data.ts';
import { fieldsOf, type PageRow } from './view.ts';

type CreateInput = z.infer<typeof createPageBody>;
type UpdateInput = z.infer<typeof updatePageBody>;

export const DRAFT_JOB = 'visibility.draft-page';
const BUSY = ['queued', 'running'];

export const siteOf = (ctx: { db: Db; orgId: string }, platform: Platform) =>
  siteForOrg(ctx.db, ctx.orgId, platform.config);

export async function loadPage(ctx: ServiceContext, id: string, db: Db = ctx.db): Promise<PageRow> {
  const [row] = await db
    .select()
    .from(knowledgePages)
    .where(and(eq(knowledgePages.orgId, ctx.orgId), eq(knowledgePages.id, id)));
  if (!row) throw notFound('Knowledge page');
  return row;
}

export async function loadSources(ctx: ServiceContext, pageId: string) {
  return ctx.db
    .select()
    .from(knowledgeSources)
    .where(and(eq(knowledgeSources.orgId, ctx.orgId), eq(knowledgeSources.pageId, pageId)))
    .orderBy(asc(knowledgeSources.position));
}

/** A slug from a title: lowercase ASCII words joined by hyphens. */
export function slugFrom(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return base.length >= 1 && !['md', 'llms', 'robots', 'sitemap', 'index'].includes(base) ? base : 'page';
}

async function uniqueSlug(db: Db, orgId: string, base: string): Promise<string> {
  const rows = await db
    .select({ slug: knowledgePages.slug })
    .from(knowledgePages)
    .where(and(eq(knowledgePages.orgId, orgId), like(knowledgePages.slug, `${base}%`)));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function assertSlugFree(db: Db, orgId: string, slug: string, exceptId?: string) {
  const [row] = await db
    .select({ id: knowledgePages.id })
    .from(knowledgePages)
    .where(
      and(
        eq(knowledgePages.orgId, orgId),
        eq(knowledgePages.slug, slug),
        exceptId ? ne(knowledgePages.id, exceptId) : undefined,
      ),
    );
  if (row)
    throw new AppError('CONFLICT', `Another page already uses the slug "${slug}"`, {
      details: [{ field: 'slug', message: 'already used' }],
    });
}

/** The engine asked for, else the organization's setting for visibility, else the LLM when one is available. */
async function chooseEngine(ctx: ServiceContext, platform: Platform, wanted?: 'baseline' | 'llm') {
  if (wanted) return wanted;
  const { engines } = await getAiSettings(ctx.db, ctx.orgId);
  return engines.visibility ?? (platform.ai.available() ? 'llm' : 'baseline');
}

/** Checks every URL before anything is saved, and names each bad one. */
async function checkUrls(urls: string[], allowPrivate: boolean): Promise<string[]> {
  const unique = [...new Set(urls.map((u) => u.trim()))];
  const problems = [];
  for (const [i, url] of unique.entries()) {
    try {
      await assertPublicUrl(url, { allowPrivate });
    } catch (error) {
      if (!(error instanceof SafeFetchError)) throw error;
      problems.push({ field: `urls.${i}`, message: `${url.slice(0, 200)}: ${error.message}` });
    }
  }
  if (problems.length) throw validationError('Some URLs cannot be crawled', problems);
  return unique;
}

/** The JSON-LD a page serves: generated from its fields, or the validated custom blocks. */
export function jsonLdFor(
  site: SiteInfo,
  fields: PageFields,
  mode: string,
  custom: JsonLdBlock[],
): JsonLdBlock[] {
  return mode === 'custom' ? custom : buildJsonLd(site, fields);
}

export async function healthOf(
  db: Db,
  orgId: string,
  site: SiteInfo,
  fields: PageFields,
  jsonLd: JsonLdBlock[],
) {
  return scoreKnowledgePage(site, fields, jsonLd, await publishedPages(db, orgId), fields.updatedAt);
}

/**
 * Creates a page. With URLs it is drafted by the worker (202: crawl, extract, draft with the LLM
 * when one is configured or the extractive baseline otherwise); without, it starts from the body given.
 */
export async function createPage(ctx: ServiceContext, platform: Platform, input: CreateInput) {
  const urls = await checkUrls(input.urls, platform.config.OUTBOUND_ALLOW_PRIVATE);
  if (!urls.length && !input.title)
    throw validationError('A page needs source URLs to draft from, or a title', [
      { field: 'title', message: 'required when no URLs are given' },
    ]);
  const engine = urls.length ? await chooseEngine(ctx, platform, input.engine) : 'manual';
  if (engine === 'llm' && !platform.ai.available())
    throw new AppError(
      'CONFLICT',
      'No AI provider is configured; draft with engine "baseline" or configure a provider',
      {
        details: [{ field: 'engine', message: 'no AI provider available' }],
      },
    );
  const site = await siteOf(ctx, platform);
  const created = await ctx.db.transaction(async (tx) => {
    const [project] = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.orgId, ctx.orgId), eq(projects.id, input.project_id)));
    if (!project) throw notFound('Project');
    const title = input.title ?? new URL(urls[0]).hostname;
    if (input.slug) await assertSlugFree(tx, ctx.orgId, input.slug);
    const slug =
      input.slug ??
      (await uniqueSlug(
        tx,
        ctx.orgId,
        slugFrom(input.title ?? new URL(urls[0]).pathname.split('/').filter(Boolean).pop() ?? title),
      ));
    const id = uuidv7();
    const now = new Date();
    const fields: PageFields = {
      slug,
      title,
      description: input.description ?? '',
      bodyMd: input.body_md ?? '',
      pageType: input.page_type,
      language: input.language,
      product: input.product ?? null,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    };
    const jsonLd = buildJsonLd(site, fields);
    const health = urls.length ? null : await healthOf(tx, ctx.orgId, site, fields, jsonLd);
    const job = urls.length
      ? await platform.jobs.enqueue(tx, {
          orgId: ctx.orgId,
          name: DRAFT_JOB,
          payload: { orgId: ctx.orgId, pageId: id, title: input.title, description: input.description },
          idempotencyKey: `${DRAFT_JOB}:${id}`,
          createdBy: ctx.actor.id ?? undefined,
        })
      : null;
    const [row] = await tx
      .insert(knowledgePages)
      .values({
        id,
        orgId: ctx.orgId,
        projectId: project.id,
        slug,
        title,
        description: fields.description,
        bodyMd: fields.bodyMd,
        jsonLd,
        pageType: fields.pageType,
        language: fields.language,
        product: fields.product,
        generation: job ? 'queued' : 'done',
        method: engine,
        jobId: job?.id ?? null,
        healthScore: health?.score ?? null,
        health,
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (urls.length)
      await tx
        .insert(knowledgeSources)
        .values(urls.map((url, position) => ({ orgId: ctx.orgId, pageId: id, position, url })));
    await recordAudit(tx, ctx, {
      action: 'visibility.knowledge_page.create',
      targetType: 'knowledge_page',
      targetId: id,
      after: { slug, title, urls: urls.length, engine },
    });
    return { row, jobId: job?.id };
  });
  if (created.jobId) await platform.jobs.dispatch([created.jobId]);
  return { row: created.row, site };
}

/** The page's fields with the edit applied, and the JSON-LD it would serve (custom blocks validated). */
export function applyEdit(site: SiteInfo, row: PageRow, input: UpdateInput, at: Date) {
  const fields: PageFields = {
    ...fieldsOf(row),
    slug: input.slug ?? row.slug,
    title: input.title ?? row.title,
    description: input.description ?? row.description,
    bodyMd: input.body_md ?? row.bodyMd,
    pageType: input.page_type ?? (row.pageType as PageFields['pageType']),
    language: input.language ?? row.language,
    product: input.product === undefined ? (row.product ?? null) : input.product,
    updatedAt: at,
  };
  const mode = input.json_ld === undefined ? row.jsonLdMode : input.json_ld === null ? 'auto' : 'custom';
  const custom = input.json_ld
    ? Array.isArray(input.json_ld)
      ? input.json_ld
      : [input.json_ld]
    : row.jsonLd;
  if (mode === 'custom') {
    const problems = jsonLdProblems(site, fields, custom);
    if (problems.length)
      throw validationError(
        input.json_ld
          ? 'The JSON-LD does not describe this page'
          : 'The page no longer matches its custom JSON-LD; edit the JSON-LD or set it to null to generate it',
        problems,
      );
  }
  return { fields, mode, jsonLd: jsonLdFor(site, fields, mode, custom) };
}

export async function updatePage(ctx: ServiceContext, platform: Platform, id: string, input: UpdateInput) {
  const site = await siteOf(ctx, platform);
  const row = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(knowledgePages)
      .where(and(eq(knowledgePages.orgId, ctx.orgId), eq(knowledgePages.id, id)))
      .for('update');
    if (!row) throw notFound('Knowledge page');
    if (BUSY.includes(row.generation))
      throw conflict('The page is still being drafted; edit it when the draft is ready');
    if (input.slug && input.slug !== row.slug) await assertSlugFree(tx, ctx.orgId, input.slug, id);
    const now = new Date();
    const { fields, mode, jsonLd } = applyEdit(site, row, input, now);
    const health = await healthOf(tx, ctx.orgId, site, fields, jsonLd);
    const [updated] = await tx
      .update(knowledgePages)
      .set({
        slug: fields.slug,
        title: fields.title,
        description: fields.description,
        bodyMd: fields.bodyMd,
        pageType: fields.pageType,
        language: fields.language,
        product: fields.product,
        jsonLd,
        jsonLdMode: mode,
        healthScore: health.score,
        health,
        updatedAt: now,
      })
      .where(eq(knowledgePages.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'visibility.knowledge_page.update',
      targetType: 'knowledge_page',
      targetId: id,
      before: { slug: row.slug, title: row.title, json_ld_mode: row.jsonLdMode },
      after: { slug: fields.slug, title: fields.title, json_ld_mode: mode, fields: Object.keys(input) },
    });
    return updated;
  });
  return { row, site };
}

/** The editor's live score: the health of the page as it would be with these (unsaved) values. */
export async function scoreEdit(ctx: ServiceContext, platform: Platform, id: string, input: UpdateInput) {
  const site = await siteOf(ctx, platform);
  const row = await loadPage(ctx, id);
  let jsonLdErrors: { field: string; message: string }[] = [];
  let edit: ReturnType<typeof applyEdit>;
  const at = new Date();
  try {
    edit = applyEdit(site, row, input, at);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'VALIDATION_ERROR') throw error;
    // Score the content anyway (with the custom JSON-LD as typed) and report why it cannot be saved.
    jsonLdErrors = error.details;
    edit = applyEdit(site, { ...row, jsonLdMode: 'auto' }, { ...input, json_ld: undefined }, at);
    if (input.json_ld) edit.jsonLd = Array.isArray(input.json_ld) ? input.json_ld : [input.json_ld];
  }
  const health = await healthOf(ctx.db, ctx.orgId, site, edit.fields, edit.jsonLd);
  return { ...health, json_ld: edit.jsonLd, json_ld_errors: jsonLdErrors };
}

async function setStatus(ctx: ServiceContext, platform: Platform, id: string, publish: boolean) {
  const site = await siteOf(ctx, platform);
  const row = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(knowledgePages)
      .where(and(eq(knowledgePages.orgId, ctx.orgId), eq(knowledgePages.id, id)))
      .for('update');
    if (!row) throw notFound('Knowledge page');
    if (publish) {
      if (BUSY.includes(row.generation)) throw conflict('The page is still being drafted');
      if (row.generation === 'failed' && !row.bodyMd.trim())
        throw conflict('The draft failed; there is nothing to publish');
      if (!row.bodyMd.trim())
        throw validationError('The page has no body to publish', [{ field: 'body_md', message: 'empty' }]);
    }
    const target = publish ? 'PUBLISHED' : 'DRAFT';
    if (row.status === target) return row;
    const now = new Date();
    const fields = { ...fieldsOf(row), publishedAt: publish ? now : null, updatedAt: now };
    const jsonLd = jsonLdFor(site, fields, row.jsonLdMode, row.jsonLd);
    const [updated] = await tx
      .update(knowledgePages)
      .set({ status: target, publishedAt: fields.publishedAt, jsonLd, updatedAt: now })
      .where(eq(knowledgePages.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: publish ? 'visibility.knowledge_page.publish' : 'visibility.knowledge_page.unpublish',
      targetType: 'knowledge_page',
      targetId: id,
      before: { status: row.status },
      after: { status: target },
    });
    return updated;
  });
  return { row, site };
}

export const publishPage = (ctx: ServiceContext, platform: Platform, id: string) =>
  setStatus(ctx, platform, id, true);
export const unpublishPage = (ctx: ServiceContext, platform: Platform, id: string) =>
  setStatus(ctx, platform, id, false);

export async function deletePage(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(knowledgePages)
      .where(and(eq(knowledgePages.orgId, ctx.orgId), eq(knowledgePages.id, id)))
      .returning({ slug: knowledgePages.slug, status: knowledgePages.status });
    if (!row) throw notFound('Knowledge page');
    await recordAudit(tx, ctx, {
      action: 'visibility.knowledge_page.delete',
      targetType: 'knowledge_page',
      targetId: id,
      before: { slug: row.slug, status: row.status },
    });
  });
}

/** Crawls the page's sources again and replaces its draft (drafts only: a published page changes only by edits). */
export async function redraftPage(
  ctx: ServiceContext,
  platform: Platform,
  id: string,
  engine?: 'baseline' | 'llm',
) {
  const method = engine ?? (platform.ai.available() ? 'llm' : 'baseline');
  if (method === 'llm' && !platform.ai.available())
    throw new AppError(
      'CONFLICT',
      'No AI provider is configured; draft with engine "baseline" or configure a provider',
    );
  const site = await siteOf(ctx, platform);
  const { row, jobId } = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(knowledgePages)
      .where(and(eq(knowledgePages.orgId, ctx.orgId), eq(knowledgePages.id, id)))
      .for('update');
    if (!row) throw notFound('Knowledge page');
    if (BUSY.includes(row.generation)) throw conflict('The page is already being drafted');
    if (row.status === 'PUBLISHED') throw conflict('Unpublish the page before drafting it again');
    const sources = await tx
      .update(knowledgeSources)
      .set({ status: 'pending', error: null, httpStatus: null })
      .where(and(eq(knowledgeSources.orgId, ctx.orgId), eq(knowledgeSources.pageId, id)))
      .returning({ id: knowledgeSources.id });
    if (!sources.length) throw conflict('This page has no source URLs to draft from');
    const job = await platform.jobs.enqueue(tx, {
      orgId: ctx.orgId,
      name: DRAFT_JOB,
      payload: { orgId: ctx.orgId, pageId: id },
      idempotencyKey: `${DRAFT_JOB}:${id}:${Date.now()}`,
      createdBy: ctx.actor.id ?? undefined,
    });
    const [updated] = await tx
      .update(knowledgePages)
      .set({ generation: 'queued', method, error: null, jobId: job.id })
      .where(eq(knowledgePages.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'visibility.knowledge_page.redraft',
      targetType: 'knowledge_page',
      targetId: id,
      after: { engine: method },
    });
    return { row: updated, jobId: job.id };
  });
  await platform.jobs.dispatch([jobId]);
  return { row, site };
}
