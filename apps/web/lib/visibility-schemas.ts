import { z } from 'zod';

/**
 * Form validation for the visibility pages, in the browser and again in the server actions. Mirrors the
 * API's request schemas (packages/visibility/src/scans/contracts-*.ts); list fields are typed comma- or
 * line-separated and sent as arrays.
 */
const splitList = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

const list = (max: number, each: z.ZodString, what: string) =>
  z.preprocess(splitList, z.array(each).max(max, `At most ${max} ${what}`));

const name = z.string().trim().min(1, 'Enter a name').max(120, 'Use at most 120 characters');
const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const optional = (schema: z.ZodType<string, string>) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const brandFormSchema = z.object({
  project_id: z.uuid(),
  name,
  aliases: list(50, z.string().max(120, 'Each alias: at most 120 characters'), 'aliases'),
  products: list(50, z.string().max(120, 'Each product: at most 120 characters'), 'products'),
  domains: z.preprocess(
    (v) =>
      splitList(v).map((d) =>
        d
          .toLowerCase()
          .replace(/^https?:\/\//, '')
          .replace(/\/.*$/, ''),
      ),
    z
      .array(z.string().regex(DOMAIN, 'Domains such as example.com (no scheme or path)'))
      .max(20, 'At most 20 domains'),
  ),
  owned: checkbox,
});

export const brandEditSchema = brandFormSchema
  .omit({ project_id: true, owned: true })
  .extend({ id: z.uuid() });

export const promptFormSchema = z.object({
  project_id: z.uuid(),
  text: z
    .string()
    .trim()
    .min(3, 'Write the question (at least 3 characters)')
    .max(2000, 'At most 2000 characters'),
  topic: optional(z.string().trim().max(80, 'At most 80 characters')),
  tags: list(20, z.string().max(80, 'Each tag: at most 80 characters'), 'tags'),
  language: optional(
    z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'A language tag such as en or pt-BR'),
  ),
  country: optional(
    z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{2}$/, 'A two-letter country code such as US')),
  ),
});

/** Several prompts pasted at once, one per line, sharing a topic, language and country. */
export const bulkPromptsSchema = z.object({
  project_id: z.uuid(),
  lines: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
        : [],
    z
      .array(
        z
          .string()
          .min(3, 'Each line needs at least 3 characters')
          .max(2000, 'Each line: at most 2000 characters'),
      )
      .min(1, 'Paste at least one prompt')
      .max(200, 'At most 200 prompts at once'),
  ),
  topic: promptFormSchema.shape.topic,
  language: promptFormSchema.shape.language,
  country: promptFormSchema.shape.country,
});

export const modelSetFormSchema = z.object({
  project_id: z.uuid(),
  name,
  models: z.preprocess(
    splitList,
    z
      .array(
        z
          .string()
          .max(120)
          .regex(/^[a-z0-9-]+:.+$/, 'Models as provider:model, e.g. openai:gpt-4.1-mini or ollama:llama3.2'),
      )
      .min(1, 'List at least one model')
      .max(10, 'At most 10 models'),
  ),
  samples_per_prompt: z.coerce
    .number({ message: 'A number from 1 to 10' })
    .int('A whole number')
    .min(1, 'At least 1')
    .max(10, 'At most 10'),
  web_search: checkbox,
});

export const startRunSchema = z.object({
  project_id: z.uuid(),
  model_set_id: z.uuid({ message: 'Choose a model set' }),
});

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const suggestionSchema = z.object({
  project_id: z.uuid(),
  name,
});

export const scheduleFormSchema = z.object({
  project_id: z.uuid(),
  model_set_id: z.uuid({ message: 'Choose a model set' }),
  cron: z
    .string()
    .trim()
    .regex(/^\S+(\s+\S+){4}$/, 'Five cron fields: minute hour day month weekday, e.g. 0 6 * * 1')
    .max(120),
  timezone: z.string().trim().min(1, 'Enter a time zone such as UTC or Europe/Paris').max(64),
});
