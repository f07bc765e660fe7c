import { z } from 'zod';
import { TLP_LEVELS } from './intel-format';

/** Form validation of the intel pages, in the browser and again in the server actions (mirrors the API). */
const tlp = z.enum(TLP_LEVELS as [string, ...string[]], { message: 'Choose a TLP marking' });
const title = z.string().trim().max(300, 'At most 300 characters').optional().or(z.literal(''));
const projectId = z.uuid({ message: 'Choose a project' });

export const MAX_PASTE_CHARS = 2_000_000;

export const pasteReportSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'Paste the report’s text')
    .max(MAX_PASTE_CHARS, 'At most 2,000,000 characters; upload longer reports as a file'),
  title,
  tlp,
  project_id: projectId,
});

export const urlReportSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'Enter the report’s address')
    .max(2048, 'At most 2048 characters')
    .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), 'Enter an http:// or https:// address'),
  title,
  tlp,
  project_id: projectId,
});

export const settingsSchema = z.object({
  auto_accept_threshold: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 100),
      'A whole number from 1 to 100, or empty',
    ),
  publisher_domains: z
    .string()
    .max(3000)
    .refine(
      (v) =>
        v
          .split(/[\s,]+/)
          .filter(Boolean)
          .every((d) => /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(d)),
      'One domain per line, such as example.org',
    ),
  default_tlp: tlp,
});

export const domainsOf = (v: string) => [
  ...new Set(
    v
      .split(/[\s,]+/)
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
  ),
];

export const projectNameSchema = z.object({
  name: z.string().trim().min(1, 'Name the project').max(100),
  back: z
    .string()
    .regex(/^\/intel(\/[a-z-]*)?$/)
    .optional(),
});
