/**
 * Only paths of this site after sign-in: never an open redirect. Browsers drop tabs and line breaks
 * from URLs and read a backslash as a slash, so `/\t/evil.example` or `/\\evil.example` would leave the
 * site: any control character or backslash is refused, and what remains must resolve on this origin.
 */
export function safeNext(value: unknown): string {
  const v = typeof value === 'string' ? value : '';
  if (!v.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(v)) return '/';
  const base = 'http://this.site';
  const url = new URL(v, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}
