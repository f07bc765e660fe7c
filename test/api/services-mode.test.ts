import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3Server, startS3Server } from '../../packages/core/test/storage/servers.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signUp } from '../support/client.ts';
import { EMBEDDED_ONLY } from '../support/services.ts';

/**
 * With DATABASE_URL, REDIS_URL and S3 settings, the platform runs on Postgres, BullMQ and an S3 bucket:
 * an export goes through all three and downloads from a presigned S3 URL.
 */
let s3: S3Server;
let t: TestApp;
beforeAll(async () => {
  s3 = await startS3Server();
  t = await startTestApp({
    env: {
      S3_BUCKET: s3.bucket,
      S3_REGION: s3.region,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
  });
  await t.startWorker();
});
afterAll(async () => {
  await t?.close();
  await s3?.close().catch(() => {}); // the outage test already stopped it
});

describe.skipIf(EMBEDDED_ONLY)('services mode', () => {
  it('runs on Postgres, the BullMQ queue and S3', async () => {
    expect(t.platform.database.kind).toBe('postgres');
    expect(t.platform.jobs.transportKind).toBe('bullmq');
    expect(t.platform.storage.kind).toBe('s3');
    const ready = await fetch(`${t.url}/ready`).then(
      (r) => r.json() as Promise<{ checks: Record<string, string> }>,
    );
    expect(ready.checks).toMatchObject({ database: 'ok', queue: 'ok', storage: 'ok', redis: 'ok' });

    const owner = await signUp(t.url, 's3');
    const started = await owner.api.post('/v1/exports');
    let job = started.body;
    for (let i = 0; i < 100 && job.status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await owner.api.get(`/v1/jobs/${started.body.id}`)).body;
    }
    expect(job.status).toBe('completed');
    expect(job.download_url.startsWith(s3.endpoint)).toBe(true);
    const file = await fetch(job.download_url);
    expect(file.status).toBe(200);
    expect(((await file.json()) as { format: string }).format).toBe('assay-export');
  });

  it('reports a storage outage by name on /ready with 503', async () => {
    await s3.close();
    const res = await fetch(`${t.url}/ready`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { down: string[] };
    expect(body.down).toEqual(['storage']);
    expect((body as unknown as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Not ready: storage is down',
    });
  });
});
