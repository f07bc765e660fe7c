import { createHash } from 'node:crypto';
import {
  AppError,
  assertQuota,
  conflict,
  notFound,
  type Platform,
  QUOTA_METRICS,
  recordAudit,
  type ServiceContext,
} from '@assay/core';
import { type Db, projects, uuidv7 } from '@assay/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { intelYaraRuleSets, intelYaraScans } from '../schema.ts';
import { getIntelSettings } from '../settings/service.ts';
import type { createRuleSetBody, updateRuleSetBody } from './contracts.ts';
import { syncYaraIndicators } from './indicators.ts';
import { validateRules, type YaraProblem } from './rules.ts';
import { scanFileKey } from './view.ts';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const where = (t: typeof intelYaraRuleSets, orgId: string, id: string) =>
  and(eq(t.orgId, orgId), eq(t.id, id));

export async function assertProject(db: Db, orgId: string, projectId: string) {
  const [project] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.orgId, orgId), eq(projects.id, projectId)));
  if (!project) throw notFound('Project');
}

const located = (p: YaraProblem) =>
  p.line ? `line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}` : p.message;

/** Compiles with YARA-X; a set that does not compile is a 422 naming each error's line and column. */
function checkedRules(source: string) {
  const result = validateRules(source);
  if (!result.ok) {
    const first = result.errors[0]!;
    throw new AppError('VALIDATION_ERROR', `The rules do not compile: ${located(first)}`, {
      details: result.errors.map((e) => ({ field: 'source', message: located(e) })),
      extra: {
        compile_errors: result.errors.map((e) => ({
          code: e.code,
          message: e.message,
          line: e.line,
          column: e.column,
          detail: e.detail,
        })),
      },
    });
  }
  return {
    rules: result.rules,
    warnings: result.warnings.map((w) => ({ message: w.message, line: w.line, column: w.column })),
  };
}

export async function getRuleSet(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(intelYaraRuleSets)
    .where(where(intelYaraRuleSets, ctx.orgId, id));
  if (!row) throw notFound('Rule set');
  return row;
}

async function uniqueName(tx: Db, orgId: string, projectId: string, name: string, except?: string) {
  const [clash] = await tx
    .select({ id: intelYaraRuleSets.id })
    .from(intelYaraRuleSets)
    .where(
      and(
        eq(intelYaraRuleSets.orgId, orgId),
        eq(intelYaraRuleSets.projectId, projectId),
        eq(intelYaraRuleSets.name, name),
      ),
    );
  if (clash && clash.id !== except) throw conflict(`This project already has a rule set named "${name}"`);
}

export async function createRuleSet(ctx: ServiceContext, input: z.infer<typeof createRuleSetBody>) {
  const { rules, warnings } = checkedRules(input.source);
  const { default_tlp } = await getIntelSettings(ctx.db, ctx.orgId);
  return ctx.db.transaction(async (tx) => {
    await assertProject(tx, ctx.orgId, input.project_id);
    await uniqueName(tx, ctx.orgId, input.project_id, input.name);
    const id = uuidv7();
    const [row] = await tx
      .insert(intelYaraRuleSets)
      .values({
        id,
        orgId: ctx.orgId,
        projectId: input.project_id,
        name: input.name,
        description: input.description ?? '',
        source: input.source,
        sha256: sha256(input.source),
        rules,
        warnings,
        createdBy: ctx.actor.id,
      })
      .returning();
    await syncYaraIndicators(tx, {
      orgId: ctx.orgId,
      ruleSetId: id,
      ruleNames: rules.map((r) => r.name),
      tlp: default_tlp,
    });
    await recordAudit(tx, ctx, {
      action: 'intel.yara_rule_set.create',
      targetType: 'intel_yara_rule_set',
      targetId: id,
      after: { name: input.name, project_id: input.project_id, rules: rules.length },
    });
    return row!;
  });
}

export async function updateRuleSet(
  ctx: ServiceContext,
  id: string,
  input: z.infer<typeof updateRuleSetBody>,
) {
  const checked = input.source !== undefined ? checkedRules(input.source) : undefined;
  const { default_tlp } = await getIntelSettings(ctx.db, ctx.orgId);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(intelYaraRuleSets)
      .where(where(intelYaraRuleSets, ctx.orgId, id))
      .for('update');
    if (!before) throw notFound('Rule set');
    if (input.name && input.name !== before.name)
      await uniqueName(tx, ctx.orgId, before.projectId, input.name, id);
    const [row] = await tx
      .update(intelYaraRuleSets)
      .set({
        name: input.name ?? before.name,
        description: input.description ?? before.description,
        ...(checked && input.source !== undefined
          ? {
              source: input.source,
              sha256: sha256(input.source),
              rules: checked.rules,
              warnings: checked.warnings,
            }
          : {}),
        updatedAt: new Date(),
      })
      .where(eq(intelYaraRuleSets.id, id))
      .returning();
    if (checked)
      await syncYaraIndicators(tx, {
        orgId: ctx.orgId,
        ruleSetId: id,
        ruleNames: checked.rules.map((r) => r.name),
        tlp: default_tlp,
      });
    await recordAudit(tx, ctx, {
      action: 'intel.yara_rule_set.update',
      targetType: 'intel_yara_rule_set',
      targetId: id,
      before: { name: before.name, rules: before.rules.length, sha256: before.sha256 },
      after: { name: row!.name, rules: row!.rules.length, sha256: row!.sha256 },
    });
    return row!;
  });
}

export async function deleteRuleSet(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(intelYaraRuleSets)
      .where(where(intelYaraRuleSets, ctx.orgId, id))
      .returning();
    if (!row) throw notFound('Rule set');
    await syncYaraIndicators(tx, { orgId: ctx.orgId, ruleSetId: id, ruleNames: [], tlp: 'amber' });
    await recordAudit(tx, ctx, {
      action: 'intel.yara_rule_set.delete',
      targetType: 'intel_yara_rule_set',
      targetId: id,
      before: { name: row.name, rules: row.rules.length },
    });
  });
}

/**
 * Stores an uploaded file and queues its scan. The bytes go to storage first under the scan's key;
 * if the row cannot be written (unknown project or rule set) the file is removed again.
 */
export async function createScan(
  ctx: ServiceContext,
  platform: Platform,
  input: { project_id: string; filename: string; rule_set_ids: string[] },
  bytes: Buffer,
) {
  if (bytes.length === 0)
    throw new AppError('VALIDATION_ERROR', 'The file is empty', {
      details: [{ field: 'body', message: 'send the file bytes' }],
    });
  await assertProject(ctx.db, ctx.orgId, input.project_id);
  if (input.rule_set_ids.length) {
    const found = await ctx.db
      .select({ id: intelYaraRuleSets.id })
      .from(intelYaraRuleSets)
      .where(
        and(
          eq(intelYaraRuleSets.orgId, ctx.orgId),
          eq(intelYaraRuleSets.projectId, input.project_id),
          inArray(intelYaraRuleSets.id, input.rule_set_ids),
        ),
      );
    if (found.length !== input.rule_set_ids.length) throw notFound('Rule set');
  }
  const id = uuidv7();
  const key = scanFileKey(ctx.orgId, id);
  await platform.storage.put(key, bytes, { contentType: 'application/octet-stream' });
  try {
    const created = await ctx.db.transaction(async (tx) => {
      await assertQuota(tx, ctx.orgId, QUOTA_METRICS.storageBytes, bytes.length);
      const job = await platform.jobs.enqueue(tx, {
        orgId: ctx.orgId,
        name: 'intel.yara.scan',
        payload: { orgId: ctx.orgId, scanId: id },
        idempotencyKey: `intel.yara.scan:${id}`,
        createdBy: ctx.actor.id ?? undefined,
      });
      const [row] = await tx
        .insert(intelYaraScans)
        .values({
          id,
          orgId: ctx.orgId,
          projectId: input.project_id,
          ruleSetIds: input.rule_set_ids,
          filename: input.filename,
          sizeBytes: bytes.length,
          sha256: sha256(bytes),
          storageKey: key,
          jobId: job.id,
          createdBy: ctx.actor.id,
        })
        .returning();
      await recordAudit(tx, ctx, {
        action: 'intel.yara_scan.create',
        targetType: 'intel_yara_scan',
        targetId: id,
        after: { filename: input.filename, size_bytes: bytes.length, rule_set_ids: input.rule_set_ids },
      });
      return { row: row!, jobId: job.id };
    });
    await platform.jobs.dispatch([created.jobId]);
    return created.row;
  } catch (error) {
    await platform.storage.delete(key);
    throw error;
  }
}

export async function getScan(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(intelYaraScans)
    .where(and(eq(intelYaraScans.orgId, ctx.orgId), eq(intelYaraScans.id, id)));
  if (!row) throw notFound('Scan');
  return row;
}

export async function deleteScan(ctx: ServiceContext, platform: Platform, id: string) {
  const row = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(intelYaraScans)
      .where(and(eq(intelYaraScans.orgId, ctx.orgId), eq(intelYaraScans.id, id)))
      .returning();
    if (!row) throw notFound('Scan');
    await recordAudit(tx, ctx, {
      action: 'intel.yara_scan.delete',
      targetType: 'intel_yara_scan',
      targetId: id,
    });
    return row;
  });
  await platform.storage.delete(row.storageKey);
}
