import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { ingestText, itemsOf, REPORT_A } from './helpers.ts';

let t: TestApp;
let a: Awaited<ReturnType<typeof signUp>>;
let b: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  t = await startTestApp();
  await t.startWorker();
  a = await signUp(t.url, 'intel-tenant-a');
  b = await signUp(t.url, 'intel-tenant-b');
});
afterAll(async () => t?.close());

describe('intel tenant isolation', () => {
  it("keeps each organization's knowledge apart, even for the same indicator value", async () => {
    const reportA = await ingestText(a.api, REPORT_A);
    await a.api.post(`/v1/intel/reports/${reportA.id}/review`, { remaining: 'accept' });
    const secret = `${REPORT_A}\nB-only note: exfiltration went to 77.91.68.11 (b-private-marker).`;
    const reportB = await ingestText(b.api, secret);
    await b.api.post(`/v1/intel/reports/${reportB.id}/review`, { remaining: 'accept' });

    const ipA = (await a.api.get('/v1/intel/indicators?q=45.77.12.9')).body.data;
    const ipB = (await b.api.get('/v1/intel/indicators?q=45.77.12.9')).body.data;
    expect(ipA).toHaveLength(1);
    expect(ipB).toHaveLength(1);
    expect(ipA[0].id).not.toBe(ipB[0].id);
    // Each saw it once: B's sighting does not count for A.
    expect(ipA[0].sightings).toBe(1);
    expect(ipB[0].sightings).toBe(1);
    const detailA = (await a.api.get(`/v1/intel/indicators/${ipA[0].id}`)).body;
    expect(detailA.sources.map((s: { report_id: string }) => s.report_id)).toEqual([reportA.id]);

    const bOnly = (await b.api.get('/v1/intel/indicators?q=77.91.68.11')).body.data[0];
    expect(bOnly).toBeTruthy();
    const bActor = (await b.api.get('/v1/intel/actors')).body.data[0];
    const bItem = (await itemsOf(b.api, reportB.id))[0];
    for (const path of [
      `/v1/intel/indicators/${bOnly.id}`,
      `/v1/intel/indicators/${ipB[0].id}`,
      `/v1/intel/reports/${reportB.id}`,
      `/v1/intel/reports/${reportB.id}/text`,
      `/v1/intel/reports/${reportB.id}/items`,
      ...(bActor ? [`/v1/intel/actors/${bActor.id}`] : []),
    ]) {
      const res = await a.api.get(path);
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('b-private-marker');
    }
    expect(
      (
        await a.api.post(`/v1/intel/reports/${reportB.id}/review`, {
          decisions: [{ item_id: bItem.id, action: 'reject' }],
        })
      ).status,
    ).toBe(404);
    expect((await a.api.post(`/v1/intel/reports/${reportB.id}/confirm`)).status).toBe(404);
    // B's item id in A's own report is unknown there.
    const stray = await a.api.post(`/v1/intel/reports/${reportA.id}/review`, {
      decisions: [{ item_id: bItem.id, action: 'accept' }],
    });
    expect(stray.status).toBe(422);

    for (const path of [
      '/v1/intel/indicators?page[size]=100',
      '/v1/intel/reports',
      '/v1/intel/search?q=exfiltration',
      '/v1/intel/search?q=77.91.68.11',
      '/v1/intel/actors',
    ]) {
      const text = JSON.stringify((await a.api.get(path)).body);
      expect(text, path).not.toContain('77.91.68.11');
      expect(text, path).not.toContain(reportB.id);
    }
    const exportA = await fetch(`${t.url}/v1/intel/exports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${a.token}`,
        'content-type': 'application/json',
        'x-org-id': a.orgId,
      },
      body: JSON.stringify({ format: 'json' }),
    });
    const text = await exportA.text();
    expect(text).not.toContain('77.91.68.11');
    expect(text).not.toContain(reportB.id);
    const techniquesA = (await a.api.get('/v1/intel/techniques?seen=true')).body.data;
    for (const x of techniquesA) expect(x.report_count).toBe(1);
  });
});
