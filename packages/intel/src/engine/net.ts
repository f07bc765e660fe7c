/** IP address parsing, canonical forms and the ranges that draw warnings. */

/** Dotted-quad octets, or null when an octet is out of range or the shape is wrong. */
export function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const part of parts) {
    if (part.length === 0 || part.length > 3 || !/^\d+$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    octets.push(n);
  }
  return octets;
}

/** The eight 16-bit groups of an IPv6 address (with an optional embedded IPv4 tail), or null. */
export function parseIpv6(text: string): number[] | null {
  let head = text;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.indexOf('.', lastColon) !== -1) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return null;
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    head = text.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return null;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  const left = parse(halves[0]);
  const right = halves.length === 2 ? parse(halves[1]) : [];
  if (!left || !right) return null;
  const known = left.length + right.length + tail.length;
  if (halves.length === 1) return known === 8 ? [...left, ...tail] : null;
  if (known > 7) return null;
  return [...left, ...new Array<number>(8 - known).fill(0), ...right, ...tail];
}

/** RFC 5952 text: lower case, no leading zeros, the longest run (>= 2) of zero groups as `::`. */
export function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

interface Range4 {
  base: number;
  bits: number;
  reason: string;
}

const toInt = (o: number[]) => ((o[0] << 24) >>> 0) + (o[1] << 16) + (o[2] << 8) + o[3];
const range = (cidr: string, reason: string): Range4 => {
  const [ip, bits] = cidr.split('/');
  return { base: toInt(parseIpv4(ip)!), bits: Number(bits), reason };
};

const V4_RANGES: Range4[] = [
  range('192.0.2.0/24', 'documentation range (RFC 5737)'),
  range('198.51.100.0/24', 'documentation range (RFC 5737)'),
  range('203.0.113.0/24', 'documentation range (RFC 5737)'),
  range('10.0.0.0/8', 'private address (RFC 1918)'),
  range('172.16.0.0/12', 'private address (RFC 1918)'),
  range('192.168.0.0/16', 'private address (RFC 1918)'),
  range('127.0.0.0/8', 'loopback address'),
  range('169.254.0.0/16', 'link-local address'),
  range('100.64.0.0/10', 'carrier-grade NAT address (RFC 6598)'),
  range('0.0.0.0/8', 'unspecified or "this network" address'),
  range('224.0.0.0/4', 'multicast address'),
  range('240.0.0.0/4', 'reserved address'),
];

/** Why an IPv4 address is not routable attacker infrastructure, if it is not. */
export function ipv4RangeWarning(octets: number[]): string | undefined {
  const n = toInt(octets);
  for (const r of V4_RANGES) {
    const mask = r.bits === 0 ? 0 : (~0 << (32 - r.bits)) >>> 0;
    if ((n & mask) >>> 0 === (r.base & mask) >>> 0) return r.reason;
  }
  return undefined;
}

/** The same for IPv6, by prefix. */
export function ipv6RangeWarning(groups: number[]): string | undefined {
  if (groups[0] === 0x2001 && groups[1] === 0x0db8) return 'documentation range (RFC 3849)';
  if (groups.every((g, i) => (i === 7 ? g === 1 : g === 0))) return 'loopback address';
  if (groups.every((g) => g === 0)) return 'unspecified address';
  if ((groups[0] & 0xfe00) === 0xfc00) return 'unique local address (RFC 4193)';
  if ((groups[0] & 0xffc0) === 0xfe80) return 'link-local address';
  if ((groups[0] & 0xff00) === 0xff00) return 'multicast address';
  return undefined;
}
