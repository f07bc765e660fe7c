import { z } from 'zod';

export const MAX_IMPORT_ROWS = 5000;
export const MAX_ANSWER_CHARS = 100_000;

const citation = z.union([
  z.string().trim().min(1).max(2000),
  z.object({ url: z.string().trim().min(1).max(2000), title: z.string().max(500).nullable().optional() }),
]);

/** One answer collected elsewhere. `date` is when the model answered (ISO 8601). */
export const importRow = z.object({
  prompt: z.string().trim().min(3, 'the prompt is empty').max(2000),
  model: z.string().trim().min(1, 'the model is empty').max(120),
  date: z
    .string()
    .trim()
    .refine(
      (v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)),
      'expected an ISO 8601 date such as 2026-05-01 or 2026-05-01T12:00:00Z',
    ),
  answer: z.string().min(1, 'the answer text is empty').max(MAX_ANSWER_CHARS),
  citations: z.array(citation).max(200).default([]),
  topic: z.string().trim().min(1).max(80).nullable().optional(),
});
export type ImportRow = z.infer<typeof importRow>;

export const importBody = z
  .object({
    project_id: z.uuid(),
    label: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .optional()
      .describe('Shown on every imported answer, e.g. "Manual checks, May". Default: "Imported <date>"'),
    rows: z
      .array(z.unknown())
      .min(1)
      .max(MAX_IMPORT_ROWS)
      .optional()
      .describe('JSON rows: {prompt, model, date, answer, citations?: [url | {url, title}], topic?}'),
    csv: z
      .string()
      .min(1)
      .max(20 * 1024 * 1024)
      .optional()
      .describe(
        'CSV with a header row: prompt, model, date, answer, citations (URLs separated by spaces or |), topic',
      ),
  })
  .strict()
  .refine((b) => (b.rows ? 1 : 0) + (b.csv ? 1 : 0) === 1, {
    message: 'give either rows (JSON) or csv',
    path: ['rows'],
  });

export const importResult = z.object({
  imported: z.number().int(),
  label: z.string(),
  prompts_created: z
    .number()
    .int()
    .describe('Prompts added (inactive) for prompt texts the project did not have'),
  answer_ids: z.array(z.uuid()),
});
