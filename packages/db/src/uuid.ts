import { randomBytes, randomInt } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * RFC 9562 UUID version 7: 48-bit millisecond timestamp, a 12-bit sequence, then random bits.
 * Ids made by this process sort in the order they were made, even within one millisecond (the
 * sequence counts up; RFC 9562 method 1), so `created_at, id` orders rows of the same millisecond
 * the way they were created.
 */
export function uuidv7(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = randomInt(0, 0x400); // a random start leaves room for 3000+ ids in the millisecond
  } else if (++sequence > 0xfff) {
    lastMs += 1; // the sequence ran out: borrow the next millisecond, as the RFC allows
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_RE.test(value);
