import ipaddr from 'ipaddr.js';

/**
 * An outbound request may reach only global unicast addresses unless an operator allows private
 * networks. ipaddr.js classes every special-purpose range (loopback, RFC 1918, link-local where cloud
 * metadata lives, carrier-grade NAT, documentation, multicast, NAT64, 6to4, Teredo...) as something
 * other than `unicast`, so allowing only `unicast` blocks them all, and any range added later too.
 * IPv4-mapped IPv6 is judged as the IPv4 it maps.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

/** Strips the brackets URL hosts put around IPv6 literals. */
export const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, '');
