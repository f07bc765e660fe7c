import { pageQuery } from '@assay/core';
import { z } from 'zod';

export const ENGINES = ['baseline', 'llm'] as const;

export const createAssessmentBody = z
  .object({
    document_id: z.uuid(),
    frameworks: z
      .array(z.string().min(1).max(80))
      .min(1)
      .max(10)
      .describe('Framework ids: `soc2`, `gdpr`, `hipaa`, or an imported OSCAL framework'),
    engine: z
      .enum(ENGINES)
      .optional()
      .describe('Default: the organization setting, `baseline` without an AI provider'),
  })
  .strict();

export const evidenceView = z.object({ quote: z.string(), location: z.string() });
export const findingView = z.object({
  framework: z.string(),
  control_id: z.string(),
  title: z.string().optional(),
  status: z.enum(['met', 'partial', 'missing', 'not_applicable']),
  confidence: z.number(),
  evidence: z.array(evidenceView),
  gaps: z.array(z.string()),
  recommendations: z.array(z.string()),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  method: z.enum(['llm', 'baseline']),
  rationale: z.string().optional(),
});

export const assessmentView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  document_id: z.uuid(),
  frameworks: z.array(z.string()),
  engine: z.enum(ENGINES),
  status: z.enum(['processing', 'completed', 'failed']),
  progress: z.number().int().min(0).max(100),
  eta: z.string().nullable(),
  error: z.string().nullable(),
  job_id: z.uuid().nullable(),
  summary: z.unknown().nullable(),
  findings: z.array(findingView).optional(),
  duration_ms: z.number().nullable(),
  created_at: z.string(),
  completed_at: z.string().nullable(),
});

export const listAssessmentsQuery = pageQuery.extend({
  project_id: z.uuid().optional(),
  document_id: z.uuid().optional(),
});
export const findingsQuery = z.object({
  framework: z.string().max(80).optional(),
  status: z.enum(['met', 'partial', 'missing', 'not_applicable']).optional(),
  severity: z.enum(['low', 'medium', 'high', 'critical']).optional(),
});
