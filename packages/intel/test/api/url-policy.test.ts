import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { projectOf } from './helpers.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('intel report URLs without OUTBOUND_ALLOW_PRIVATE', () => {
  it('refuses loopback, private and metadata addresses before writing anything', async () => {
    const owner = await signUp(t.url, 'intel-ssrf');
    for (const url of [
      'http://127.0.0.1:9/report',
      'http://10.0.0.5/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
    ]) {
      const res = await owner.api.post('/v1/intel/reports', {
        source: 'url',
        url,
        project_id: await projectOf(owner.api),
      });
      expect(res.status, url).toBe(422);
      expect(res.body.error.details[0].field).toBe('body.url');
      expect(res.body.error.message).toMatch(/private|loopback|reserved/);
    }
    expect((await owner.api.get('/v1/intel/reports')).body.data).toEqual([]);
  });
});
