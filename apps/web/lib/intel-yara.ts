import { z } from 'zod';
import type { FieldError } from './errors';

export interface LineProblem {
  line: number | null;
  column: number | null;
  message: string;
}

/** The API names each compile error as "line 3, column 7: message"; this reads that back into parts. */
export function compileProblems(details: FieldError[]): LineProblem[] {
  return details
    .filter((d) => d.field === 'source' || d.field === 'body.source' || d.field === 'body')
    .map((d) => {
      const m = /^line (\d+)(?:, column (\d+))?: ([\s\S]*)$/.exec(d.message);
      return m
        ? { line: Number(m[1]), column: m[2] ? Number(m[2]) : null, message: m[3] }
        : { line: null, column: null, message: d.message };
    });
}

/** Rules files are text an analyst wrote; the API refuses more than 1 MiB. */
export const MAX_RULES_CHARS = 1024 * 1024;

export const ruleSetSchema = z.object({
  project_id: z.uuid({ message: 'Choose a project' }),
  name: z.string().trim().min(1, 'Name the rule set').max(200),
  description: z.string().trim().max(2000, 'At most 2000 characters').optional(),
  source: z
    .string()
    .min(1, 'Paste rules or choose a .yar file')
    .max(MAX_RULES_CHARS, 'At most 1 MiB of rules'),
});
