import { recordAudit, type ServiceContext } from '@assay/core';
import type { Db } from '@assay/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { TLP_LEVELS } from '../knowledge/normalise.ts';
import { intelSettings } from '../schema.ts';

export const settingsBody = z
  .object({
    auto_accept_threshold: z.number().int().min(1).max(100).nullable(),
    publisher_domains: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'expected a domain name'),
      )
      .max(50),
    default_tlp: z.enum(TLP_LEVELS),
  })
  .strict();
export type IntelSettingsView = z.infer<typeof settingsBody>;

export async function getIntelSettings(db: Db, orgId: string): Promise<IntelSettingsView> {
  const [row] = await db.select().from(intelSettings).where(eq(intelSettings.orgId, orgId));
  return {
    auto_accept_threshold: row?.autoAcceptThreshold ?? null,
    publisher_domains: row?.publisherDomains ?? [],
    default_tlp: (row?.defaultTlp ?? 'amber') as IntelSettingsView['default_tlp'],
  };
}

export async function saveIntelSettings(ctx: ServiceContext, input: IntelSettingsView) {
  return ctx.db.transaction(async (tx) => {
    const before = await getIntelSettings(tx, ctx.orgId);
    const values = {
      autoAcceptThreshold: input.auto_accept_threshold,
      publisherDomains: input.publisher_domains,
      defaultTlp: input.default_tlp,
    };
    await tx
      .insert(intelSettings)
      .values({ orgId: ctx.orgId, ...values })
      .onConflictDoUpdate({ target: intelSettings.orgId, set: { ...values, updatedAt: new Date() } });
    await recordAudit(tx, ctx, {
      action: 'intel.settings.update',
      targetType: 'intel_settings',
      targetId: ctx.orgId,
      before,
      after: input,
    });
    return input;
  });
}
