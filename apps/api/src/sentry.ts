/** Unexpected errors go to Sentry when SENTRY_DSN is set; the SDK is loaded only then. */
export async function initSentry(dsn: string | undefined): Promise<((error: unknown) => void) | undefined> {
  if (!dsn) return undefined;
  const Sentry = await import('@sentry/node');
  Sentry.init({ dsn, tracesSampleRate: 0 });
  return (error) => Sentry.captureException(error);
}
