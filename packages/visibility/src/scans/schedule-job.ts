import { AppError, defineJob, type Platform, SYSTEM_ACTOR } from '@assay/core';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { createScanRun } from './run-service.ts';
import { SCHEDULED_SCAN_JOB, scheduleKey } from './schedule-service.ts';
import { visibilityScanSchedules } from './schema.ts';

/**
 * Fired by the core scheduler: records a scan run for the schedule's project and model set, as a user
 * would. A run that cannot start (no provider, no prompts, quota used up) is logged and skipped; the
 * next fire tries again.
 */
export const scheduledScanJob = (platform: Platform) =>
  defineJob({
    name: SCHEDULED_SCAN_JOB,
    queue: 'scheduled',
    payload: z.object({ orgId: z.uuid(), scheduleId: z.uuid() }).strict(),
    maxAttempts: 3,
    async handler(payload, ctx) {
      const [schedule] = await ctx.db
        .select()
        .from(visibilityScanSchedules)
        .where(
          and(
            eq(visibilityScanSchedules.orgId, payload.orgId),
            eq(visibilityScanSchedules.id, payload.scheduleId),
          ),
        );
      if (!schedule) {
        // Deleted with its model set or project: the core schedule goes too.
        await platform.jobs.removeSchedule(scheduleKey(payload.scheduleId));
        return { skipped: 'schedule deleted' };
      }
      if (!schedule.enabled) return { skipped: 'schedule disabled' };
      try {
        const run = await createScanRun(
          {
            db: ctx.db,
            orgId: payload.orgId,
            actor: SYSTEM_ACTOR,
            role: null,
            meta: { ip: null, userAgent: 'assay-scheduler', traceId: null },
          },
          platform,
          { project_id: schedule.projectId, model_set_id: schedule.modelSetId },
          { scheduleId: schedule.id },
        );
        await ctx.db
          .update(visibilityScanSchedules)
          .set({ lastRunId: run.id })
          .where(
            and(
              eq(visibilityScanSchedules.orgId, payload.orgId),
              eq(visibilityScanSchedules.id, schedule.id),
            ),
          );
        return { run_id: run.id };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        ctx.logger.warn({ scheduleId: schedule.id, err: error }, 'scheduled scan could not start');
        return { skipped: error.message };
      }
    },
  });
