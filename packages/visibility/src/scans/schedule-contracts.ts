import { z } from 'zod';

const cron = z
  .string()
  .trim()
  .min(9)
  .max(120)
  .describe(
    'Five cron fields (minute hour day-of-month month day-of-week), e.g. `0 6 * * 1` for Mondays 06:00',
  );
const timezone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .describe('IANA time zone the cron is read in, e.g. Europe/Paris');

export const createScheduleBody = z
  .object({
    project_id: z.uuid(),
    model_set_id: z.uuid(),
    cron,
    timezone: timezone.default('UTC'),
    enabled: z.boolean().default(true),
  })
  .strict();
export const updateScheduleBody = z
  .object({
    model_set_id: z.uuid().optional(),
    cron: cron.optional(),
    timezone: timezone.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export const scheduleView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  model_set_id: z.uuid(),
  cron: z.string(),
  timezone: z.string(),
  enabled: z.boolean(),
  next_run_at: z.string().nullable(),
  last_run_id: z.uuid().nullable(),
  created_at: z.string(),
});
