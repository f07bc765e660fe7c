/**
 * The X-Forwarded-For chain to pass on: what the request carried, then the address that actually
 * connected, as a reverse proxy appends it. Whatever a visitor writes in the header stays to the left
 * of the peer, and the API counts the nearest address it does not trust (TRUST_PROXY), so it cannot
 * be chosen by the visitor. Without a known peer the header is dropped rather than believed.
 */
export function withPeer(
  incoming: string | string[] | undefined,
  peer: string | undefined,
): string | undefined {
  if (!peer) return undefined;
  const chain = (Array.isArray(incoming) ? incoming.join(',') : (incoming ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  return [...chain, peer].join(', ');
}
