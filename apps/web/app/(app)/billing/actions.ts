'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { api } from '@/lib/api';
import { describeError } from '@/lib/errors';
import type { RazorpayOrder } from './types';

const checkoutInput = z.object({
  plan_id: z.string().min(1).max(50),
  currency: z.enum(['INR', 'USD']),
  provider: z.enum(['razorpay', 'stripe']),
});

export type CheckoutResult = { error: string } | { razorpay: RazorpayOrder };

/** Stripe: off to its hosted Checkout page. Razorpay: the order the browser opens Razorpay's checkout with. */
export async function startCheckout(input: z.infer<typeof checkoutInput>): Promise<CheckoutResult> {
  const parsed = checkoutInput.safeParse(input);
  if (!parsed.success) return { error: 'Choose a plan, a currency and a payment provider.' };
  let result: { provider: string; checkout_url: string | null } & RazorpayOrder;
  try {
    result = await api('/v1/billing/checkout', { method: 'POST', body: parsed.data });
  } catch (error) {
    return { error: describeError(error) };
  }
  if (result.provider === 'stripe' && result.checkout_url) redirect(result.checkout_url);
  return {
    razorpay: {
      order_id: result.order_id,
      key_id: result.key_id,
      amount: result.amount,
      currency: result.currency,
      plan_id: result.plan_id,
    },
  };
}

/** Stripe's customer portal (card, cancellation). */
export async function openPortal(): Promise<{ error: string }> {
  let url: string;
  try {
    url = (await api<{ url: string }>('/v1/billing/portal', { method: 'POST' })).url;
  } catch (error) {
    return { error: describeError(error) };
  }
  redirect(url);
}
