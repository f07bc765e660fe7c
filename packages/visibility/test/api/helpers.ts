import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { client } from '../../../../test/support/client.ts';

type Api = ReturnType<typeof client>;

export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const waitForRun = (api: Api, id: string) =>
  poll(
    async () => (await api.get(`/v1/scan-runs/${id}`)).body,
    (run) => ['DONE', 'PARTIAL', 'FAILED', 'CANCELLED'].includes(run.status),
    `scan run ${id}`,
  );

/** A project with our brand (Acme) and one competitor (Globex), and the given prompts. */
export async function setUpProject(api: Api, prompts: string[]) {
  const project = await api.post('/v1/projects', { name: `scan ${Math.random().toString(36).slice(2, 8)}` });
  if (project.status !== 201) throw new Error(`project: ${project.status} ${JSON.stringify(project.body)}`);
  const projectId = project.body.id as string;
  const own = await api.post('/v1/brands', {
    project_id: projectId,
    name: 'Acme',
    aliases: ['Acme CRM'],
    domains: ['acme.example'],
    owned: true,
  });
  const rival = await api.post('/v1/brands', {
    project_id: projectId,
    name: 'Globex',
    domains: ['globex.example'],
  });
  if (own.status !== 201 || rival.status !== 201)
    throw new Error(`brands: ${JSON.stringify([own.body, rival.body])}`);
  const promptIds: string[] = [];
  for (const text of prompts) {
    const p = await api.post('/v1/prompts', { project_id: projectId, text, topic: 'crm' });
    if (p.status !== 201) throw new Error(`prompt: ${p.status} ${JSON.stringify(p.body)}`);
    promptIds.push(p.body.id);
  }
  return { projectId, ownId: own.body.id as string, rivalId: rival.body.id as string, promptIds };
}

export const ANSWER = [
  'Here are the best CRMs for small teams:',
  '',
  '1. **Globex** - solid and affordable.',
  '2. **Acme** - unreliable sync and poor support, see [Acme docs](https://docs.acme.example/sync).',
  '3. **Initech** - a newer option.',
  '',
  'More at https://reviews.example.org/crm.',
].join('\n');

/** An OpenAI Responses endpoint on loopback that answers with web-search citations (url_citation annotations). */
export async function startResponsesWithCitations(key: string) {
  const bodies: Record<string, any>[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (req.headers.authorization !== `Bearer ${key}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { message: 'bad key', type: 'invalid_request_error' } }));
    }
    bodies.push(body);
    const text = 'Acme is a good pick according to recent reviews.';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: `resp_${bodies.length}`,
        object: 'response',
        created_at: Math.floor(Date.now() / 1000),
        status: 'completed',
        model: body.model,
        output: [
          {
            type: 'message',
            id: `msg_${bodies.length}`,
            status: 'completed',
            role: 'assistant',
            content: [
              {
                type: 'output_text',
                text,
                annotations: [
                  {
                    type: 'url_citation',
                    url: 'https://www.acme.example/pricing',
                    title: 'Acme pricing',
                    start_index: 0,
                    end_index: 4,
                  },
                  {
                    type: 'url_citation',
                    url: 'https://news.example.net/crm-2026',
                    title: 'CRM roundup',
                    start_index: 5,
                    end_index: 10,
                  },
                ],
              },
            ],
          },
        ],
        usage: { input_tokens: 12, output_tokens: 9, total_tokens: 21 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
