import { readFileSync } from 'node:fs';
import type { Db } from '@assay/db';
import type { signUp } from '../../../../test/support/client.ts';
import { sharedData } from '../../../../test/support/shared-data.ts';
import { importAttackBundle } from '../../src/attack-import/import.ts';

export type Api = Awaited<ReturnType<typeof signUp>>['api'];
export const ATTACK_BUNDLE = sharedData('attack/enterprise-attack.json');

export async function poll<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  what: string,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until extraction has finished (review, completed or failed) and returns the report. */
export async function processed(api: Api, id: string) {
  return poll(
    async () => (await api.get(`/v1/intel/reports/${id}`)).body,
    (r) => ['review', 'completed', 'failed'].includes(r.status),
    'report extraction',
  );
}

const projects = new WeakMap<Api, Promise<string>>();
/** One project per organization client for its reports (plans limit how many projects there are). */
export function projectOf(api: Api): Promise<string> {
  let id = projects.get(api);
  if (!id) {
    id = api.post('/v1/projects', { name: 'Threat intel' }).then((res) => {
      if (res.status !== 201) throw new Error(`project failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    });
    projects.set(api, id);
  }
  return id;
}

/** Ingests pasted text and waits for its staged extraction. */
export async function ingestText(api: Api, text: string, extra: Record<string, unknown> = {}) {
  const created = await api.post('/v1/intel/reports', {
    source: 'text',
    text,
    project_id: await projectOf(api),
    ...extra,
  });
  if (created.status !== 202)
    throw new Error(`ingest failed: ${created.status} ${JSON.stringify(created.body)}`);
  return processed(api, created.body.id);
}

export async function itemsOf(api: Api, reportId: string, query = '') {
  const res = await api.get(`/v1/intel/reports/${reportId}/items?page[size]=100${query}`);
  if (res.status !== 200) throw new Error(`items failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as {
    id: string;
    kind: string;
    type: string;
    value: string;
    name: string | null;
    confidence: number;
    warnings: string[];
    sentence: string;
    status: string;
    occurrences: { start: number; end: number }[];
  }[];
}

export const importAttack = (db: Db) => importAttackBundle(db, readFileSync(ATTACK_BUNDLE));

export const REPORT_A = `# Operation Glass Harbor

The intrusion began with a spearphishing attachment (T1566.001) sent from billing[at]harbor-invoices[.]com.
APT29 staged PowerShell (T1059.001) payloads at hxxps://cdn-update[.]harbor-files[.]net/stage2.ps1 and beaconed to 45.77.12[.]9.
The loader hash is 5D41402ABC4B2A76B9719D911017C592 and the dropper SHA-256 is 2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824.
Exploitation of CVE-2023-23397 gave the actors credentials. See example.com for the public write-up.
`;

export const REPORT_B = `Follow-up note: the same infrastructure, 45.77.12.9, also served a second payload to another victim.
Its hash was 5d41402abc4b2a76b9719d911017c592 again, delivered over HTTPS (T1071.001).
`;

/** A loopback webhook receiver recording event bodies (the app must allow private addresses). */
export async function webhookReceiver() {
  const { createServer } = await import('node:http');
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      try {
        events.push(JSON.parse(body));
      } catch {}
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hook`, events, close: () => server.close() };
}
