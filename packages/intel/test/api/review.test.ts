import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, signUp } from '../../../../test/support/client.ts';
import { ingestText, itemsOf, poll, REPORT_A, REPORT_B, webhookReceiver } from './helpers.ts';

let t: TestApp;
let owner: Awaited<ReturnType<typeof signUp>>;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  t = await startTestApp({ env: { OUTBOUND_ALLOW_PRIVATE: 'true' } });
  await t.startWorker();
  owner = await signUp(t.url, 'intel-review');
  receiver = await webhookReceiver();
  const hook = await owner.api.post('/v1/webhooks/endpoints', {
    url: receiver.url,
    event_types: ['intel.report.processed', 'intel.indicator.created'],
  });
  if (hook.status !== 201) throw new Error(`webhook endpoint: ${hook.status} ${JSON.stringify(hook.body)}`);
});
afterAll(async () => {
  receiver?.close();
  await t?.close();
});

const find = (items: Awaited<ReturnType<typeof itemsOf>>, type: string, value: string) => {
  const item = items.find((i) => i.type === type && i.value === value);
  if (!item)
    throw new Error(`no staged ${type} ${value}: ${items.map((i) => `${i.type}:${i.value}`).join(', ')}`);
  return item;
};

describe('intel review and merge', () => {
  it('accepts, rejects and edits per item; merges with dedup and provenance across reports', async () => {
    const a = await ingestText(owner.api, REPORT_A);
    const itemsA = await itemsOf(owner.api, a.id);
    const ip = find(itemsA, 'ipv4', '45.77.12.9');
    const md5 = find(itemsA, 'md5', '5d41402abc4b2a76b9719d911017c592');
    const example = find(itemsA, 'domain', 'example.com');
    const url = find(itemsA, 'url', 'https://cdn-update.harbor-files.net/stage2.ps1');
    // Nothing is in the knowledge base before review.
    expect((await owner.api.get('/v1/intel/indicators')).body.data).toEqual([]);

    const reviewed = await owner.api.post(`/v1/intel/reports/${a.id}/review`, {
      decisions: [
        { item_id: ip.id, action: 'accept' },
        { item_id: md5.id, action: 'accept' },
        { item_id: example.id, action: 'reject' },
        // The analyst corrects the URL (defanged, mixed case host): stored normalised.
        { item_id: url.id, action: 'edit', value: 'hxxps://CDN-UPDATE.harbor-files[.]net/stage3.ps1' },
      ],
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ accepted: 3, rejected: 1 });
    expect(reviewed.body.report.status).toBe('review');
    expect(reviewed.body.pending).toBeGreaterThan(0);

    const edited = (await itemsOf(owner.api, a.id)).find((i) => i.id === url.id);
    expect(edited).toMatchObject({ status: 'edited' });
    const list = (await owner.api.get('/v1/intel/indicators?page[size]=100')).body.data as {
      value: string;
      type: string;
    }[];
    expect(list.map((i) => i.value).sort()).toEqual(
      [
        '45.77.12.9',
        '5d41402abc4b2a76b9719d911017c592',
        'https://cdn-update.harbor-files.net/stage3.ps1',
      ].sort(),
    );

    // Deciding an item twice is a conflict; nothing changes.
    const again = await owner.api.post(`/v1/intel/reports/${a.id}/review`, {
      decisions: [{ item_id: ip.id, action: 'reject' }],
    });
    expect(again.status).toBe(409);
    // Edits must still read as one indicator of the type.
    const email = find(itemsA, 'email', 'billing@harbor-invoices.com');
    const badEdit = await owner.api.post(`/v1/intel/reports/${a.id}/review`, {
      decisions: [{ item_id: email.id, action: 'edit', value: 'not an email' }],
    });
    expect(badEdit.status).toBe(422);
    expect(badEdit.body.error.details[0].field).toBe('body.decisions.0.value');
    const notEditable = await owner.api.post(`/v1/intel/reports/${a.id}/review`, {
      decisions: [{ item_id: find(itemsA, 'technique', 'T1059.001').id, action: 'edit', value: 'T1059' }],
    });
    expect(notEditable.status).toBe(422);
    const unknownItem = await owner.api.post(`/v1/intel/reports/${a.id}/review`, {
      decisions: [{ item_id: '00000000-0000-4000-8000-000000000000', action: 'accept' }],
    });
    expect(unknownItem.status).toBe(422);
    expect((await itemsOf(owner.api, a.id, '&status=pending')).some((i) => i.id === email.id)).toBe(true);

    const rest = await owner.api.post(`/v1/intel/reports/${a.id}/review`, { remaining: 'accept' });
    expect(rest.status).toBe(200);
    expect(rest.body.report.status).toBe('completed');
    expect(rest.body.pending).toBe(0);

    // The same indicators from a second report: one row each, two sightings, two provenance links.
    const b = await ingestText(owner.api, REPORT_B);
    expect((await owner.api.post(`/v1/intel/reports/${b.id}/review`, { remaining: 'accept' })).status).toBe(
      200,
    );
    const ips = (await owner.api.get('/v1/intel/indicators?type=ipv4')).body.data;
    expect(ips).toHaveLength(1);
    expect(ips[0]).toMatchObject({ value: '45.77.12.9', sightings: 2 });
    const detail = await owner.api.get(`/v1/intel/indicators/${ips[0].id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.sources.map((s: { report_id: string }) => s.report_id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(detail.body.sources.find((s: { report_id: string }) => s.report_id === b.id).sentence).toContain(
      'same infrastructure',
    );
    const hashes = (await owner.api.get('/v1/intel/indicators?type=md5')).body.data;
    expect(hashes).toHaveLength(1);
    expect(hashes[0].sightings).toBe(2);
    // High-confidence new indicators are announced once each, as events of the report's project.
    await poll(
      async () => receiver.events.filter((e) => e.type === 'intel.indicator.created').length,
      (n) => n >= 3,
      'intel.indicator.created webhooks',
    );
    const announced = receiver.events.filter((e) => e.type === 'intel.indicator.created').map((e) => e.data);
    expect(announced.filter((d) => d.value === '45.77.12.9')).toHaveLength(1);
    expect(announced.every((d) => (d.confidence as number) >= 80)).toBe(true);
    // Expiry by type: addresses expire, hashes do not.
    expect(ips[0].expires_at).not.toBeNull();
    expect(hashes[0].expires_at).toBeNull();
  });

  it('auto-accepts staged items above the organization threshold, leaving the rest for review', async () => {
    const org = await signUp(t.url, 'intel-auto');
    const editor = await addMember(t.url, org, t.mail, 'editor');
    const denied = await editor.api.call('PUT', '/v1/intel/settings', {
      auto_accept_threshold: 90,
      publisher_domains: [],
      default_tlp: 'amber',
    });
    expect(denied.status).toBe(403);
    const saved = await org.api.call('PUT', '/v1/intel/settings', {
      auto_accept_threshold: 90,
      publisher_domains: ['harbor-files.net'],
      default_tlp: 'green',
    });
    expect(saved.status).toBe(200);
    const bad = await org.api.call('PUT', '/v1/intel/settings', {
      auto_accept_threshold: 101,
      publisher_domains: [],
      default_tlp: 'amber',
    });
    expect(bad.status).toBe(422);
    const report = await ingestText(org.api, REPORT_A);
    expect(report.tlp).toBe('green');
    const items = await itemsOf(org.api, report.id);
    const accepted = items.filter((i) => i.status === 'accepted');
    const pending = items.filter((i) => i.status === 'pending');
    expect(accepted.length).toBeGreaterThan(0);
    expect(pending.length).toBeGreaterThan(0);
    for (const i of accepted) {
      expect(i.confidence).toBeGreaterThanOrEqual(90);
      expect(i.warnings).toEqual([]);
    }
    // The publisher's own domain is marked, so it waits for a person.
    const own = items.find((i) => i.value.includes('harbor-files.net'));
    expect(own?.status).toBe('pending');
    expect(own?.warnings.join(' ')).toContain('publisher');
    const indicators = (await org.api.get('/v1/intel/indicators?page[size]=100')).body.data;
    expect(indicators.length).toBe(accepted.filter((i) => i.kind === 'indicator').length);
    expect(indicators.every((i: { tlp: string }) => i.tlp === 'green')).toBe(true);
  });

  it('lets viewers read but not review', async () => {
    const report = await ingestText(owner.api, 'Beacon to 193.42.33.7 observed.');
    const viewer = await addMember(t.url, owner, t.mail, 'viewer');
    expect((await viewer.api.get(`/v1/intel/reports/${report.id}/items`)).status).toBe(200);
    expect(
      (await viewer.api.post(`/v1/intel/reports/${report.id}/review`, { remaining: 'accept' })).status,
    ).toBe(403);
    expect(
      (
        await viewer.api.post('/v1/intel/reports', {
          source: 'text',
          text: 'x',
          project_id: report.project_id,
        })
      ).status,
    ).toBe(403);
    expect((await viewer.api.get('/v1/intel/indicators')).status).toBe(200);
  });

  it('deletes a report: knowledge it alone supported goes, shared knowledge loses one sighting', async () => {
    const org = await signUp(t.url, 'intel-delete');
    const first = await ingestText(org.api, REPORT_A);
    const second = await ingestText(org.api, REPORT_B);
    for (const r of [first, second])
      expect((await org.api.post(`/v1/intel/reports/${r.id}/review`, { remaining: 'accept' })).status).toBe(
        200,
      );
    const ip = () => org.api.get('/v1/intel/indicators?type=ipv4');
    expect((await ip()).body.data[0].sightings).toBe(2);
    const editor = await addMember(t.url, org, t.mail, 'editor');
    expect((await editor.api.delete(`/v1/intel/reports/${second.id}`)).status).toBe(403);

    expect((await org.api.delete(`/v1/intel/reports/${second.id}`)).status).toBe(204);
    expect((await org.api.get(`/v1/intel/reports/${second.id}`)).status).toBe(404);
    const left = (await ip()).body.data;
    expect(left[0].sightings).toBe(1);
    const detail = (await org.api.get(`/v1/intel/indicators/${left[0].id}`)).body;
    expect(detail.sources.map((s: { report_id: string }) => s.report_id)).toEqual([first.id]);
    // T1071.001 came from the deleted report only.
    expect(
      (await org.api.get('/v1/intel/techniques?seen=true')).body.data.map((x: { id: string }) => x.id),
    ).not.toContain('T1071.001');

    expect((await org.api.delete(`/v1/intel/reports/${first.id}`)).status).toBe(204);
    expect((await ip()).body.data).toEqual([]);
    expect((await org.api.get('/v1/intel/indicators')).body.data).toEqual([]);
    expect((await org.api.get('/v1/intel/techniques?seen=true')).body.data).toEqual([]);
    expect((await org.api.delete(`/v1/intel/reports/${first.id}`)).status).toBe(404);
  });
});
