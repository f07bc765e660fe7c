import type { signUp } from '../../../../test/support/client.ts';

export type Api = Awaited<ReturnType<typeof signUp>>['api'];

export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends raw bytes (a file) with the test client's credentials. */
export async function sendBytes(
  baseUrl: string,
  auth: { token: string; orgId: string },
  path: string,
  body: Buffer | string,
  contentType: string,
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${auth.token}`, 'x-org-id': auth.orgId },
    body,
  });
  const text = await response.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {}
  return { status: response.status, body: parsed };
}
