import { pageQuery } from '@assay/core';
import { z } from 'zod';

export const projectView = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  created_by: z.uuid().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export const createProjectBody = z
  .object({ name: z.string().trim().min(1).max(120), description: z.string().max(2000).default('') })
  .strict();
export const updateProjectBody = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().max(2000).optional(),
  })
  .strict()
  .refine((v) => v.name !== undefined || v.description !== undefined, {
    message: 'send name or description',
  });
export const listProjectsQuery = pageQuery.extend({ q: z.string().trim().max(120).optional() });
export const projectParams = z.object({ id: z.uuid() });
