import { NO_META, SYSTEM_ACTOR } from '@assay/core';

/** Audit context for changes a provider's webhook makes (no signed-in actor). */
export const providerContext = (orgId: string, traceId: string | null) => ({
  orgId,
  actor: SYSTEM_ACTOR,
  role: null,
  meta: { ...NO_META, traceId },
});
