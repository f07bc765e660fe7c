import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chargeUsage } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { ingestText, itemsOf, poll, processed, projectOf, REPORT_A, webhookReceiver } from './helpers.ts';

let t: TestApp;
let owner: Awaited<ReturnType<typeof signUp>>;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let site: Server;
let siteUrl: string;

const HTML = `<!doctype html><html><head><title>Threat brief: loopback lure</title></head><body>
<h1>Threat brief</h1><p>The actors used hxxp://login-verify[.]secure-docs-portal[.]com/auth and the address 91.203.4[.]18.</p>
<p>Our own site loopback-intel.test is not an indicator.</p></body></html>`;

beforeAll(async () => {
  t = await startTestApp({ env: { OUTBOUND_ALLOW_PRIVATE: 'true' } });
  await t.startWorker();
  owner = await signUp(t.url, 'intel-ingest');
  receiver = await webhookReceiver();
  const hook = await owner.api.post('/v1/webhooks/endpoints', {
    url: receiver.url,
    event_types: ['intel.report.processed', 'intel.indicator.created'],
  });
  if (hook.status !== 201) throw new Error(`webhook endpoint: ${hook.status} ${JSON.stringify(hook.body)}`);
  site = createServer((req, res) => {
    if (req.url === '/brief.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(HTML);
    } else {
      res.writeHead(404).end('missing');
    }
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  site?.close();
  receiver?.close();
  await t?.close();
});

describe('intel ingestion', () => {
  it('extracts pasted text into staged items with sentences, refanged and normalised', async () => {
    const report = await ingestText(owner.api, REPORT_A, { tlp: 'green' });
    expect(report).toMatchObject({
      status: 'review',
      source: 'text',
      method: 'baseline',
      tlp: 'green',
      title: 'Operation Glass Harbor',
    });
    expect(report.job_id).toBeTruthy();
    const items = await itemsOf(owner.api, report.id);
    const values = new Map(items.map((i) => [`${i.type}:${i.value}`, i]));
    expect(values.has('email:billing@harbor-invoices.com')).toBe(true);
    expect(values.has('url:https://cdn-update.harbor-files.net/stage2.ps1')).toBe(true);
    expect(values.has('ipv4:45.77.12.9')).toBe(true);
    // Hashes lower-cased, CVEs upper-cased.
    expect(values.has('md5:5d41402abc4b2a76b9719d911017c592')).toBe(true);
    expect(values.has('sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824')).toBe(true);
    expect(values.has('cve:CVE-2023-23397')).toBe(true);
    expect(values.has('technique:T1566.001')).toBe(true);
    expect(values.has('technique:T1059.001')).toBe(true);
    // Marked, not dropped.
    expect(values.get('domain:example.com')?.warnings.length).toBeGreaterThan(0);
    const ip = values.get('ipv4:45.77.12.9');
    expect(ip?.sentence).toContain('beaconed to');
    // Offsets point into the stored text, for highlighting.
    const text = (await owner.api.get(`/v1/intel/reports/${report.id}/text`)).body.text as string;
    expect(text.slice(ip?.occurrences[0].start, ip?.occurrences[0].end)).toBe('45.77.12[.]9');
    const event = await poll(
      async () =>
        receiver.events.find((e) => e.type === 'intel.report.processed' && e.data.report_id === report.id),
      (e) => !!e,
      'intel.report.processed webhook',
    );
    expect(event?.data).toMatchObject({
      project_id: report.project_id,
      techniques: 2,
      links: { api: `/v1/intel/reports/${report.id}` },
    });
    const usage = await owner.api.get('/v1/usage');
    expect(
      usage.body.metrics.find((m: { metric: string }) => m.metric === 'intel.reports_ingested')?.used,
    ).toBeGreaterThanOrEqual(1);
  });

  it("answers 402 with the quota once the plan's monthly reports are used, and stores nothing", async () => {
    const capped = await signUp(t.url, 'intel-quota');
    const projectId = await projectOf(capped.api);
    await t.platform.db.transaction((tx) =>
      chargeUsage(tx, {
        orgId: capped.orgId,
        metric: 'intel.reports_ingested',
        quantity: 50,
        enforce: false,
      }),
    );
    const refused = await capped.api.post('/v1/intel/reports', {
      source: 'text',
      text: REPORT_A,
      project_id: projectId,
    });
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      quota: { metric: 'intel.reports_ingested', limit: 50, used: 50, requested: 1 },
    });
    expect((await capped.api.get('/v1/intel/reports')).body.data).toEqual([]);
  });

  it('lists the reports of one project when asked', async () => {
    const analyst = await signUp(t.url, 'intel-projects');
    const other = (await analyst.api.post('/v1/projects', { name: 'second desk' })).body.id as string;
    const first = await ingestText(analyst.api, REPORT_A);
    const second = await ingestText(analyst.api, REPORT_A, { project_id: other });
    const ids = async (query: string) =>
      (await analyst.api.get(`/v1/intel/reports${query}`)).body.data.map((r: { id: string }) => r.id);
    expect(await ids(`?project_id=${other}`)).toEqual([second.id]);
    expect(await ids(`?project_id=${first.project_id}`)).toEqual([first.id]);
    expect(await ids('')).toEqual([second.id, first.id]);
  });

  it('fetches a URL (loopback allowed by the operator) and treats the site as the publisher', async () => {
    const created = await owner.api.post('/v1/intel/reports', {
      source: 'url',
      url: `${siteUrl}/brief.html`,
      project_id: await projectOf(owner.api),
    });
    expect(created.status).toBe(202);
    const report = await processed(owner.api, created.body.id);
    expect(report).toMatchObject({ status: 'review', format: 'html', title: 'Threat brief: loopback lure' });
    const items = await itemsOf(owner.api, report.id);
    expect(items.map((i) => i.value)).toEqual(
      expect.arrayContaining(['http://login-verify.secure-docs-portal.com/auth', '91.203.4.18']),
    );
  });

  it('records a failed fetch with its reason and stages nothing', async () => {
    const created = await owner.api.post('/v1/intel/reports', {
      source: 'url',
      url: `${siteUrl}/gone`,
      project_id: await projectOf(owner.api),
    });
    const report = await processed(owner.api, created.body.id);
    expect(report.status).toBe('failed');
    expect(report.error).toContain('404');
    expect(await itemsOf(owner.api, report.id)).toEqual([]);
  });

  it('ingests an uploaded file through a presigned PUT', async () => {
    const bytes = Buffer.from(HTML);
    const started = await owner.api.post('/v1/intel/reports/uploads', {
      project_id: await projectOf(owner.api),
      filename: 'brief.html',
      content_type: 'text/html',
      size_bytes: bytes.length,
    });
    expect(started.status).toBe(201);
    expect(started.body.report.status).toBe('awaiting_upload');
    const early = await owner.api.post(`/v1/intel/reports/${started.body.report.id}/confirm`);
    expect(early.status).toBe(409);
    const put = await fetch(started.body.upload.url, {
      method: 'PUT',
      headers: started.body.upload.headers,
      body: bytes,
    });
    expect(put.status).toBeLessThan(300);
    const confirmed = await owner.api.post(`/v1/intel/reports/${started.body.report.id}/confirm`);
    expect(confirmed.status).toBe(202);
    const report = await processed(owner.api, started.body.report.id);
    expect(report).toMatchObject({ status: 'review', format: 'html', source: 'upload' });
    expect((await itemsOf(owner.api, report.id)).some((i) => i.value === '91.203.4.18')).toBe(true);
  });

  it('refuses bad input with field-level errors and writes nothing', async () => {
    const before = (await owner.api.get('/v1/intel/reports?page[size]=100')).body.data.length;
    const project_id = await projectOf(owner.api);
    const cases = [
      { source: 'text', text: '', project_id },
      { source: 'text', project_id },
      { source: 'text', text: 'no project' },
      { source: 'fax', text: 'x', project_id },
      { source: 'url', url: 'ftp://example.org/report', project_id },
      { source: 'url', url: 'not a url', project_id },
      { source: 'text', text: 'ok', tlp: 'purple', project_id },
      { source: 'text', text: 'ok', extra: true, project_id },
    ];
    for (const body of cases) {
      const res = await owner.api.post('/v1/intel/reports', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    const malformed = await owner.api.call('POST', '/v1/intel/reports', '{"source": "text", ');
    expect([400, 422]).toContain(malformed.status);
    expect(malformed.body.error.code).toBeTruthy();
    const huge = await owner.api.post('/v1/intel/reports/uploads', {
      project_id,
      filename: 'big.pdf',
      content_type: 'application/pdf',
      size_bytes: 500 * 1024 * 1024,
    });
    expect(huge.status).toBe(413);
    const exe = await owner.api.post('/v1/intel/reports/uploads', {
      project_id,
      filename: 'x.exe',
      content_type: 'application/x-msdownload',
      size_bytes: 10,
    });
    expect(exe.status).toBe(422);
    const unknownProject = await owner.api.post('/v1/intel/reports', {
      source: 'text',
      text: 'hello',
      project_id: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownProject.status).toBe(404);
    expect((await owner.api.get('/v1/intel/reports?page[size]=100')).body.data.length).toBe(before);
    expect((await owner.api.get('/v1/intel/reports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await owner.api.get('/v1/intel/reports/not-a-uuid')).status).toBe(422);
  });
});
