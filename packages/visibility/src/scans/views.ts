import type {
  visibilityBrands,
  visibilityModelSets,
  visibilityPrompts,
  visibilityScanRuns,
} from './schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const brandToView = (b: typeof visibilityBrands.$inferSelect) => ({
  id: b.id,
  project_id: b.projectId,
  name: b.name,
  aliases: b.aliases,
  products: b.products,
  domains: b.domains,
  owned: b.owned,
  ambiguous: b.ambiguous,
  created_at: b.createdAt.toISOString(),
  updated_at: b.updatedAt.toISOString(),
});

export const promptToView = (p: typeof visibilityPrompts.$inferSelect) => ({
  id: p.id,
  project_id: p.projectId,
  text: p.text,
  topic: p.topic,
  tags: p.tags,
  language: p.language,
  country: p.country,
  active: p.active,
  created_at: p.createdAt.toISOString(),
  updated_at: p.updatedAt.toISOString(),
});

export const modelSetToView = (m: typeof visibilityModelSets.$inferSelect) => ({
  id: m.id,
  project_id: m.projectId,
  name: m.name,
  models: m.models,
  samples_per_prompt: m.samplesPerPrompt,
  web_search: m.webSearch,
  created_at: m.createdAt.toISOString(),
  updated_at: m.updatedAt.toISOString(),
});

export const runToView = (r: typeof visibilityScanRuns.$inferSelect) => ({
  id: r.id,
  project_id: r.projectId,
  model_set_id: r.modelSetId,
  schedule_id: r.scheduleId,
  status: r.status as 'QUEUED',
  progress: r.totalCalls === 0 ? 100 : Math.floor(((r.completedCalls + r.failedCalls) / r.totalCalls) * 100),
  total_calls: r.totalCalls,
  completed_calls: r.completedCalls,
  failed_calls: r.failedCalls,
  failures: r.failures,
  methodology: r.methodology,
  cost_micros: r.costMicros,
  error: r.error,
  job_id: r.jobId,
  created_at: r.createdAt.toISOString(),
  started_at: iso(r.startedAt),
  finished_at: iso(r.finishedAt),
});
