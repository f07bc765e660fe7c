import { z } from 'zod';

/** Client and server validation of forms; mirrors the API's request schemas (GET /v1/openapi.json). */
const email = z.email({ message: 'Enter a valid email address' }).max(254);
export const roleSchema = z.enum(['owner', 'admin', 'editor', 'viewer'], { message: 'Choose a role' });

export const signInSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password').max(200),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(100),
  email,
  password: z.string().min(10, 'Use at least 10 characters').max(200, 'Use at most 200 characters'),
  organization_name: z.string().trim().max(100).optional().or(z.literal('')),
});

export const inviteSchema = z.object({ email, role: roleSchema });
export const orgNameSchema = z.object({ name: z.string().trim().min(1, 'Enter a name').max(100) });

export const apiKeySchema = z.object({
  name: z.string().trim().min(1, 'Name the key').max(100),
  scopes: z.array(z.string().max(60)).min(1, 'Pick at least one scope').max(100),
  role: roleSchema.optional().or(z.literal('')),
  expires_at: z
    .string()
    .optional()
    .refine((v) => !v || new Date(v).getTime() > Date.now(), 'Pick a date in the future'),
});

export const auditFilterSchema = z.object({
  action: z
    .string()
    .regex(/^[a-z_.]+\*?$/, 'Letters, dots and underscores; end with * for a prefix')
    .max(80)
    .optional()
    .or(z.literal('')),
  target_type: z.string().max(40).optional(),
  actor_id: z.string().max(64).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

export const projectSchema = z.object({ name: z.string().trim().min(1, 'Name the project').max(100) });

export const assessmentSchema = z.object({
  document_id: z.uuid(),
  frameworks: z
    .array(z.string().min(1).max(80))
    .min(1, 'Pick at least one framework')
    .max(10, 'Pick at most 10'),
});

export const shareSchema = z.object({
  assessment_id: z.uuid(),
  expires_in_days: z.coerce.number().int().min(1, 'At least 1 day').max(90, 'At most 90 days'),
});

/** FormData → plain object; repeated names (checkboxes) become arrays when listed in `arrays`. */
export function formObject(form: FormData, arrays: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    out[key] = arrays.includes(key) ? form.getAll(key) : form.get(key);
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}
