import { z } from 'zod';
import { INDICATOR_TYPES, TLP_LEVELS } from './intel-format';

export const EXPORT_FORMATS = [
  { id: 'stix', label: 'STIX 2.1 bundle', hint: 'JSON for TIPs and SIEMs (OpenCTI, MISP, Sentinel)' },
  { id: 'csv', label: 'CSV', hint: 'one indicator per row, for spreadsheets and blocklists' },
  { id: 'json', label: 'JSON', hint: 'indicators, actors and relationships as Assay stores them' },
  { id: 'pdf', label: 'PDF report', hint: 'a readable summary to share' },
] as const;

const exportTypes = INDICATOR_TYPES.filter((t) => t !== 'yara');
export const EXPORT_TYPES = exportTypes;

/** The export form, checked in the route that forwards it (the API checks it again). */
export const exportSchema = z.object({
  format: z.enum(['stix', 'csv', 'json', 'pdf'], { message: 'Choose a format' }),
  types: z.array(z.enum(exportTypes as [string, ...string[]], { message: 'Unknown indicator type' })).max(20),
  min_confidence: z
    .string()
    .optional()
    .refine((v) => !v || (/^\d+$/.test(v) && Number(v) <= 100), 'Minimum confidence: a number from 0 to 100'),
  max_tlp: z
    .enum(TLP_LEVELS as [string, ...string[]])
    .optional()
    .or(z.literal('')),
  async: z.literal('true').optional(),
});

export function exportBody(input: z.infer<typeof exportSchema>) {
  const filter: Record<string, unknown> = {};
  if (input.types.length) filter.types = input.types;
  if (input.min_confidence) filter.min_confidence = Number(input.min_confidence);
  if (input.max_tlp) filter.max_tlp = input.max_tlp;
  return { format: input.format, filter, async: input.async === 'true' };
}
