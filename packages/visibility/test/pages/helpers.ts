import type { signUp } from '../../../../test/support/client.ts';

export type Api = Awaited<ReturnType<typeof signUp>>['api'];

export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function newProject(api: Api, name = 'pages'): Promise<string> {
  const res = await api.post('/v1/projects', { name });
  if (res.status !== 201) throw new Error(`project: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export const drafted = (api: Api, id: string) =>
  poll(
    async () => (await api.get(`/v1/knowledge-pages/${id}`)).body,
    (p) => p.generation === 'done' || p.generation === 'failed',
    'the draft',
  );

export const MANUAL_BODY = `Acme makes durable industrial widgets for factories that run around the clock.

## Materials

Every widget is machined from marine-grade stainless steel.

## Frequently asked questions

### Do you ship to Asia?

Yes, Acme ships to Japan, Korea and Singapore.
`;
