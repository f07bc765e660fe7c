import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { OidcError } from './errors';

/** What one sign-in attempt must remember between the redirect to the provider and the callback. */
export interface Transaction {
  state: string;
  nonce: string;
  /** PKCE code verifier; the provider only ever sees its S256 hash. */
  verifier: string;
  next: string;
}

export const TRANSACTION_COOKIE = 'assay_oidc';
/** The cookie is only sent to the callback, and lives as long as a sign-in may reasonably take. */
export const TRANSACTION_PATH = '/auth/oidc';
export const TRANSACTION_SECONDS = 10 * 60;

const random = () => randomBytes(32).toString('base64url');

export function newTransaction(next: string): Transaction {
  return { state: random(), nonce: random(), verifier: random(), next };
}

export const codeChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

let processSecret: string | undefined;

/**
 * The cookie is encrypted (A256GCM: confidential and tamper-evident) with a key derived from
 * OIDC_COOKIE_SECRET, else APP_SECRET. Without either, a random per-process key works for a single web
 * server; several behind a load balancer need the same secret.
 */
function key(): Uint8Array {
  let secret = process.env.OIDC_COOKIE_SECRET || process.env.APP_SECRET;
  if (!secret) {
    processSecret ??= random();
    secret = processSecret;
  }
  return new Uint8Array(createHash('sha256').update(`assay-oidc-transaction\0${secret}`).digest());
}

export async function sealTransaction(tx: Transaction): Promise<string> {
  return new EncryptJWT({ ...tx })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(`${TRANSACTION_SECONDS}s`)
    .encrypt(key());
}

/** Opens the cookie and checks the `state` the provider sent back against the one it holds. */
export async function openTransaction(
  sealed: string | undefined,
  state: string | null,
): Promise<Transaction> {
  if (!sealed)
    throw new OidcError('state', 'no sign-in transaction cookie (expired, used, or another browser)');
  let tx: Transaction;
  try {
    const { payload } = await jwtDecrypt(sealed, key());
    tx = payload as unknown as Transaction;
  } catch (error) {
    throw new OidcError('state', `the sign-in transaction cookie is invalid: ${(error as Error).message}`);
  }
  if (!state || !sameString(state, tx.state))
    throw new OidcError('state', 'the state parameter does not match');
  return tx;
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
