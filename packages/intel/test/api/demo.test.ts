import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { hasSharedData } from '../../../../test/support/shared-data.ts';
import { seedIntelDemo } from '../../src/demo/seed.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await t.startWorker();
});
afterAll(async () => t?.close());

describe('intel demo data', () => {
  it('gives the demo organization a reviewed sample report, its knowledge and the ATT&CK catalogue', async () => {
    const owner = await signUp(t.url, 'intel-demo');
    const project = await owner.api.post('/v1/projects', { name: 'Threat intelligence' });
    await seedIntelDemo(t.platform, { orgId: owner.orgId, userId: owner.userId, projectId: project.body.id });
    const reports = (await owner.api.get('/v1/intel/reports')).body.data;
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ status: 'completed', tlp: 'green', project_id: project.body.id });
    const items = (await owner.api.get(`/v1/intel/reports/${reports[0].id}/items?page[size]=100`)).body.data;
    expect(items.some((i: { status: string }) => i.status === 'rejected')).toBe(true); // example.com, marked
    const values = (await owner.api.get('/v1/intel/indicators?page[size]=100')).body.data.map(
      (i: { value: string }) => i.value,
    );
    expect(values).toEqual(
      expect.arrayContaining([
        'https://update-check.cloud-sync-portal.com/api/v2/beacon',
        'hr-notices@talent-bridge-careers.com',
        '203.0.113.47',
        'CVE-2023-23397',
      ]),
    );
    expect(values).not.toContain('example.com');
    expect(values).not.toContain('16.0.5');
    if (hasSharedData('attack/enterprise-attack.json')) {
      expect((await owner.api.get('/v1/intel/attack/versions')).body.data).toHaveLength(1);
      const actors = (await owner.api.get('/v1/intel/actors')).body.data;
      expect(actors.map((a: { name: string }) => a.name)).toContain('APT29');
      const matrix = (await owner.api.get('/v1/intel/techniques/matrix')).body;
      const seen = matrix.tactics
        .flatMap((x: { techniques: { id: string; report_count: number }[] }) => x.techniques)
        .filter((x: { report_count: number }) => x.report_count > 0);
      expect(seen.map((x: { id: string }) => x.id)).toEqual(
        expect.arrayContaining(['T1566.001', 'T1059.001', 'T1547.001', 'T1071.001']),
      );
    }
  });
});
