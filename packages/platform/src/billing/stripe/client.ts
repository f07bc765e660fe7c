import { AppError, type Config } from '@assay/core';
import Stripe from 'stripe';

export const stripeConfigured = (config: Config) =>
  !!(config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET);

const clients = new WeakMap<Config, Stripe>();

/** The official SDK, pointed at STRIPE_API_URL when set (a loopback stub in tests). */
export function stripeClient(config: Config): Stripe {
  const existing = clients.get(config);
  if (existing) return existing;
  if (!config.STRIPE_SECRET_KEY)
    throw new AppError('SERVICE_UNAVAILABLE', 'Stripe payments are not configured');
  const url = config.STRIPE_API_URL ? new URL(config.STRIPE_API_URL) : undefined;
  const client = new Stripe(config.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(url
      ? {
          host: url.hostname,
          port: url.port || (url.protocol === 'https:' ? 443 : 80),
          protocol: url.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
  clients.set(config, client);
  return client;
}

/** Provider failures become 503 naming Stripe's reason; nothing of ours is half-written by then. */
export function stripeFailure(error: unknown): never {
  if (error instanceof AppError) throw error;
  const message = error instanceof Stripe.errors.StripeError ? error.message : 'Stripe could not be reached';
  throw new AppError('SERVICE_UNAVAILABLE', `Stripe refused the request: ${message}`, { cause: error });
}

/** `plan:CURRENCY=price_id` pairs from STRIPE_PRICE_IDS. */
export function stripePriceId(config: Config, planId: string, currency: string): string | undefined {
  const key = `${planId}:${currency}`;
  for (const pair of config.STRIPE_PRICE_IDS) {
    const [name, price] = pair.split('=');
    if (name === key && price) return price;
  }
  return undefined;
}

/** The plan a Stripe price stands for (STRIPE_PRICE_IDS read backwards), so portal plan changes count. */
export function planForStripePrice(config: Config, priceId: string | undefined): string | undefined {
  if (!priceId) return undefined;
  for (const pair of config.STRIPE_PRICE_IDS) {
    const [name, price] = pair.split('=');
    if (price === priceId) return name.split(':')[0];
  }
  return undefined;
}
