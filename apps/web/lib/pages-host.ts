/**
 * Host-header routing of the public knowledge sites. Pure (no Next imports) so it is unit-tested.
 *
 * `{org}.{PAGES_DOMAIN}/...` and the path fallback `/p/{org}/...` both map onto the internal routes
 * under `app/p/[org]`: `/` the site index, `/{slug}` a page, `/{slug}.md` its Markdown twin (internal
 * `/p/{org}/md/{slug}`, since a folder cannot be `[slug].md`), and `/llms.txt`, `/robots.txt`,
 * `/sitemap.xml`. Every path on a pages host lands under `/p/{org}`, so the app itself is never
 * reachable there.
 */

const ORG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const SITE_FILES = new Set(['llms.txt', 'robots.txt', 'sitemap.xml']);

/** The host as compared with PAGES_DOMAIN: lower case, no trailing dot, no port unless the domain has one. */
function normalHost(host: string, domain: string): string {
  let h = host.toLowerCase().trim();
  // PAGES_DOMAIN without a port matches the host on any port (a dev server on :3000).
  if (!/:\d+$/.test(domain)) h = h.replace(/:\d+$/, '');
  return h.replace(/\.$/, '');
}

/**
 * Whether a Host header is a name under PAGES_DOMAIN: such a host never serves the app. The domain
 * itself is not one: locally the app runs on it (PAGES_DOMAIN=localhost:3000, sites on
 * {org}.localhost:3000).
 */
export function isPagesHost(host: string | null, pagesDomain: string | undefined): boolean {
  if (!host || !pagesDomain) return false;
  const domain = pagesDomain.toLowerCase();
  return normalHost(host, domain).endsWith(`.${domain}`);
}

/** The organization slug a Host header names, or null when it is not a pages host. */
export function orgFromHost(host: string | null, pagesDomain: string | undefined): string | null {
  if (!host || !pagesDomain) return null;
  const domain = pagesDomain.toLowerCase();
  const h = normalHost(host, domain);
  if (!h.endsWith(`.${domain}`)) return null;
  const label = h.slice(0, -(domain.length + 1));
  return ORG.test(label) ? label : null;
}

/** The internal path for a path on an organization's site (`rest` starts with `/`). */
export function sitePath(org: string, rest: string): string {
  const parts = rest.split('/').filter(Boolean);
  if (parts.length === 0) return `/p/${org}`;
  if (parts.length === 1) {
    const [name] = parts;
    if (SITE_FILES.has(name)) return `/p/${org}/${name}`;
    if (name.endsWith('.md')) return `/p/${org}/md/${name.slice(0, -3)}`;
    // `md` is the twins' folder: a page can never have that slug, so its URL is simply not found.
    return `/p/${org}/${name === 'md' ? '-' : name}`;
  }
  return `/p/${org}/-/${parts.join('/')}`;
}

/**
 * Where to rewrite a request, or null to leave it alone: pages hosts always, and on the app's own
 * host the path fallback only for Markdown twins (`/p/{org}/{slug}.md`); other `/p/...` paths
 * already are the internal routes.
 */
export function siteRewrite(
  host: string | null,
  pathname: string,
  pagesDomain: string | undefined,
): string | null {
  const org = orgFromHost(host, pagesDomain);
  if (org) return sitePath(org, pathname);
  const fallback = /^\/p\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!fallback || !ORG.test(fallback[1])) return null;
  const internal = sitePath(fallback[1], fallback[2] ?? '/');
  return internal === pathname || internal === pathname.replace(/\/$/, '') ? null : internal;
}
