import type { JobDefinition } from '@assay/core';
import { insertJobs } from '@assay/core/jobs/enqueue';
import type { Db } from '@assay/db';
import { z } from 'zod';
import { type NotificationKind, notificationKind } from './kinds.ts';

/** The email job: resolved, checked against preferences and rendered when it runs. */
export const NOTIFICATION_JOB = {
  name: 'notifications.email',
  queue: 'default',
  payload: z
    .object({
      orgId: z.uuid(),
      userId: z.uuid(),
      kind: notificationKind,
      params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    })
    .strict(),
  maxAttempts: 5,
} as const satisfies Omit<JobDefinition, 'handler'>;

export type NotificationPayload = z.infer<typeof NOTIFICATION_JOB.payload>;

const forEnqueue = { ...NOTIFICATION_JOB, handler: async () => undefined } as JobDefinition;

export interface NotificationInput {
  orgId: string;
  userId: string;
  kind: NotificationKind;
  params: NotificationPayload['params'];
  /** Once per key and organization: the same cause never emails twice. */
  key: string;
}

/**
 * Queues emails in the caller's transaction (so they go out only if the change commits). Works with
 * just a transaction, for code that has no platform at hand; the outbox sweep sends them.
 */
export async function queueNotifications(tx: Db, inputs: NotificationInput[]): Promise<string[]> {
  const rows = await insertJobs(
    tx,
    () => forEnqueue,
    inputs.map((input) => ({
      orgId: input.orgId,
      name: NOTIFICATION_JOB.name,
      payload: { orgId: input.orgId, userId: input.userId, kind: input.kind, params: input.params },
      idempotencyKey: `notify:${input.kind}:${input.key}:${input.userId}`,
    })),
  );
  return rows.map((row) => row.id);
}
