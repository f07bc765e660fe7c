import { pageQuery } from '@assay/core';
import { z } from 'zod';

const name = z.string().trim().min(1).max(120);
const names = z.array(name).max(50);
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a domain such as example.com (no scheme or path)');

export const projectQuery = pageQuery.extend({ project_id: z.uuid().optional() });
export const idParams = z.object({ id: z.uuid() });

export const brandFields = {
  name,
  aliases: names.default([]).describe('Other names the brand goes by ("HubSpot CRM", "HS")'),
  products: names.default([]).describe('Product names that count as mentions of the brand'),
  domains: z
    .array(domain)
    .max(20)
    .default([])
    .describe('Domains the brand controls; citations to them are its own'),
  owned: z.boolean().default(false).describe("True for the project's own brand, false for a competitor"),
  ambiguous: z
    .boolean()
    .nullable()
    .default(null)
    .describe('Force the strict rules for names that are ordinary words ("Notion", "Apple"); null infers it'),
};
export const createBrandBody = z.object({ project_id: z.uuid(), ...brandFields }).strict();
export const updateBrandBody = z
  .object({
    name: name.optional(),
    aliases: names.optional(),
    products: names.optional(),
    domains: z.array(domain).max(20).optional(),
    owned: z.boolean().optional(),
    ambiguous: z.boolean().nullable().optional(),
  })
  .strict();
export const brandView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  name: z.string(),
  aliases: z.array(z.string()),
  products: z.array(z.string()),
  domains: z.array(z.string()),
  owned: z.boolean(),
  ambiguous: z.boolean().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

const promptText = z.string().trim().min(3).max(2000);
const label = z.string().trim().min(1).max(80);
export const promptFields = {
  text: promptText.describe('The question, as a customer would ask it'),
  topic: label.nullable().default(null).describe('Groups prompts in the metrics (by_topic)'),
  tags: z.array(label).max(20).default([]),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language tag such as en or pt-BR')
    .nullable()
    .default(null),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as US')
    .nullable()
    .default(null),
  active: z.boolean().default(true).describe('Inactive prompts are left out of new scans'),
};
export const createPromptBody = z.object({ project_id: z.uuid(), ...promptFields }).strict();
export const updatePromptBody = z
  .object({
    text: promptText.optional(),
    topic: label.nullable().optional(),
    tags: z.array(label).max(20).optional(),
    language: promptFields.language.optional(),
    country: promptFields.country.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const promptView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  text: z.string(),
  topic: z.string().nullable(),
  tags: z.array(z.string()),
  language: z.string().nullable(),
  country: z.string().nullable(),
  active: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const MAX_SAMPLES = 10;
const modelAddress = z
  .string()
  .trim()
  .min(3)
  .max(120)
  .regex(/^[a-z0-9-]+:.+$/, 'a model address provider:model, e.g. openai:gpt-4.1-mini or ollama:llama3.2');
export const createModelSetBody = z
  .object({
    project_id: z.uuid(),
    name,
    models: z.array(modelAddress).min(1).max(10).describe('Model addresses `provider:model`'),
    samples_per_prompt: z.number().int().min(1).max(MAX_SAMPLES).default(1),
    web_search: z
      .boolean()
      .default(false)
      .describe(
        'Let the models search the web (OpenAI, Anthropic and Google only; OpenAI-compatible servers cannot)',
      ),
  })
  .strict();
export const updateModelSetBody = z
  .object({
    name: name.optional(),
    models: z.array(modelAddress).min(1).max(10).optional(),
    samples_per_prompt: z.number().int().min(1).max(MAX_SAMPLES).optional(),
    web_search: z.boolean().optional(),
  })
  .strict();
export const modelSetView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  name: z.string(),
  models: z.array(z.string()),
  samples_per_prompt: z.number().int(),
  web_search: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const suggestionsQuery = z.object({
  project_id: z.uuid(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const suggestionView = z.object({
  name: z.string(),
  answers: z.number().int().describe('Answers naming it'),
  occurrences: z.number().int(),
  signals: z.array(z.string()),
  example_answer_id: z.uuid(),
});

export const MAX_BULK_PROMPTS = 200;
export const bulkPromptsBody = z
  .object({
    project_id: z.uuid(),
    prompts: z
      .array(z.object(promptFields).strict())
      .min(1)
      .max(MAX_BULK_PROMPTS)
      .describe('Each like POST /v1/prompts without project_id'),
  })
  .strict();
