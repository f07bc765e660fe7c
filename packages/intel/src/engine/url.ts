import { checkHost } from './domain.ts';

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ftp: '21', ws: '80', wss: '443' };
const PARTS =
  /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/?#@]*@)?(\[[0-9a-f:.]+\]|[^/?#:]+)(?::(\d{1,5}))?([/?#].*)?$/i;

export interface UrlCheck {
  value: string;
  /** Host without brackets or port, lower case. */
  host: string;
  /** Path, query and fragment ('' when absent). */
  path: string;
  warnings: string[];
}

/**
 * Canonical form of a (refanged) URL: lower-case scheme and host, default port removed, path kept as
 * written. A URL written without a scheme keeps none. Null when the host is not a valid domain or IP.
 */
export function canonicalUrl(url: string, defanged: boolean): UrlCheck | null {
  const m = PARTS.exec(url);
  if (!m) return null;
  const scheme = m[1]?.toLowerCase();
  const checked = checkHost(
    m[3],
    defanged || (scheme !== undefined && scheme !== 'http' && scheme !== 'https'),
  );
  if (!checked) return null;
  const port = m[4] && DEFAULT_PORTS[scheme ?? 'http'] !== m[4] ? `:${Number(m[4])}` : '';
  if (m[4] && Number(m[4]) > 65535) return null;
  const path = m[5] ?? '';
  const value = `${scheme ? `${scheme}://` : ''}${m[2] ?? ''}${checked.host}${port}${path}`;
  return { value, host: checked.host.replace(/^\[|\]$/g, ''), path, warnings: checked.warnings };
}

/** Trailing characters that end a sentence or close a bracket rather than belong to the URL. */
export function trimUrlEnd(url: string): string {
  let end = url.length;
  for (;;) {
    const c = url.charAt(end - 1);
    if ('.,;:!?\'"*…'.includes(c)) end--;
    else if (c === ')' || c === ']') {
      const open = c === ')' ? '(' : '[';
      const body = url.slice(0, end);
      if (body.split(open).length < body.split(c).length) end--;
      else break;
    } else break;
    if (end === 0) break;
  }
  return url.slice(0, end);
}
