import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { razorpaySignature } from '../../../../../packages/platform/src/billing/razorpay/signature.ts';

export const RZP = {
  keyId: 'rzp_test_1DP5mmOlF5G5ag',
  keySecret: 'rzp-key-secret',
  webhookSecret: 'rzp-webhook-secret',
};

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });

const rzpError = (code: string, description: string, field?: string) => ({
  error: {
    code,
    description,
    source: 'NA',
    step: 'NA',
    reason: 'NA',
    metadata: {},
    ...(field ? { field } : {}),
  },
});

/** Razorpay's Orders API on loopback, answering in its documented formats (errors included). */
export async function startRazorpayStub() {
  const orders: any[] = [];
  const state = { failNext: 0 };
  const server = createServer(async (req, res) => {
    const text = await body(req);
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const expected = `Basic ${Buffer.from(`${RZP.keyId}:${RZP.keySecret}`).toString('base64')}`;
    if (req.headers.authorization !== expected)
      return send(401, rzpError('BAD_REQUEST_ERROR', 'Authentication failed'));
    if (state.failNext > 0) {
      state.failNext--;
      return send(
        500,
        rzpError(
          'SERVER_ERROR',
          'The server encountered an error. The incident has been reported to admins.',
        ),
      );
    }
    if (req.method === 'POST' && req.url === '/v1/orders') {
      const input = JSON.parse(text);
      if (!Number.isInteger(input.amount) || input.amount < 100)
        return send(400, rzpError('BAD_REQUEST_ERROR', 'The amount must be atleast INR 1.00', 'amount'));
      const order = {
        id: `order_${randomBytes(7).toString('hex')}`,
        entity: 'order',
        amount: input.amount,
        amount_paid: 0,
        amount_due: input.amount,
        currency: input.currency,
        receipt: input.receipt,
        offer_id: null,
        status: 'created',
        attempts: 0,
        notes: input.notes ?? {},
        created_at: Math.floor(Date.now() / 1000),
      };
      orders.push(order);
      return send(200, order);
    }
    return send(400, rzpError('BAD_REQUEST_ERROR', 'The requested URL was not found on the server.'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    orders,
    state,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A Razorpay webhook event body for a payment, shaped as Razorpay sends it. */
export function paymentEvent(
  event: string,
  payment: { id: string; order_id: string; amount: number; currency?: string; status: string; fee?: number },
  extra: Record<string, unknown> = {},
) {
  return {
    entity: 'event',
    account_id: 'acc_BFQ7uQEaa7j2z7',
    event,
    contains: ['payment', ...Object.keys(extra)],
    payload: {
      payment: {
        entity: {
          entity: 'payment',
          currency: 'INR',
          method: 'card',
          amount_refunded: 0,
          refund_status: null,
          captured: payment.status === 'captured',
          fee: 0,
          tax: 0,
          error_code: payment.status === 'failed' ? 'BAD_REQUEST_ERROR' : null,
          error_description: payment.status === 'failed' ? 'Payment failed due to insufficient funds' : null,
          notes: {},
          created_at: Math.floor(Date.now() / 1000),
          ...payment,
        },
      },
      ...extra,
    },
    created_at: Math.floor(Date.now() / 1000),
  };
}

/** Posts a webhook signed the way Razorpay signs it (or with what a test wants to send instead). */
export async function sendRazorpay(
  apiUrl: string,
  payload: unknown,
  options: { eventId?: string; signature?: string; raw?: string; secret?: string } = {},
) {
  const raw = options.raw ?? JSON.stringify(payload);
  const signature = options.signature ?? razorpaySignature(raw, options.secret ?? RZP.webhookSecret);
  const res = await fetch(`${apiUrl}/v1/webhooks/razorpay`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-razorpay-signature': signature,
      ...(options.eventId ? { 'x-razorpay-event-id': options.eventId } : {}),
    },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as any };
}

export const razorpayEnv = (stubUrl: string) => ({
  RAZORPAY_KEY_ID: RZP.keyId,
  RAZORPAY_KEY_SECRET: RZP.keySecret,
  RAZORPAY_WEBHOOK_SECRET: RZP.webhookSecret,
  RAZORPAY_API_URL: stubUrl,
});
