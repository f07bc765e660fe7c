import type { BillingProvider } from '@assay/db';

/**
 * The chart of accounts. Debits are positive, credits negative; an asset's balance is positive,
 * revenue's negative. Money received sits in the provider's clearing account until it is paid out.
 */
export const ACCOUNTS = {
  cash: (provider: BillingProvider) => `cash:${provider}`,
  revenue: 'revenue:subscriptions',
  refunds: 'revenue:refunds',
  fees: (provider: BillingProvider) => `expense:fees:${provider}`,
} as const;
