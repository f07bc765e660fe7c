import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, client, signUp } from '../../../../test/support/client.ts';
import { poll, SAMPLE_POLICY, uploadDocument } from './helpers.ts';

let t: TestApp;
let owner: Awaited<ReturnType<typeof signUp>>;
let projectId: string;

beforeAll(async () => {
  t = await startTestApp();
  await t.startWorker();
  owner = await signUp(t.url, 'compliance');
  projectId = (await owner.api.post('/v1/projects', { name: 'policies' })).body.id;
});
afterAll(async () => t?.close());

describe('compliance: upload, assess, report, share', () => {
  it('assesses an uploaded policy against SOC 2 with verified evidence and bills it once', async () => {
    const doc = await uploadDocument(
      owner.api,
      projectId,
      Buffer.from(SAMPLE_POLICY),
      'security-policy.md',
      'text/markdown',
    );
    expect(doc).toMatchObject({ status: 'ready', format: 'markdown' });

    const started = await owner.api.post('/v1/assessments', { document_id: doc.id, frameworks: ['soc2'] });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'processing', engine: 'baseline' });
    const done = await poll(
      async () => (await owner.api.get(`/v1/assessments/${started.body.id}`)).body,
      (a) => a.status !== 'processing',
      'assessment',
    );
    expect(done.status).toBe('completed');
    expect(done.progress).toBe(100);
    const soc2 = done.findings.filter((f: { framework: string }) => f.framework === 'soc2');
    expect(soc2.length).toBeGreaterThan(30);
    for (const finding of done.findings) {
      expect(finding.method).toBe('baseline');
      for (const evidence of finding.evidence)
        expect(SAMPLE_POLICY.replace(/\s+/g, ' ')).toContain(evidence.quote.replace(/\s+/g, ' '));
    }
    const statuses = new Set(done.findings.map((f: { status: string }) => f.status));
    expect(statuses.has('missing')).toBe(true);
    expect(done.summary).toBeTruthy();

    const filtered = await owner.api.get(`/v1/assessments/${started.body.id}?status=missing`);
    expect(filtered.body.findings.every((f: { status: string }) => f.status === 'missing')).toBe(true);

    const usage = await owner.api.get('/v1/usage');
    expect(usage.body.metrics.find((m: { metric: string }) => m.metric === 'assessment_completed').used).toBe(
      1,
    );

    const csv = await fetch(`${t.url}/v1/assessments/${started.body.id}/report?format=csv`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[0]).toContain('control_id');
    const pdf = await fetch(`${t.url}/v1/assessments/${started.body.id}/report?format=pdf`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const share = await owner.api.post(`/v1/assessments/${started.body.id}/shares`, { expires_in_days: 7 });
    expect(share.status).toBe(201);
    const anonymous = client(t.url);
    const shared = await anonymous.get(`/v1/public/reports/${share.body.token}`);
    expect(shared.status).toBe(200);
    expect(shared.body.findings.length).toBe(done.findings.length);
    expect(
      (await owner.api.delete(`/v1/assessments/${started.body.id}/shares/${share.body.id}`)).status,
    ).toBe(204);
    expect((await anonymous.get(`/v1/public/reports/${share.body.token}`)).status).toBe(404);
  });

  it('gives a clear reason for a broken file and keeps nothing of it', async () => {
    const broken = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage');
    const doc = await uploadDocument(owner.api, projectId, broken, 'broken.pdf', 'application/pdf');
    expect(doc.status).toBe('failed');
    expect(doc.error).toBeTruthy();
    expect(doc.error_reason).toMatch(/corrupt|empty/);
    expect(
      await t.platform.storage.head(`orgs/${owner.orgId}/compliance/documents/${doc.id}/original`),
    ).toBeUndefined();
    const refused = await owner.api.post('/v1/assessments', { document_id: doc.id, frameworks: ['soc2'] });
    expect(refused.status).toBe(409);
  });

  it('refuses oversized, mistyped and mis-sized uploads, unknown frameworks and viewers', async () => {
    const big = await owner.api.post('/v1/compliance/documents', {
      project_id: projectId,
      filename: 'huge.pdf',
      content_type: 'application/pdf',
      size_bytes: 500 * 1024 * 1024,
    });
    expect(big.status).toBe(413);
    const exe = await owner.api.post('/v1/compliance/documents', {
      project_id: projectId,
      filename: 'x.exe',
      content_type: 'application/x-msdownload',
      size_bytes: 10,
    });
    expect(exe.status).toBe(422);
    const created = await owner.api.post('/v1/compliance/documents', {
      project_id: projectId,
      filename: 'a.txt',
      content_type: 'text/plain',
      size_bytes: 100,
    });
    expect(
      (await owner.api.post(`/v1/compliance/documents/${created.body.document.id}/confirm`)).status,
    ).toBe(409);
    const wrongSize = await fetch(created.body.upload.url, {
      method: 'PUT',
      headers: created.body.upload.headers,
      body: Buffer.alloc(50, 97),
    });
    expect(wrongSize.status).toBeGreaterThanOrEqual(400);

    const doc = await uploadDocument(
      owner.api,
      projectId,
      Buffer.from(SAMPLE_POLICY),
      'p.md',
      'text/markdown',
    );
    const unknown = await owner.api.post('/v1/assessments', {
      document_id: doc.id,
      frameworks: ['iso27001'],
    });
    expect(unknown.status).toBe(422);
    const llm = await owner.api.post('/v1/assessments', {
      document_id: doc.id,
      frameworks: ['soc2'],
      engine: 'llm',
    });
    expect(llm.status).toBe(422);
    const viewer = await addMember(t.url, owner, t.mail, 'viewer');
    expect(
      (await viewer.api.post('/v1/assessments', { document_id: doc.id, frameworks: ['soc2'] })).status,
    ).toBe(403);
    expect((await viewer.api.get(`/v1/compliance/documents/${doc.id}`)).status).toBe(200);
  });

  it('stops accepting assessments at the plan quota with 402', async () => {
    const other = await signUp(t.url, 'quota');
    const project = (await other.api.post('/v1/projects', { name: 'q' })).body.id;
    const doc = await uploadDocument(other.api, project, Buffer.from(SAMPLE_POLICY), 'p.md', 'text/markdown');
    await t.platform.db.execute(
      (await import('drizzle-orm')).sql`update plans set quotas = quotas || '{"assessment_completed": 1}'`,
    );
    expect(
      (await other.api.post('/v1/assessments', { document_id: doc.id, frameworks: ['gdpr'] })).status,
    ).toBe(202);
    const over = await other.api.post('/v1/assessments', { document_id: doc.id, frameworks: ['gdpr'] });
    expect(over.status).toBe(402);
    expect(over.body.error.quota).toMatchObject({ metric: 'assessment_completed', limit: 1 });
    await t.platform.db.execute(
      (await import('drizzle-orm')).sql`update plans set quotas = quotas || '{"assessment_completed": 20}'`,
    );
  });
});
