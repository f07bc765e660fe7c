import { AppError, nextFireTime } from '@assay/core';
import { type Db, jobSchedules } from '@assay/db';
import { eq } from 'drizzle-orm';

/** Agents spend LLM tokens: a schedule may not fire more often than this. */
export const MIN_SCHEDULE_INTERVAL_MS = 15 * 60_000;
export const AGENT_JOB = 'intel.agent.run';

export const agentScheduleKey = (agentId: string) => `intel.agent:${agentId}`;

/** Checks a cron expression and time zone; returns the next fire time or a 422 naming the field. */
export function checkSchedule(cron: string, timezone: string, now = new Date()): Date {
  let first: Date;
  let second: Date;
  try {
    first = nextFireTime(cron, timezone, now);
    second = nextFireTime(cron, timezone, first);
  } catch (error) {
    throw new AppError('VALIDATION_ERROR', `Invalid schedule: ${(error as Error).message}`, {
      details: [
        {
          field: 'body.schedule',
          message: 'expected a cron expression (for example "0 6 * * 1") and an IANA time zone',
        },
      ],
    });
  }
  if (second.getTime() - first.getTime() < MIN_SCHEDULE_INTERVAL_MS)
    throw new AppError('VALIDATION_ERROR', 'Agents may run at most every 15 minutes', {
      details: [{ field: 'body.schedule', message: 'fires more often than every 15 minutes' }],
    });
  return first;
}

/**
 * Keeps the agent's core schedule in step with the agent, in the caller's transaction (the core's
 * scheduler turns it into `intel.agent.run` jobs on the long-running queue).
 */
export async function syncAgentSchedule(
  tx: Db,
  agent: { id: string; orgId: string; schedule: string | null; timezone: string; enabled: boolean },
) {
  const key = agentScheduleKey(agent.id);
  if (!agent.schedule || !agent.enabled) {
    await tx.delete(jobSchedules).where(eq(jobSchedules.key, key));
    return null;
  }
  const next = checkSchedule(agent.schedule, agent.timezone);
  const values = {
    key,
    orgId: agent.orgId,
    queue: 'long-running',
    name: AGENT_JOB,
    cron: agent.schedule,
    timezone: agent.timezone,
    payload: { orgId: agent.orgId, agentId: agent.id },
    enabled: true,
    nextRunAt: next,
  };
  await tx.insert(jobSchedules).values(values).onConflictDoUpdate({ target: jobSchedules.key, set: values });
  return next;
}
