import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { importAttack, ingestText, itemsOf, REPORT_A } from './helpers.ts';

let t: TestApp;
let owner: Awaited<ReturnType<typeof signUp>>;
let reportId: string;

beforeAll(async () => {
  t = await startTestApp();
  await t.startWorker();
  const first = await importAttack(t.platform.db);
  expect(first.created).toBe(true);
  owner = await signUp(t.url, 'intel-knowledge');
  const report = await ingestText(owner.api, REPORT_A);
  reportId = report.id;
  await owner.api.post(`/v1/intel/reports/${report.id}/review`, { remaining: 'accept' });
});
afterAll(async () => t?.close());

describe('ATT&CK catalogue and organization knowledge', () => {
  it('imports a bundle once: the same file again is a no-op, listed as one version', async () => {
    const again = await importAttack(t.platform.db);
    expect(again.created).toBe(false);
    const versions = (await owner.api.get('/v1/intel/attack/versions')).body.data;
    expect(versions).toHaveLength(1);
    expect(versions[0].domain).toBe('enterprise-attack');
    expect(versions[0].counts.techniques).toBeGreaterThan(150);
    expect(versions[0].counts.subtechniques).toBeGreaterThan(300);
    expect(versions[0].counts.groups).toBeGreaterThan(100);
    expect(versions[0].counts.relationships).toBeGreaterThan(5000);
  });

  it('finds actors by name with the catalogue and records what they use, with evidence', async () => {
    const items = await itemsOf(owner.api, reportId, '&kind=actor');
    expect(items.map((i) => i.value)).toContain('G0016');
    const actors = (await owner.api.get('/v1/intel/actors?q=cozy')).body.data;
    expect(actors).toHaveLength(1);
    expect(actors[0]).toMatchObject({ name: 'APT29', attack_id: 'G0016', sightings: 1 });
    expect(actors[0].aliases).toEqual(expect.arrayContaining(['Cozy Bear']));
    const detail = (await owner.api.get(`/v1/intel/actors/${actors[0].id}`)).body;
    const uses = detail.relationships.find(
      (r: { type: string; other: { ref: string } }) => r.type === 'uses' && r.other.ref === 'T1059.001',
    );
    expect(uses).toMatchObject({ direction: 'outgoing', other: { type: 'technique', name: 'PowerShell' } });
    expect(uses.evidence[0].sentence).toContain('APT29 staged PowerShell');
    const indicates = detail.relationships.find(
      (r: { type: string; other: { name: string } }) =>
        r.type === 'indicates' && r.other.name === '45.77.12.9',
    );
    expect(indicates).toMatchObject({ direction: 'incoming' });
    expect(detail.sources[0]).toMatchObject({ report_id: reportId });
  });

  it('lists techniques with counts seen in the organization, and the matrix for a heat map', async () => {
    const seen = (await owner.api.get('/v1/intel/techniques?seen=true')).body;
    expect(seen.data.map((x: { id: string }) => x.id).sort()).toEqual(['T1059.001', 'T1566.001']);
    expect(seen.data[0]).toMatchObject({ known: true, report_count: 1 });
    const ps = seen.data.find((x: { id: string }) => x.id === 'T1059.001');
    expect(ps).toMatchObject({
      name: 'PowerShell',
      is_subtechnique: true,
      parent_id: 'T1059',
      actor_count: 1,
    });
    expect(ps.tactics).toContain('execution');

    const page1 = (await owner.api.get('/v1/intel/techniques?page[size]=50')).body;
    expect(page1.data).toHaveLength(50);
    expect(page1.meta.has_more).toBe(true);
    const page2 = (
      await owner.api.get(`/v1/intel/techniques?page[size]=50&page[cursor]=${page1.meta.next_cursor}`)
    ).body;
    expect(page2.data[0].id > page1.data[49].id).toBe(true);
    expect((await owner.api.get('/v1/intel/techniques?page[cursor]=garbage')).status).toBe(422);
    const byTactic = (await owner.api.get('/v1/intel/techniques?tactic=exfiltration&page[size]=200')).body
      .data;
    expect(byTactic.length).toBeGreaterThan(5);
    expect(byTactic.every((x: { tactics: string[] }) => x.tactics.includes('exfiltration'))).toBe(true);
    const text = (await owner.api.get('/v1/intel/techniques?q=phishing')).body.data;
    expect(text.map((x: { id: string }) => x.id)).toContain('T1566');

    const matrix = (await owner.api.get('/v1/intel/techniques/matrix')).body;
    expect(matrix.tactics[0].id).toBe('TA0043');
    const execution = matrix.tactics.find((x: { shortname: string }) => x.shortname === 'execution');
    expect(execution.techniques.find((x: { id: string }) => x.id === 'T1059.001').report_count).toBe(1);

    const detail = (await owner.api.get('/v1/intel/techniques/t1059.001')).body;
    expect(detail.attack_groups.map((g: { id: string }) => g.id)).toContain('G0016');
    expect(
      detail.relationships.some(
        (r: { type: string; other: { type: string } }) => r.type === 'mentions' && r.other.type === 'report',
      ),
    ).toBe(true);
    expect((await owner.api.get('/v1/intel/techniques/T9999')).status).toBe(404);
  });

  it('searches everything at once and pages indicator search results', async () => {
    const all = (await owner.api.get('/v1/intel/search?q=harbor')).body;
    expect(all.indicators.map((i: { value: string }) => i.value)).toEqual(
      expect.arrayContaining([
        'billing@harbor-invoices.com',
        'https://cdn-update.harbor-files.net/stage2.ps1',
      ]),
    );
    expect(all.reports.map((r: { id: string }) => r.id)).toContain(reportId);
    const attack = (await owner.api.get('/v1/intel/search?q=powershell')).body.attack;
    expect(attack.map((a: { id: string }) => a.id)).toContain('T1059.001');
    expect((await owner.api.get('/v1/intel/search')).status).toBe(422);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { data: { id: string }[]; meta: { next_cursor: string | null } } } =
        await owner.api.get(`/v1/intel/indicators?page[size]=2${cursor ? `&page[cursor]=${cursor}` : ''}`);
      seen.push(...res.body.data.map((x) => x.id));
      cursor = res.body.meta.next_cursor;
    } while (cursor);
    const total = (await owner.api.get('/v1/intel/indicators?page[size]=100')).body.data.length;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(
      (await owner.api.get('/v1/intel/indicators?q=45.77')).body.data.map((i: { value: string }) => i.value),
    ).toEqual(['45.77.12.9']);
    expect(
      (await owner.api.get('/v1/intel/indicators?type=sha256&min_confidence=90')).body.data,
    ).toHaveLength(1);
    expect(
      (await owner.api.get('/v1/intel/reports?q=spearphishing')).body.data.map((r: { id: string }) => r.id),
    ).toEqual([reportId]);
    expect((await owner.api.get('/v1/intel/reports?q=kangaroo')).body.data).toEqual([]);
    expect((await owner.api.get('/v1/intel/indicators?page[cursor]=nope')).status).toBe(422);
  });
});
