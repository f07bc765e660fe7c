import { AppError, type Config } from '@assay/core';
import { z } from 'zod';

/** The fields of Razorpay's order entity that we use (`POST /v1/orders`). */
const orderSchema = z.object({
  id: z.string().min(1),
  entity: z.literal('order'),
  amount: z.number().int(),
  currency: z.string(),
  receipt: z.string().nullable().optional(),
  status: z.string(),
});
export type RazorpayOrder = z.infer<typeof orderSchema>;

/** Razorpay's error body: `{"error": {"code", "description", "field"?, ...}}`. */
const errorSchema = z.object({
  error: z.object({ code: z.string(), description: z.string(), field: z.string().nullable().optional() }),
});

export const razorpayConfigured = (config: Config) =>
  !!(config.RAZORPAY_KEY_ID && config.RAZORPAY_KEY_SECRET && config.RAZORPAY_WEBHOOK_SECRET);

/** Creates an order over Razorpay's HTTP API; provider failures become 503 with Razorpay's reason. */
export async function createRazorpayOrder(
  config: Config,
  input: { amount: number; currency: string; receipt: string; notes: Record<string, string> },
): Promise<RazorpayOrder> {
  const auth = Buffer.from(`${config.RAZORPAY_KEY_ID}:${config.RAZORPAY_KEY_SECRET}`).toString('base64');
  let response: Response;
  try {
    response = await fetch(`${config.RAZORPAY_API_URL.replace(/\/$/, '')}/v1/orders`, {
      method: 'POST',
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new AppError('SERVICE_UNAVAILABLE', 'Razorpay could not be reached; try again shortly', {
      cause: error,
    });
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorSchema.safeParse(body);
    const reason = parsed.success ? parsed.data.error.description : `HTTP ${response.status}`;
    throw new AppError('SERVICE_UNAVAILABLE', `Razorpay refused the order: ${reason}`, {
      extra: { provider_error: parsed.success ? parsed.data.error.code : null },
    });
  }
  const order = orderSchema.safeParse(body);
  if (!order.success) throw new AppError('SERVICE_UNAVAILABLE', 'Razorpay answered with an unexpected order');
  return order.data;
}
