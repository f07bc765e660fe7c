export type Currency = 'INR' | 'USD';
export type Provider = 'razorpay' | 'stripe';

export interface Plan {
  id: string;
  name: string;
  prices: Partial<Record<Currency, number>>;
  seats: number;
  rate_limit_per_minute: number;
  retention_days: number | null;
  quotas: Record<string, number>;
}

export interface BillingAccount {
  plan: { id: string; name: string; rate_limit_per_minute: number };
  period: { start: string; end: string };
  metrics: { metric: string; used: number; limit: number | null }[];
  billing_email: string | null;
  subscription: {
    id: string;
    plan_id: string;
    provider: Provider;
    status: string;
    currency: string;
    seats: number;
    current_period_end: string | null;
    cancel_at_period_end: boolean;
  } | null;
  providers: { razorpay: { configured: boolean; key_id: string | null }; stripe: { configured: boolean } };
}

export interface Invoice {
  id: string;
  number: string;
  provider: Provider;
  plan_id: string;
  amount: number;
  currency: Currency;
  status: string;
  created_at: string;
  hosted_url: string | null;
}

export interface RazorpayOrder {
  order_id: string;
  key_id: string;
  amount: number;
  currency: Currency;
  plan_id: string;
}
