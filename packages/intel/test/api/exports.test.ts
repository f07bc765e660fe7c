import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, signUp } from '../../../../test/support/client.ts';
import { toStixBundle } from '../../src/exports/stix.ts';
import { importAttack, ingestText, poll, REPORT_A, REPORT_B } from './helpers.ts';
import { stixProblems } from './stix-check.ts';

let t: TestApp;
let owner: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  t = await startTestApp();
  await t.startWorker();
  await importAttack(t.platform.db);
  owner = await signUp(t.url, 'intel-export');
  for (const [text, tlp] of [
    [REPORT_A, 'amber'],
    [REPORT_B, 'green'],
  ]) {
    const report = await ingestText(owner.api, text, { tlp });
    await owner.api.post(`/v1/intel/reports/${report.id}/review`, { remaining: 'accept' });
  }
});
afterAll(async () => t?.close());

const download = async (body: unknown) => {
  const res = await fetch(`${t.url}/v1/intel/exports`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${owner.token}`,
      'content-type': 'application/json',
      'x-org-id': owner.orgId,
    },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  };
};

describe('intel exports', () => {
  it('exports a STIX 2.1 bundle that passes the structural checks of the specification', async () => {
    const res = await download({ format: 'stix' });
    expect(res.status).toBe(200);
    expect(res.type).toContain('application/stix+json');
    const bundle = JSON.parse(res.bytes.toString('utf8'));
    expect(stixProblems(bundle)).toEqual([]);
    const types = new Set(bundle.objects.map((o: { type: string }) => o.type));
    for (const type of [
      'identity',
      'indicator',
      'vulnerability',
      'intrusion-set',
      'attack-pattern',
      'relationship',
      'report',
      'marking-definition',
    ])
      expect(types, type).toContain(type);
    const ip = bundle.objects.find(
      (o: { pattern?: string }) => o.pattern === "[ipv4-addr:value = '45.77.12.9']",
    );
    expect(ip).toBeTruthy();
    const sha = bundle.objects.find((o: { pattern?: string }) =>
      o.pattern?.startsWith("[file:hashes.'SHA-256'"),
    );
    expect(sha.pattern).toBe(
      "[file:hashes.'SHA-256' = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824']",
    );
    const uses = bundle.objects.find((o: { relationship_type?: string }) => o.relationship_type === 'uses');
    expect(uses.source_ref).toMatch(/^intrusion-set--/);
    expect(uses.target_ref).toMatch(/^attack-pattern--/);
    expect(bundle.objects.filter((o: { type: string }) => o.type === 'report')).toHaveLength(2);
    // Deterministic ids: the same knowledge exports with the same ids.
    const again = JSON.parse((await download({ format: 'stix' })).bytes.toString('utf8'));
    const ids = (b: { objects: { id: string; type: string }[] }) =>
      b.objects
        .filter((o) => o.type !== 'bundle')
        .map((o) => o.id)
        .sort();
    expect(ids(again)).toEqual(ids(bundle));
    // Sharing outside: only TLP:GREEN or lower.
    const green = JSON.parse(
      (await download({ format: 'stix', filter: { max_tlp: 'green' } })).bytes.toString('utf8'),
    );
    expect(stixProblems(green)).toEqual([]);
    expect(
      green.objects.some(
        (o: { type: string; object_marking_refs?: string[] }) =>
          o.object_marking_refs?.includes('marking-definition--f88d31f6-486f-44da-b317-01333bde0b82') &&
          o.type === 'indicator',
      ),
    ).toBe(false);
  });

  it('the checker catches what the specification forbids', () => {
    const bad = {
      type: 'bundle',
      id: 'bundle--6f1c2b0e-4a57-4d8e-9b7a-3e2f51c0a9d4',
      objects: [
        {
          type: 'indicator',
          id: 'indicator--nope',
          spec_version: '2.1',
          created: '2026-01-01T00:00:00Z',
          modified: '2026-01-01T00:00:00Z',
          pattern_type: 'stix',
        },
        {
          type: 'relationship',
          id: 'relationship--6f1c2b0e-4a57-4d8e-9b7a-3e2f51c0a9d5',
          spec_version: '2.1',
          created: '2026-01-01T00:00:00Z',
          modified: '2025-01-01T00:00:00Z',
          relationship_type: 'uses',
          source_ref: 'indicator--nope',
          target_ref: 'malware--6f1c2b0e-4a57-4d8e-9b7a-3e2f51c0a9d6',
        },
      ],
    };
    const problems = stixProblems(bad).join('\n');
    expect(problems).toContain('id must be type--uuid');
    expect(problems).toContain('missing pattern');
    expect(problems).toContain('missing valid_from');
    expect(problems).toContain('modified before created');
    expect(problems).toContain('is not in the bundle');
  });

  it('exports CSV, JSON and PDF', async () => {
    const csv = await download({ format: 'csv', filter: { types: ['ipv4', 'md5'] } });
    expect(csv.type).toContain('text/csv');
    const lines = csv.bytes.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'type,value,confidence,tlp,first_seen,last_seen,expires_at,sightings,warnings,reports',
    );
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith('ipv4,45.77.12.9'))).toContain(',2,');
    const json = JSON.parse(
      (await download({ format: 'json', filter: { min_confidence: 90 } })).bytes.toString('utf8'),
    );
    expect(json.format).toBe('assay-intel-export');
    expect(json.indicators.every((i: { confidence: number }) => i.confidence >= 90)).toBe(true);
    expect(json.actors.map((a: { name: string }) => a.name)).toContain('APT29');
    const pdf = await download({ format: 'pdf' });
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('runs large exports as a job that lands in storage behind a signed URL', async () => {
    const started = await owner.api.post('/v1/intel/exports', { format: 'stix', async: true });
    expect(started.status).toBe(202);
    const job = await poll(
      async () => (await owner.api.get(`/v1/jobs/${started.body.job_id}`)).body,
      (j) => j.status === 'completed' || j.status === 'dead',
      'export job',
    );
    expect(job.status).toBe('completed');
    expect(job.queue).toBe('long-running');
    expect(job.download_url).toBeTruthy();
    const file = await fetch(job.download_url);
    expect(file.status).toBe(200);
    expect(stixProblems(JSON.parse(await file.text()))).toEqual([]);
  });

  it('refuses bad export requests and other organizations’ reports', async () => {
    expect((await owner.api.post('/v1/intel/exports', { format: 'xml' })).status).toBe(422);
    expect(
      (await owner.api.post('/v1/intel/exports', { format: 'csv', filter: { min_confidence: 500 } })).status,
    ).toBe(422);
    const other = await signUp(t.url, 'intel-export-other');
    const theirs = await ingestText(other.api, 'Beacon to 193.42.33.7 observed.');
    expect(
      (await owner.api.post('/v1/intel/exports', { format: 'json', filter: { report_id: theirs.id } }))
        .status,
    ).toBe(404);
    const viewer = await addMember(t.url, owner, t.mail, 'viewer');
    expect((await viewer.api.post('/v1/intel/exports', { format: 'json' })).status).toBe(200);
  });

  it('keeps pattern strings escaped', () => {
    const bundle = toStixBundle({
      orgId: '6f1c2b0e-4a57-4d8e-9b7a-3e2f51c0a9d4',
      organization: 'Acme',
      generatedAt: new Date('2026-01-01T00:00:00Z'),
      filter: {},
      indicators: [
        {
          id: '6f1c2b0e-4a57-5d8e-9b7a-3e2f51c0a9d4',
          orgId: 'x',
          type: 'registry_key',
          value: "HKCU\\Software\\O'Brien",
          confidence: 80,
          tlp: 'amber',
          warnings: [],
          firstSeen: new Date('2026-01-01T00:00:00Z'),
          lastSeen: new Date('2026-01-01T00:00:00Z'),
          expiresAt: null,
          sightings: 1,
          search: '',
          createdAt: new Date('2026-01-01T00:00:00Z'),
          updatedAt: new Date('2026-01-01T00:00:00Z'),
        },
      ],
      actors: [],
      attack: [],
      relationships: [],
      reports: [],
      reportObjects: new Map(),
    });
    const indicator = bundle.objects.find((o) => o.type === 'indicator') as unknown as { pattern: string };
    expect(indicator.pattern).toBe("[windows-registry-key:key = 'HKCU\\\\Software\\\\O\\'Brien']");
    expect(stixProblems(bundle)).toEqual([]);
  });
});
