import { createHmac, timingSafeEqual } from 'node:crypto';

/** Razorpay signs the raw body with HMAC-SHA256 and the webhook secret, hex-encoded. */
export const razorpaySignature = (raw: Buffer | string, secret: string) =>
  createHmac('sha256', secret).update(raw).digest('hex');

/** Constant-time comparison; a missing or malformed header is simply invalid. */
export function razorpaySignatureValid(raw: Buffer, header: string | undefined, secret: string): boolean {
  if (!header || !/^[0-9a-f]{64}$/i.test(header)) return false;
  const expected = Buffer.from(razorpaySignature(raw, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(header, 'hex'));
}
