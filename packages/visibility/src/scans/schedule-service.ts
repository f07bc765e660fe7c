import {
  AppError,
  nextFireTime,
  notFound,
  type Platform,
  recordAudit,
  type ServiceContext,
} from '@assay/core';
import { jobSchedules } from '@assay/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { assertProject } from './project.ts';
import type { createScheduleBody, updateScheduleBody } from './schedule-contracts.ts';
import { visibilityModelSets, visibilityScanSchedules } from './schema.ts';

export const SCHEDULED_SCAN_JOB = 'visibility.scheduled-scan';
export const scheduleKey = (id: string) => `visibility.scan:${id}`;

type Row = typeof visibilityScanSchedules.$inferSelect;

function assertCron(cron: string, timezone: string) {
  if (cron.split(/\s+/).length !== 5) {
    throw new AppError('VALIDATION_ERROR', 'A schedule takes five cron fields', {
      details: [{ field: 'cron', message: 'expected five fields' }],
    });
  }
  try {
    nextFireTime(cron, timezone, new Date());
  } catch (error) {
    throw new AppError('VALIDATION_ERROR', `Invalid schedule: ${(error as Error).message}`, {
      details: [{ field: 'cron', message: 'not a cron expression or time zone this server understands' }],
    });
  }
}

async function assertModelSet(tx: ServiceContext['db'], orgId: string, projectId: string, id: string) {
  const [set] = await tx
    .select({ id: visibilityModelSets.id })
    .from(visibilityModelSets)
    .where(
      and(
        eq(visibilityModelSets.orgId, orgId),
        eq(visibilityModelSets.projectId, projectId),
        eq(visibilityModelSets.id, id),
      ),
    );
  if (!set) throw notFound('Model set');
}

/** Mirrors a schedule row into the core job schedule that fires it. */
async function sync(platform: Platform, row: Row) {
  await platform.jobs.upsertSchedule({
    key: scheduleKey(row.id),
    cron: row.cron,
    timezone: row.timezone,
    name: SCHEDULED_SCAN_JOB,
    payload: { orgId: row.orgId, scheduleId: row.id },
    orgId: row.orgId,
    enabled: row.enabled,
  });
}

export async function createSchedule(
  ctx: ServiceContext,
  platform: Platform,
  input: z.infer<typeof createScheduleBody>,
) {
  assertCron(input.cron, input.timezone);
  const row = await ctx.db.transaction(async (tx) => {
    await assertProject(tx, ctx.orgId, input.project_id);
    await assertModelSet(tx, ctx.orgId, input.project_id, input.model_set_id);
    const [created] = await tx
      .insert(visibilityScanSchedules)
      .values({
        orgId: ctx.orgId,
        projectId: input.project_id,
        modelSetId: input.model_set_id,
        cron: input.cron,
        timezone: input.timezone,
        enabled: input.enabled,
        createdBy: ctx.actor.id,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'visibility.scan_schedule.create',
      targetType: 'visibility_scan_schedule',
      targetId: created.id,
      after: input,
    });
    return created;
  });
  try {
    await sync(platform, row);
  } catch (error) {
    await ctx.db.delete(visibilityScanSchedules).where(eq(visibilityScanSchedules.id, row.id));
    throw error;
  }
  return row;
}

export async function updateSchedule(
  ctx: ServiceContext,
  platform: Platform,
  id: string,
  input: z.infer<typeof updateScheduleBody>,
) {
  const row = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(visibilityScanSchedules)
      .where(and(eq(visibilityScanSchedules.orgId, ctx.orgId), eq(visibilityScanSchedules.id, id)))
      .for('update');
    if (!before) throw notFound('Scan schedule');
    assertCron(input.cron ?? before.cron, input.timezone ?? before.timezone);
    if (input.model_set_id) await assertModelSet(tx, ctx.orgId, before.projectId, input.model_set_id);
    const [updated] = await tx
      .update(visibilityScanSchedules)
      .set({
        modelSetId: input.model_set_id,
        cron: input.cron,
        timezone: input.timezone,
        enabled: input.enabled,
      })
      .where(eq(visibilityScanSchedules.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'visibility.scan_schedule.update',
      targetType: 'visibility_scan_schedule',
      targetId: id,
      after: input,
    });
    return updated;
  });
  await sync(platform, row);
  return row;
}

export async function deleteSchedule(ctx: ServiceContext, platform: Platform, id: string) {
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .delete(visibilityScanSchedules)
      .where(and(eq(visibilityScanSchedules.orgId, ctx.orgId), eq(visibilityScanSchedules.id, id)))
      .returning({ id: visibilityScanSchedules.id });
    if (rows.length === 0) throw notFound('Scan schedule');
    await recordAudit(tx, ctx, {
      action: 'visibility.scan_schedule.delete',
      targetType: 'visibility_scan_schedule',
      targetId: id,
    });
  });
  await platform.jobs.removeSchedule(scheduleKey(id));
}

/** The organization's rows with the next fire time of their core schedule (one query for all of them). */
export async function schedulesWithTiming(ctx: ServiceContext, rows: Row[]) {
  if (rows.length === 0) return [];
  const cores = await ctx.db
    .select({ key: jobSchedules.key, next: jobSchedules.nextRunAt })
    .from(jobSchedules)
    .where(
      and(
        eq(jobSchedules.orgId, ctx.orgId),
        inArray(
          jobSchedules.key,
          rows.map((r) => scheduleKey(r.id)),
        ),
      ),
    );
  const nextByKey = new Map(cores.map((c) => [c.key, c.next]));
  return rows.map((r) => {
    const next = nextByKey.get(scheduleKey(r.id));
    return {
      id: r.id,
      project_id: r.projectId,
      model_set_id: r.modelSetId,
      cron: r.cron,
      timezone: r.timezone,
      enabled: r.enabled,
      next_run_at: r.enabled && next ? next.toISOString() : null,
      last_run_id: r.lastRunId,
      created_at: r.createdAt.toISOString(),
    };
  });
}
