'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { startCheckout } from './actions';
import { metricLabel, metricValue, money } from './format';
import type { BillingAccount, Currency, Plan, Provider, RazorpayOrder } from './types';

declare global {
  interface Window {
    Razorpay?: new (options: Record<string, unknown>) => { open(): void };
  }
}

const HIGHLIGHTS = [
  'assessment_completed',
  'visibility.scan_answers',
  'intel.reports_ingested',
  'llm.cost_micros',
];

function loadRazorpay(): Promise<void> {
  if (window.Razorpay) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'https://checkout.razorpay.com/v1/checkout.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('Razorpay checkout could not be loaded'));
    document.body.appendChild(script);
  });
}

/** Plans with their prices; paying opens the provider's hosted checkout. */
export function PlanPicker({ plans, account }: { plans: Plan[]; account: BillingAccount }) {
  const router = useRouter();
  const { razorpay, stripe } = account.providers;
  const available: Provider[] = [
    ...(razorpay.configured ? (['razorpay'] as const) : []),
    ...(stripe.configured ? (['stripe'] as const) : []),
  ];
  const [currency, setCurrency] = useState<Currency>(
    razorpay.configured && !stripe.configured ? 'INR' : 'USD',
  );
  const [provider, setProvider] = useState<Provider | undefined>(available[0]);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [pending, start] = useTransition();

  const openRazorpay = async (order: RazorpayOrder) => {
    await loadRazorpay();
    const checkout = new window.Razorpay!({
      key: order.key_id,
      order_id: order.order_id,
      amount: order.amount,
      currency: order.currency,
      name: 'Assay',
      description: `${order.plan_id} plan, one month`,
      prefill: account.billing_email ? { email: account.billing_email } : undefined,
      handler: () => {
        setMessage({
          kind: 'ok',
          text: 'Payment received. Your plan changes as soon as Razorpay confirms it.',
        });
        setTimeout(() => router.refresh(), 3000);
      },
    });
    checkout.open();
  };

  const buy = (plan: Plan) =>
    start(async () => {
      if (!provider) return;
      setMessage(null);
      const result = await startCheckout({ plan_id: plan.id, currency, provider });
      if ('error' in result) setMessage({ kind: 'error', text: result.error });
      else
        await openRazorpay(result.razorpay).catch((e: Error) =>
          setMessage({ kind: 'error', text: e.message }),
        );
    });

  return (
    <div className="flex flex-col gap-4">
      {available.length === 0 ? (
        <Alert kind="info">
          Payments are not configured on this server: set the Razorpay or Stripe keys (see .env.example) to
          sell plans. Plans can still be compared below.
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <fieldset className="flex items-center gap-2">
          <legend className="sr-only">Currency</legend>
          {(['INR', 'USD'] as const).map((c) => (
            <label key={c} className="flex items-center gap-1">
              <input type="radio" name="currency" checked={currency === c} onChange={() => setCurrency(c)} />
              {c}
            </label>
          ))}
        </fieldset>
        {available.length > 1 ? (
          <fieldset className="flex items-center gap-2">
            <legend className="sr-only">Pay with</legend>
            {available.map((p) => (
              <label key={p} className="flex items-center gap-1">
                <input
                  type="radio"
                  name="provider"
                  checked={provider === p}
                  onChange={() => setProvider(p)}
                />
                {p === 'razorpay' ? 'Razorpay' : 'Stripe'}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
      <ul className="grid gap-3 sm:grid-cols-3">
        {plans.map((plan) => {
          const price = plan.prices[currency];
          const current = plan.id === account.plan.id;
          return (
            <li key={plan.id} className="flex flex-col gap-2 rounded-md border border-border p-3">
              <h3 className="font-semibold">{plan.name}</h3>
              <p className="text-lg">
                {price
                  ? `${money(price, currency)} / month`
                  : plan.id === 'free'
                    ? 'Free'
                    : 'Not sold in this currency'}
              </p>
              <ul className="text-sm text-fg-muted">
                <li>{plan.seats} seats</li>
                <li>{plan.rate_limit_per_minute.toLocaleString('en-US')} API requests / minute</li>
                {HIGHLIGHTS.map((m) =>
                  plan.quotas[m] !== undefined ? (
                    <li key={m}>
                      {metricLabel(m)}: {metricValue(m, plan.quotas[m])} / month
                    </li>
                  ) : null,
                )}
              </ul>
              {current ? (
                <p className="mt-auto text-sm font-medium">Current plan</p>
              ) : price && provider ? (
                <Button className="mt-auto" disabled={pending} onClick={() => buy(plan)}>
                  {pending ? 'Opening checkout…' : `Choose ${plan.name}`}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
