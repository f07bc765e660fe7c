import { z } from 'zod';

/** Where the thing an event is about can be read in the API (a path under the API's base URL). */
const links = z.object({
  api: z.string().describe('Path of the resource under the API base URL, e.g. `/v1/jobs/{id}`'),
});

const jobFields = {
  job_id: z.uuid(),
  name: z.string().describe('Job type, e.g. `core.export` or `compliance.assess`'),
  queue: z.string(),
  created_by: z.string().nullable().describe('User who started the job, when one did'),
  attempts: z.number().int(),
  links,
};

const statusCounts = z
  .record(z.string(), z.number().int())
  .describe('Findings per status (met, partial, ...)');

/**
 * The closed list of event types, each with the version of its `data` schema. A breaking change to a
 * type's data is a new version; receivers read `version` from the envelope.
 */
export const EVENT_CATALOGUE = {
  'assessment.completed': {
    version: 1,
    description: 'A compliance assessment finished and its findings are ready.',
    data: z.object({
      assessment_id: z.uuid(),
      project_id: z.uuid(),
      document_id: z.uuid(),
      frameworks: z.array(z.string()),
      engine: z.string(),
      findings: z.number().int(),
      coverage: z.number().min(0).max(1).nullable().describe('(met + 0.5 x partial) / applicable'),
      by_status: statusCounts,
      links,
    }),
  },
  'scan_run.completed': {
    version: 1,
    description: 'A visibility scan run finished.',
    data: z.object({
      scan_run_id: z.uuid(),
      project_id: z.uuid(),
      status: z.enum(['completed', 'partial', 'failed']),
      prompts: z.number().int(),
      answers: z.number().int(),
      mentions: z.number().int(),
      visibility_score: z.number().nullable(),
      links,
    }),
  },
  'intel.report.processed': {
    version: 1,
    description: 'A threat report was ingested and its indicators, techniques and actors extracted.',
    data: z.object({
      report_id: z.uuid(),
      project_id: z.uuid(),
      title: z.string(),
      indicators: z.number().int(),
      techniques: z.number().int(),
      actors: z.number().int(),
      links,
    }),
  },
  'intel.indicator.created': {
    version: 1,
    description: 'A new high-confidence indicator was recorded.',
    data: z.object({
      indicator_id: z.uuid(),
      project_id: z.uuid(),
      report_id: z.uuid().nullable(),
      type: z.string().describe('ipv4, domain, url, sha256, ...'),
      value: z.string(),
      confidence: z.number().min(0).max(100),
      links,
    }),
  },
  'job.completed': {
    version: 1,
    description: 'A background job of the organization completed.',
    data: z.object({ ...jobFields, duration_ms: z.number().int().nullable() }),
  },
  'job.failed': {
    version: 1,
    description: 'A background job failed for good (dead-lettered after its retries, or failed permanently).',
    data: z.object({ ...jobFields, status: z.enum(['dead', 'failed']), error: z.string().nullable() }),
  },
  'export.ready': {
    version: 1,
    description: "An export of the organization's data is ready to download.",
    data: z.object({
      job_id: z.uuid(),
      size: z.number().int(),
      counts: z.record(z.string(), z.number().int()),
      links,
    }),
  },
  'member.invited': {
    version: 1,
    description: 'Someone was invited to join the organization.',
    data: z.object({
      invitation_id: z.uuid(),
      email: z.string(),
      role: z.string(),
      invited_by: z.string().nullable(),
      expires_at: z.string(),
    }),
  },
  'member.removed': {
    version: 1,
    description: 'A member left or was removed from the organization.',
    data: z.object({
      user_id: z.uuid(),
      role: z.string(),
      reason: z.enum(['removed', 'left']),
      removed_by: z.string().nullable(),
    }),
  },
  'webhook.ping': {
    version: 1,
    description: 'Sent by "test endpoint"; never emitted otherwise.',
    data: z.object({ endpoint_id: z.uuid(), message: z.string() }),
  },
} as const satisfies Record<string, { version: number; description: string; data: z.ZodType }>;

export type EventType = keyof typeof EVENT_CATALOGUE;
export type EventData<T extends EventType> = z.input<(typeof EVENT_CATALOGUE)[T]['data']>;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];
export const isEventType = (value: string): value is EventType => Object.hasOwn(EVENT_CATALOGUE, value);

/** What every delivery's body is: the same envelope for every type, `data` per type. */
export function eventEnvelope<T extends EventType>(type: T) {
  return z.object({
    id: z.uuid().describe('Unique per event; the same on every retry and redelivery (deduplicate on it)'),
    type: z.literal(type),
    version: z.literal(EVENT_CATALOGUE[type].version),
    created_at: z.iso.datetime().describe('When the change happened (its transaction)'),
    org_id: z.uuid(),
    data: EVENT_CATALOGUE[type].data,
  });
}

export interface EventTypeDescription {
  type: EventType;
  version: number;
  description: string;
  /** JSON Schema (2020-12) of the whole envelope for this type. */
  schema: Record<string, unknown>;
}

let described: EventTypeDescription[] | undefined;

/** The catalogue as published in the API reference. */
export function describeEventTypes(): EventTypeDescription[] {
  described ??= EVENT_TYPES.map((type) => ({
    type,
    version: EVENT_CATALOGUE[type].version,
    description: EVENT_CATALOGUE[type].description,
    schema: z.toJSONSchema(eventEnvelope(type), { io: 'output' }) as Record<string, unknown>,
  }));
  return described;
}
