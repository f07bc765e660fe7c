import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefixes tell token kinds apart at a glance and let secret scanners recognise leaked keys. */
export const TOKEN_PREFIX = { session: 'ast_', apiKey: 'ask_', invitation: 'ain_' } as const;

/** A new secret: prefix + 32 random bytes (256 bits), base64url. */
export const newToken = (prefix: string): string => `${prefix}${randomBytes(32).toString('base64url')}`;

/** Tokens are high-entropy, so a fast hash is enough: a stored hash cannot be reversed or brute-forced. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The part of a key shown in lists after creation: prefix and first characters. */
export const displayPrefix = (token: string): string => token.slice(0, 12);

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
