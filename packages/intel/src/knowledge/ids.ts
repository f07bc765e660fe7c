import { createHash } from 'node:crypto';

/** The namespace of every deterministic intel id (a fixed random UUID, product-specific). */
const NAMESPACE = '6f1c2b0e-4a57-4d8e-9b7a-3e2f51c0a9d4';

/** RFC 9562 UUID version 5 (SHA-1 of namespace + name). */
export function uuidv5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The same indicator (type + normalised value) in one organization is always the same row. */
export const indicatorId = (orgId: string, type: string, value: string) =>
  uuidv5(`${orgId}\u0000indicator\u0000${type}\u0000${value}`);

/** An actor is keyed by its ATT&CK group id when it has one, else by its lower-cased name. */
export const actorKey = (attackId: string | null | undefined, name: string) =>
  attackId ? attackId.toUpperCase() : name.trim().toLowerCase();
export const actorId = (orgId: string, key: string) => uuidv5(`${orgId}\u0000actor\u0000${key}`);

export const relationshipId = (
  orgId: string,
  source: { type: string; ref: string },
  type: string,
  target: { type: string; ref: string },
) =>
  uuidv5(
    `${orgId}\u0000rel\u0000${source.type}:${source.ref}\u0000${type}\u0000${target.type}:${target.ref}`,
  );
