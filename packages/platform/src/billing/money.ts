import type { Currency } from '@assay/db';

/** Minor units to a display string (INR and USD both have two decimals). */
export function formatMoney(minor: number, currency: Currency | string): string {
  return new Intl.NumberFormat(currency === 'INR' ? 'en-IN' : 'en-US', {
    style: 'currency',
    currency,
  }).format(minor / 100);
}
