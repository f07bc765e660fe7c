import {
  afterCursor,
  decodeCursor,
  notFound,
  type Platform,
  paginated,
  serviceContext,
  toPage,
} from '@assay/core';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  brandView,
  bulkPromptsBody,
  createBrandBody,
  createModelSetBody,
  createPromptBody,
  idParams,
  MAX_BULK_PROMPTS,
  modelSetView,
  projectQuery,
  promptView,
  suggestionsQuery,
  suggestionView,
  updateBrandBody,
  updateModelSetBody,
  updatePromptBody,
} from './contracts-setup.ts';
import { visibilityBrands, visibilityModelSets, visibilityPrompts } from './schema.ts';
import {
  createBrand,
  createModelSet,
  createPrompt,
  createPrompts,
  deleteSetupRow,
  updateBrand,
  updateModelSet,
  updatePrompt,
} from './setup-service.ts';
import { competitorSuggestions } from './suggestions.ts';
import { brandToView, modelSetToView, promptToView } from './views.ts';

type Table = typeof visibilityBrands | typeof visibilityPrompts | typeof visibilityModelSets;

/** Brands, prompts and model sets: the setup of a project, each with list, get, create, update and delete. */
export async function setupRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['visibility'];

  const list = async (
    request: { query: { project_id?: string; 'page[size]': number; 'page[cursor]'?: string } },
    ctx: ReturnType<typeof serviceContext>,
    table: Table,
  ) => {
    const cursor = decodeCursor(request.query['page[cursor]']);
    return ctx.db
      .select()
      .from(table)
      .where(
        and(
          eq(table.orgId, ctx.orgId),
          request.query.project_id ? eq(table.projectId, request.query.project_id) : undefined,
          afterCursor(table.createdAt, table.id, cursor),
        ),
      )
      .orderBy(desc(table.createdAt), desc(table.id))
      .limit(request.query['page[size]'] + 1);
  };
  const one = async (ctx: ReturnType<typeof serviceContext>, table: Table, id: string, what: string) => {
    const [row] = await ctx.db
      .select()
      .from(table)
      .where(and(eq(table.orgId, ctx.orgId), eq(table.id, id)));
    if (!row) throw notFound(what);
    return row;
  };

  // Brands
  r.get(
    '/brands',
    {
      config: { permission: 'brands.view' },
      schema: {
        tags,
        summary: 'Tracked brands (own and competitors), newest first',
        querystring: projectQuery,
        response: { 200: paginated(brandView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const rows = (await list(request, ctx, visibilityBrands)) as (typeof visibilityBrands.$inferSelect)[];
      return toPage(rows, request.query['page[size]'], brandToView);
    },
  );
  r.get(
    '/brands/suggestions',
    {
      config: { permission: 'brands.view' },
      schema: {
        tags,
        summary:
          'Competitor suggestions: brand-like names the extractor found in answers that are not tracked yet',
        description:
          'Names come from list items, table rows and "X vs Y" comparisons in the project\'s answers, most frequent first. Add one with POST /v1/brands (owned: false).',
        querystring: suggestionsQuery,
        response: { 200: z.object({ data: z.array(suggestionView) }) },
      },
    },
    async (request) => ({
      data: await competitorSuggestions(
        serviceContext(request, platform.db),
        request.query.project_id,
        request.query.limit,
      ),
    }),
  );
  r.get(
    '/brands/:id',
    {
      config: { permission: 'brands.view' },
      schema: { tags, summary: 'One brand', params: idParams, response: { 200: brandView } },
    },
    async (request) =>
      brandToView(
        (await one(
          serviceContext(request, platform.db),
          visibilityBrands,
          request.params.id,
          'Brand',
        )) as typeof visibilityBrands.$inferSelect,
      ),
  );
  r.post(
    '/brands',
    {
      config: { permission: 'brands.create' },
      schema: {
        tags,
        summary:
          "Track a brand: the project's own (owned: true) or a competitor; stored answers are extracted again",
        body: createBrandBody,
        response: { 201: brandView },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(brandToView(await createBrand(serviceContext(request, platform.db), platform, request.body))),
  );
  r.patch(
    '/brands/:id',
    {
      config: { permission: 'brands.edit' },
      schema: {
        tags,
        summary: 'Change a brand; stored answers are extracted again with the new names (a background job)',
        params: idParams,
        body: updateBrandBody,
        response: { 200: brandView },
      },
    },
    async (request) =>
      brandToView(
        await updateBrand(serviceContext(request, platform.db), platform, request.params.id, request.body),
      ),
  );
  r.delete(
    '/brands/:id',
    {
      config: { permission: 'brands.delete' },
      schema: {
        tags,
        summary: 'Stop tracking a brand (its mentions are deleted; answers are extracted again)',
        params: idParams,
      },
    },
    async (request, reply) => {
      await deleteSetupRow(serviceContext(request, platform.db), platform, 'brand', request.params.id);
      return reply.code(204).send();
    },
  );

  // Prompts
  r.get(
    '/prompts',
    {
      config: { permission: 'prompts.view' },
      schema: {
        tags,
        summary: 'Prompts, newest first',
        querystring: projectQuery,
        response: { 200: paginated(promptView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const rows = (await list(request, ctx, visibilityPrompts)) as (typeof visibilityPrompts.$inferSelect)[];
      return toPage(rows, request.query['page[size]'], promptToView);
    },
  );
  r.get(
    '/prompts/:id',
    {
      config: { permission: 'prompts.view' },
      schema: { tags, summary: 'One prompt', params: idParams, response: { 200: promptView } },
    },
    async (request) =>
      promptToView(
        (await one(
          serviceContext(request, platform.db),
          visibilityPrompts,
          request.params.id,
          'Prompt',
        )) as typeof visibilityPrompts.$inferSelect,
      ),
  );
  r.post(
    '/prompts',
    {
      config: { permission: 'prompts.create' },
      schema: {
        tags,
        summary: 'Add a prompt (a question customers ask)',
        body: createPromptBody,
        response: { 201: promptView },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(promptToView(await createPrompt(serviceContext(request, platform.db), request.body))),
  );
  r.patch(
    '/prompts/:id',
    {
      config: { permission: 'prompts.edit' },
      schema: {
        tags,
        summary: 'Change a prompt',
        params: idParams,
        body: updatePromptBody,
        response: { 200: promptView },
      },
    },
    async (request) =>
      promptToView(await updatePrompt(serviceContext(request, platform.db), request.params.id, request.body)),
  );
  r.delete(
    '/prompts/:id',
    {
      config: { permission: 'prompts.delete' },
      schema: {
        tags,
        summary: 'Delete a prompt (its answers stay, keeping the prompt text)',
        params: idParams,
      },
    },
    async (request, reply) => {
      await deleteSetupRow(serviceContext(request, platform.db), platform, 'prompt', request.params.id);
      return reply.code(204).send();
    },
  );

  r.post(
    '/prompts/bulk',
    {
      config: { permission: 'prompts.create' },
      schema: {
        tags,
        summary: `Add up to ${MAX_BULK_PROMPTS} prompts at once (all or none)`,
        body: bulkPromptsBody,
        response: { 201: z.object({ data: z.array(promptView) }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        data: (await createPrompts(serviceContext(request, platform.db), request.body)).map(promptToView),
      }),
  );

  // Model sets
  r.get(
    '/model-sets',
    {
      config: { permission: 'model_sets.view' },
      schema: {
        tags,
        summary: 'Model sets, newest first',
        querystring: projectQuery,
        response: { 200: paginated(modelSetView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const rows = (await list(
        request,
        ctx,
        visibilityModelSets,
      )) as (typeof visibilityModelSets.$inferSelect)[];
      return toPage(rows, request.query['page[size]'], modelSetToView);
    },
  );
  r.get(
    '/model-sets/:id',
    {
      config: { permission: 'model_sets.view' },
      schema: { tags, summary: 'One model set', params: idParams, response: { 200: modelSetView } },
    },
    async (request) =>
      modelSetToView(
        (await one(
          serviceContext(request, platform.db),
          visibilityModelSets,
          request.params.id,
          'Model set',
        )) as typeof visibilityModelSets.$inferSelect,
      ),
  );
  r.post(
    '/model-sets',
    {
      config: { permission: 'model_sets.create' },
      schema: {
        tags,
        summary: 'Choose the models a scan asks, samples per prompt and web search',
        description:
          'Each model must belong to a configured provider (503 with setup help when none is). Web search is available for OpenAI, Anthropic and Google; OpenAI-compatible servers (Ollama, vLLM) have no search tool and are refused with web_search on.',
        body: createModelSetBody,
        response: { 201: modelSetView },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          modelSetToView(await createModelSet(serviceContext(request, platform.db), platform, request.body)),
        ),
  );
  r.patch(
    '/model-sets/:id',
    {
      config: { permission: 'model_sets.edit' },
      schema: {
        tags,
        summary: 'Change a model set (runs already made keep their methodology)',
        params: idParams,
        body: updateModelSetBody,
        response: { 200: modelSetView },
      },
    },
    async (request) =>
      modelSetToView(
        await updateModelSet(serviceContext(request, platform.db), platform, request.params.id, request.body),
      ),
  );
  r.delete(
    '/model-sets/:id',
    {
      config: { permission: 'model_sets.delete' },
      schema: { tags, summary: 'Delete a model set (and its schedules)', params: idParams },
    },
    async (request, reply) => {
      await deleteSetupRow(serviceContext(request, platform.db), platform, 'model_set', request.params.id);
      return reply.code(204).send();
    },
  );
}
