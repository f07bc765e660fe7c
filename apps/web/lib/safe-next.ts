/** Only same-site paths after sign-in: never an open redirect. */
export function safeNext(value: unknown): string {
  const v = typeof value === 'string' ? value : '';
  return v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : '/';
}
