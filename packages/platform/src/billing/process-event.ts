import type { Platform } from '@assay/core';
import { type BillingProvider, billingEvents, type Db } from '@assay/db';
import { eq } from 'drizzle-orm';
import type { EventEffects } from './webhook-effects.ts';

export interface ProcessedEvent extends EventEffects {
  duplicate: boolean;
}

/**
 * Claims the event id and applies the event in one transaction. A repeat finds the claim and does
 * nothing; a concurrent duplicate waits on the unique index until the first commits (then does
 * nothing) or rolls back (then applies it). A failure rolls everything back, so the retry starts clean.
 */
export async function processProviderEvent(
  platform: Platform,
  event: { provider: BillingProvider; eventId: string; type: string },
  apply: (tx: Db) => Promise<EventEffects>,
): Promise<ProcessedEvent> {
  const result = await platform.db.transaction(async (tx): Promise<ProcessedEvent> => {
    const [claimed] = await tx
      .insert(billingEvents)
      .values({ ...event, outcome: 'processing' })
      .onConflictDoNothing({ target: [billingEvents.provider, billingEvents.eventId] })
      .returning({ id: billingEvents.id });
    if (!claimed) return { duplicate: true, outcome: 'duplicate' };
    const effects = await apply(tx);
    await tx
      .update(billingEvents)
      .set({ outcome: effects.outcome, orgId: effects.orgId ?? null })
      .where(eq(billingEvents.id, claimed.id));
    return { duplicate: false, ...effects };
  });
  if (result.jobIds?.length) await platform.jobs.dispatch(result.jobIds);
  if (result.planChanged && result.orgId) await platform.bus.publish(`org:${result.orgId}`);
  platform.logger.info(
    { provider: event.provider, eventId: event.eventId, type: event.type, outcome: result.outcome },
    'billing event',
  );
  return result;
}
