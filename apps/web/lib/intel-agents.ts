import { z } from 'zod';
import type { AgentKind } from './intel-types';

export const AGENT_KINDS: { id: AgentKind; label: string; hint: string }[] = [
  {
    id: 'weekly_trend_report',
    label: 'Trend report',
    hint: 'pulls the project’s feeds, then compares the period with the one before: new indicators, rising techniques and actors',
  },
  {
    id: 'summarise_new_reports',
    label: 'Summarise new reports',
    hint: 'a short summary of each report since the last run',
  },
  {
    id: 'map_to_attack',
    label: 'Map to ATT&CK',
    hint: 'techniques each new report describes, each tied to a sentence',
  },
];

export const agentKindLabel = (k: string) => AGENT_KINDS.find((a) => a.id === k)?.label ?? k;

/** Five or six cron fields, loosely: the API parses the expression and names what is wrong with it. */
const CRON = /^(\S+\s+){4,5}\S+$/;

export const agentSchema = z.object({
  project_id: z.uuid({ message: 'Choose a project' }),
  name: z.string().trim().min(1, 'Name the agent').max(200),
  kind: z.enum(['weekly_trend_report', 'summarise_new_reports', 'map_to_attack'], {
    message: 'Choose a task',
  }),
  schedule: z
    .string()
    .trim()
    .max(120)
    .refine((v) => v === '' || CRON.test(v), 'A cron expression such as 0 6 * * 1, or empty to run by hand'),
  period_days: z
    .string()
    .optional()
    .refine((v) => !v || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 90), 'From 1 to 90 days'),
  max_reports: z
    .string()
    .optional()
    .refine((v) => !v || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 50), 'From 1 to 50 reports'),
});

export function agentBody(input: z.infer<typeof agentSchema>) {
  const config: Record<string, unknown> = {};
  if (input.kind === 'weekly_trend_report' && input.period_days)
    config.period_days = Number(input.period_days);
  if (input.kind !== 'weekly_trend_report' && input.max_reports)
    config.max_reports = Number(input.max_reports);
  return {
    project_id: input.project_id,
    name: input.name,
    kind: input.kind,
    config,
    schedule: input.schedule === '' ? null : input.schedule,
  };
}

export const feedSchema = z.object({
  project_id: z.uuid({ message: 'Choose a project' }),
  name: z.string().trim().min(1, 'Name the feed').max(200),
  url: z
    .string()
    .trim()
    .min(1, 'Enter the feed’s address')
    .max(2048)
    .refine((v) => /^https?:\/\/\S+$/i.test(v), 'Enter an http:// or https:// address'),
});

/** Millionths of a dollar as dollars: runs cost fractions of a cent. */
export const costOf = (micros: number) => micros / 1_000_000;
