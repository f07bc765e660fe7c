import { PUBLIC_SUFFIXES } from './public-suffixes.ts';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * The registrable domain (eTLD+1) of a host: `docs.bbc.co.uk` -> `bbc.co.uk`, `blog.hubspot.com` ->
 * `hubspot.com`, `acme.github.io` -> `acme.github.io`. IP addresses, single-label hosts and bare
 * suffixes are returned as they are.
 */
export function registrableDomain(host: string): string {
  const h = host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  if (IPV4.test(h) || h.includes(':') || !h.includes('.')) return h;
  const labels = h.split('.');
  // Longest listed suffix wins ("s3.amazonaws.com" before "amazonaws.com").
  for (let i = 0; i < labels.length - 1; i++) {
    const suffix = labels.slice(i + 1).join('.');
    if (PUBLIC_SUFFIXES.has(suffix)) return labels.slice(i).join('.');
  }
  return labels.slice(-2).join('.');
}

/** Whether `host` is `domain` or one of its subdomains. */
export function hostWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
