import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export const STRIPE = { secretKey: 'sk_test_assay_billing', webhookSecret: 'whsec_assay_test_secret' };

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });

const stripeError = (type: string, message: string, code?: string, param?: string) => ({
  error: { type, message, ...(code ? { code } : {}), ...(param ? { param } : {}) },
});

const rand = () => randomBytes(8).toString('hex');

/** A Stripe subscription object in the API's current shape (periods live on the items). */
export function subscriptionObject(input: {
  id: string;
  customer: string;
  status: string;
  orgId: string;
  planId: string;
  currency?: string;
  periodEnd?: number;
  priceId?: string;
}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    id: input.id,
    object: 'subscription',
    customer: input.customer,
    status: input.status,
    currency: input.currency ?? 'usd',
    cancel_at_period_end: false,
    ended_at: input.status === 'canceled' ? now : null,
    metadata: { org_id: input.orgId, plan_id: input.planId },
    items: {
      object: 'list',
      data: [
        {
          id: `si_${rand()}`,
          object: 'subscription_item',
          quantity: 1,
          current_period_start: now,
          current_period_end: input.periodEnd ?? now + 30 * 86400,
          price: {
            id: input.priceId ?? `price_${rand()}`,
            object: 'price',
            currency: input.currency ?? 'usd',
            unit_amount: 4900,
          },
        },
      ],
    },
  };
}

/** Stripe's API on loopback (the SDK is pointed here with host/port/protocol), in Stripe's formats. */
export async function startStripeStub() {
  const subscriptions = new Map<string, any>();
  const requests: { method: string; path: string; params: URLSearchParams }[] = [];
  const state = { failNext: 0 };
  const server = createServer(async (req, res) => {
    const text = await read(req);
    const path = (req.url ?? '').split('?')[0];
    const params = new URLSearchParams(text);
    requests.push({ method: req.method ?? '', path, params });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${rand()}` });
      res.end(JSON.stringify(payload));
    };
    if (req.headers.authorization !== `Bearer ${STRIPE.secretKey}`)
      return send(401, stripeError('invalid_request_error', 'Invalid API Key provided: sk_***'));
    if (state.failNext > 0) {
      state.failNext--;
      return send(500, stripeError('api_error', 'An unknown error occurred'));
    }
    if (req.method === 'POST' && path === '/v1/checkout/sessions') {
      if (!params.get('success_url') || !params.get('line_items[0][quantity]'))
        return send(
          400,
          stripeError(
            'invalid_request_error',
            'Missing required param: line_items.',
            'parameter_missing',
            'line_items',
          ),
        );
      const id = `cs_test_${rand()}`;
      return send(200, {
        id,
        object: 'checkout.session',
        mode: params.get('mode'),
        client_reference_id: params.get('client_reference_id'),
        customer: params.get('customer'),
        metadata: { org_id: params.get('metadata[org_id]'), plan_id: params.get('metadata[plan_id]') },
        status: 'open',
        url: `https://checkout.stripe.com/c/pay/${id}`,
      });
    }
    if (req.method === 'POST' && path === '/v1/billing_portal/sessions') {
      return send(200, {
        id: `bps_${rand()}`,
        object: 'billing_portal.session',
        customer: params.get('customer'),
        return_url: params.get('return_url'),
        url: `https://billing.stripe.com/p/session/test_${rand()}`,
      });
    }
    const sub = path.match(/^\/v1\/subscriptions\/([^/]+)$/);
    if (req.method === 'GET' && sub) {
      const found = subscriptions.get(decodeURIComponent(sub[1]));
      if (!found)
        return send(
          404,
          stripeError('invalid_request_error', `No such subscription: '${sub[1]}'`, 'resource_missing', 'id'),
        );
      return send(200, found);
    }
    return send(
      404,
      stripeError('invalid_request_error', `Unrecognized request URL (${req.method}: ${path}).`),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    subscriptions,
    requests,
    state,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const signer = new Stripe(STRIPE.secretKey);

/** Posts an event signed with the SDK's own test header helper. */
export async function sendStripe(
  apiUrl: string,
  event: { id: string; type: string; object: unknown },
  options: { timestamp?: number; secret?: string; tamper?: (raw: string) => string } = {},
) {
  const payload = JSON.stringify({
    id: event.id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    type: event.type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: event.object },
  });
  const header = signer.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? STRIPE.webhookSecret,
    timestamp: options.timestamp,
  });
  const res = await fetch(`${apiUrl}/v1/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: options.tamper ? options.tamper(payload) : payload,
  });
  return { status: res.status, body: (await res.json()) as any };
}

export const stripeEnv = (stubUrl: string) => ({
  STRIPE_SECRET_KEY: STRIPE.secretKey,
  STRIPE_WEBHOOK_SECRET: STRIPE.webhookSecret,
  STRIPE_API_URL: stubUrl,
});

export function invoiceObject(input: {
  id: string;
  subscription: string;
  customer: string;
  orgId?: string;
  planId?: string;
  amount: number;
  currency?: string;
}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    id: input.id,
    object: 'invoice',
    number: `INV-${input.id.slice(-6).toUpperCase()}`,
    customer: input.customer,
    currency: input.currency ?? 'usd',
    amount_due: input.amount,
    amount_paid: input.amount,
    total: input.amount,
    status: 'paid',
    period_start: now,
    period_end: now + 30 * 86400,
    hosted_invoice_url: `https://invoice.stripe.com/i/${input.id}`,
    invoice_pdf: `https://pay.stripe.com/invoice/${input.id}/pdf`,
    status_transitions: { paid_at: now },
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: {
        subscription: input.subscription,
        metadata: input.orgId ? { org_id: input.orgId, plan_id: input.planId ?? 'pro' } : {},
      },
    },
  };
}
