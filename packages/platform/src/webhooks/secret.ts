import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** `whsec_` + 32 random bytes: what the receiver keys its HMAC with. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
export const secretPrefix = (secret: string) => secret.slice(0, 12);

const keys = new Map<string, Buffer>();
const keyFrom = (appSecret: string) => {
  let key = keys.get(appSecret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', appSecret, 'assay', 'webhook-endpoint-secret', 32));
    keys.set(appSecret, key);
  }
  return key;
};

/** AES-256-GCM under a key derived from APP_SECRET: a database dump alone does not reveal the secrets. */
export function encryptSecret(secret: string, appSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(appSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ciphertext.toString('base64url'),
  ].join(':');
}

export function decryptSecret(stored: string, appSecret: string): string {
  const [version, iv, tag, ciphertext] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || !ciphertext) throw new Error('Unreadable webhook secret');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(appSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}
