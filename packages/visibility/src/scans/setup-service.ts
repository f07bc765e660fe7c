import { AppError, notFound, type Platform, recordAudit, type ServiceContext } from '@assay/core';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  bulkPromptsBody,
  createBrandBody,
  createModelSetBody,
  createPromptBody,
  updateBrandBody,
  updateModelSetBody,
  updatePromptBody,
} from './contracts-setup.ts';
import { assertProject } from './project.ts';
import { assertModelsUsable } from './providers.ts';
import { enqueueReextract } from './reextract-job.ts';
import { visibilityAnswers, visibilityBrands, visibilityModelSets, visibilityPrompts } from './schema.ts';

type Tx = ServiceContext['db'];

async function assertBrandNameFree(tx: Tx, orgId: string, projectId: string, name: string, except?: string) {
  const [clash] = await tx
    .select({ id: visibilityBrands.id })
    .from(visibilityBrands)
    .where(
      and(
        eq(visibilityBrands.orgId, orgId),
        eq(visibilityBrands.projectId, projectId),
        sql`lower(${visibilityBrands.name}) = lower(${name})`,
        except ? ne(visibilityBrands.id, except) : undefined,
      ),
    );
  if (clash) {
    throw new AppError('CONFLICT', `This project already tracks a brand named "${name}"`, {
      details: [{ field: 'name', message: 'already tracked in this project' }],
    });
  }
}

/** Brands changed: answers already stored are extracted again (a job), if the project has any. */
async function reextractIfAnswers(platform: Platform, tx: Tx, orgId: string, projectId: string) {
  const [any] = await tx
    .select({ id: visibilityAnswers.id })
    .from(visibilityAnswers)
    .where(and(eq(visibilityAnswers.orgId, orgId), eq(visibilityAnswers.projectId, projectId)))
    .limit(1);
  return any ? enqueueReextract(platform, tx, orgId, projectId) : null;
}

async function afterCommit(platform: Platform, jobId: string | null) {
  if (jobId) await platform.jobs.dispatch([jobId]);
}

export async function createBrand(
  ctx: ServiceContext,
  platform: Platform,
  input: z.infer<typeof createBrandBody>,
) {
  const { row, jobId } = await ctx.db.transaction(async (tx) => {
    await assertProject(tx, ctx.orgId, input.project_id);
    await assertBrandNameFree(tx, ctx.orgId, input.project_id, input.name);
    const { project_id, ...fields } = input;
    const [row] = await tx
      .insert(visibilityBrands)
      .values({ orgId: ctx.orgId, projectId: project_id, ...fields })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'visibility.brand.create',
      targetType: 'visibility_brand',
      targetId: row.id,
      after: input,
    });
    return { row, jobId: await reextractIfAnswers(platform, tx, ctx.orgId, project_id) };
  });
  await afterCommit(platform, jobId);
  return row;
}

export async function updateBrand(
  ctx: ServiceContext,
  platform: Platform,
  id: string,
  input: z.infer<typeof updateBrandBody>,
) {
  const { row, jobId } = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(visibilityBrands)
      .where(and(eq(visibilityBrands.orgId, ctx.orgId), eq(visibilityBrands.id, id)))
      .for('update');
    if (!before) throw notFound('Brand');
    if (input.name) await assertBrandNameFree(tx, ctx.orgId, before.projectId, input.name, id);
    const [row] = await tx.update(visibilityBrands).set(input).where(eq(visibilityBrands.id, id)).returning();
    await recordAudit(tx, ctx, {
      action: 'visibility.brand.update',
      targetType: 'visibility_brand',
      targetId: id,
      after: input,
    });
    return { row, jobId: await reextractIfAnswers(platform, tx, ctx.orgId, before.projectId) };
  });
  await afterCommit(platform, jobId);
  return row;
}

export async function createPrompt(ctx: ServiceContext, input: z.infer<typeof createPromptBody>) {
  return ctx.db.transaction(async (tx) => {
    await assertProject(tx, ctx.orgId, input.project_id);
    const { project_id, ...fields } = input;
    const [row] = await tx
      .insert(visibilityPrompts)
      .values({ orgId: ctx.orgId, projectId: project_id, ...fields })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'visibility.prompt.create',
      targetType: 'visibility_prompt',
      targetId: row.id,
      after: input,
    });
    return row;
  });
}

export async function updatePrompt(ctx: ServiceContext, id: string, input: z.infer<typeof updatePromptBody>) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(visibilityPrompts)
      .set(input)
      .where(and(eq(visibilityPrompts.orgId, ctx.orgId), eq(visibilityPrompts.id, id)))
      .returning();
    if (!row) throw notFound('Prompt');
    await recordAudit(tx, ctx, {
      action: 'visibility.prompt.update',
      targetType: 'visibility_prompt',
      targetId: id,
      after: input,
    });
    return row;
  });
}

export async function createModelSet(
  ctx: ServiceContext,
  platform: Platform,
  input: z.infer<typeof createModelSetBody>,
) {
  assertModelsUsable(platform, input.models, input.web_search);
  return ctx.db.transaction(async (tx) => {
    await assertProject(tx, ctx.orgId, input.project_id);
    const [row] = await tx
      .insert(visibilityModelSets)
      .values({
        orgId: ctx.orgId,
        projectId: input.project_id,
        name: input.name,
        models: input.models,
        samplesPerPrompt: input.samples_per_prompt,
        webSearch: input.web_search,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'visibility.model_set.create',
      targetType: 'visibility_model_set',
      targetId: row.id,
      after: input,
    });
    return row;
  });
}

export async function updateModelSet(
  ctx: ServiceContext,
  platform: Platform,
  id: string,
  input: z.infer<typeof updateModelSetBody>,
) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(visibilityModelSets)
      .where(and(eq(visibilityModelSets.orgId, ctx.orgId), eq(visibilityModelSets.id, id)))
      .for('update');
    if (!before) throw notFound('Model set');
    if (input.models || input.web_search !== undefined) {
      assertModelsUsable(platform, input.models ?? before.models, input.web_search ?? before.webSearch);
    }
    const [row] = await tx
      .update(visibilityModelSets)
      .set({
        name: input.name,
        models: input.models,
        samplesPerPrompt: input.samples_per_prompt,
        webSearch: input.web_search,
      })
      .where(eq(visibilityModelSets.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'visibility.model_set.update',
      targetType: 'visibility_model_set',
      targetId: id,
      after: input,
    });
    return row;
  });
}

const tables = {
  brand: visibilityBrands,
  prompt: visibilityPrompts,
  model_set: visibilityModelSets,
} as const;
const labels = { brand: 'Brand', prompt: 'Prompt', model_set: 'Model set' } as const;

/** Deletes a setup row of the caller's organization; mentions of a deleted brand go with it. */
export async function deleteSetupRow(
  ctx: ServiceContext,
  platform: Platform,
  kind: keyof typeof tables,
  id: string,
) {
  const table = tables[kind];
  const jobId = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .delete(table)
      .where(and(eq(table.orgId, ctx.orgId), eq(table.id, id)))
      .returning({ id: table.id, projectId: table.projectId });
    if (rows.length === 0) throw notFound(labels[kind]);
    await recordAudit(tx, ctx, {
      action: `visibility.${kind}.delete`,
      targetType: `visibility_${kind}`,
      targetId: id,
    });
    return kind === 'brand' ? reextractIfAnswers(platform, tx, ctx.orgId, rows[0].projectId) : null;
  });
  await afterCommit(platform, jobId);
}

/** Several prompts at once (a pasted list), all or none. */
export async function createPrompts(ctx: ServiceContext, input: z.infer<typeof bulkPromptsBody>) {
  return ctx.db.transaction(async (tx) => {
    await assertProject(tx, ctx.orgId, input.project_id);
    const rows = await tx
      .insert(visibilityPrompts)
      .values(input.prompts.map((p) => ({ orgId: ctx.orgId, projectId: input.project_id, ...p })))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'visibility.prompt.create_many',
      targetType: 'project',
      targetId: input.project_id,
      after: { prompts: rows.length },
    });
    return rows;
  });
}
