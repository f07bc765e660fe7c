import { type AiEngine, aiSettings, type Db } from '@assay/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { parseModelAddress } from './providers.ts';

export interface OrgAiSettings {
  /** `provider:model`, or null for the deployment default. */
  model: string | null;
  /** Engine per module; a module not listed uses the LLM when one is available. */
  engines: Record<string, AiEngine>;
}

export const aiSettingsInput = z.object({
  model: z
    .string()
    .max(200)
    .refine((value) => parseModelAddress(value) !== null, { message: 'expected provider:model' })
    .nullable(),
  engines: z.record(z.string().min(1).max(50), z.enum(['llm', 'baseline'])),
});

export async function getAiSettings(db: Db, orgId: string): Promise<OrgAiSettings> {
  const [row] = await db.select().from(aiSettings).where(eq(aiSettings.orgId, orgId));
  if (!row) return { model: null, engines: {} };
  return { model: row.provider && row.model ? `${row.provider}:${row.model}` : null, engines: row.engines };
}

export async function saveAiSettings(db: Db, orgId: string, input: OrgAiSettings): Promise<OrgAiSettings> {
  const valid = aiSettingsInput.parse(input);
  const parsed = valid.model ? parseModelAddress(valid.model) : null;
  const values = {
    provider: parsed?.provider ?? null,
    model: parsed?.modelId ?? null,
    engines: valid.engines,
  };
  await db
    .insert(aiSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: aiSettings.orgId, set: { ...values, updatedAt: new Date() } });
  return { model: valid.model, engines: valid.engines };
}

/** The engine a module should run for an organization: its choice, else the LLM if the client can call one. */
export function engineForModule(settings: OrgAiSettings, module: string, llmAvailable: boolean): AiEngine {
  const chosen = settings.engines[module];
  if (chosen === 'baseline' || !llmAvailable) return 'baseline';
  return 'llm';
}
