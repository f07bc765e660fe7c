import { createMailer, defineJob, silentLogger } from '@assay/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, client, signUp } from '../../../../test/support/client.ts';
import { notifyPolicy } from '../../src/notifications/index.ts';
import { waitFor } from '../webhooks/receiver.ts';
import { startSmtp, subjectOf } from './smtp.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({ env: { SMTP_URL: smtp.url } });
  // The harness captures mail; send through the configured SMTP server instead, keeping the capture for
  // the invitation tokens `addMember` reads.
  const real = createMailer({
    smtpUrl: t.platform.config.SMTP_URL,
    from: t.platform.config.MAIL_FROM,
    logger: silentLogger(),
  });
  t.platform.mailer = {
    send: async (message) => {
      t.mail.push(message);
      await real.send(message);
    },
    close: () => real.close(),
  };
  await t.startWorker();
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const emailJobs = async (userId: string) =>
  (
    (await t.platform.db.execute(
      sql`select status, result from jobs where name = 'notifications.email' and payload->>'userId' = ${userId} order by created_at`,
    )) as unknown as { rows: { status: string; result: any }[] }
  ).rows;

async function finishedJob(api: ReturnType<typeof client>, id: string) {
  return waitFor(
    async () => (await api.get(`/v1/jobs/${id}`)).body,
    (job) => ['completed', 'dead', 'failed'].includes(job.status),
    'job',
  );
}

describe('email notifications over SMTP', () => {
  it('emails the user who started a long job when it finishes, in text and HTML; not for quick ones', async () => {
    const quick = await signUp(t.url, 'quick');
    const fast = await quick.api.post('/v1/exports');
    await finishedJob(quick.api, fast.body.id);
    // job.completed is reported after the outcome lands; give it the moment it needs.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await emailJobs(quick.userId)).toHaveLength(0);

    // An export is quick here: count every job as long for the rest of this file.
    notifyPolicy.finishedAfterMs = 0;
    const owner = await signUp(t.url, 'notified');
    const started = await owner.api.post('/v1/exports');
    await finishedJob(owner.api, started.body.id);
    const [mail] = await waitFor(
      () => smtp.to(owner.email),
      (m) => m.length === 1,
      'job email',
    );
    expect(subjectOf(mail.raw)).toBe('Your job core.export finished');
    expect(mail.raw).toMatch(/Content-Type: text\/plain/i);
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    expect(mail.raw).toContain('/settings/notifications');
  });

  it('respects the preference: switched off, no email', async () => {
    const owner = await signUp(t.url, 'quiet');
    expect((await owner.api.get('/v1/notifications/preferences')).body).toEqual({
      job_finished: true,
      job_failed: true,
      invitation: true,
      quota_nearly_reached: true,
    });
    const changed = await owner.api.patch('/v1/notifications/preferences', { job_finished: false });
    expect(changed.body).toMatchObject({ job_finished: false, job_failed: true });
    expect((await owner.api.patch('/v1/notifications/preferences', { job_finished: 'no' })).status).toBe(422);
    expect((await owner.api.patch('/v1/notifications/preferences', { weekly_digest: true })).status).toBe(
      422,
    );

    const started = await owner.api.post('/v1/exports');
    await finishedJob(owner.api, started.body.id);
    const jobs = await waitFor(
      () => emailJobs(owner.userId),
      (rows) => rows[0]?.status === 'completed',
      'email job',
    );
    expect(jobs[0].result).toEqual({ skipped: 'preference job_finished is off' });
    expect(smtp.to(owner.email)).toHaveLength(0);
  });

  it('emails a failed job to whoever started it', async () => {
    const owner = await signUp(t.url, 'failing');
    t.platform.jobs.register([
      defineJob({
        name: 'test.always-fails',
        queue: 'default',
        payload: z.object({}),
        maxAttempts: 1,
        handler: async () => {
          throw new Error('the disk is full');
        },
      }),
    ]);
    const job = await t.platform.jobs.submit({
      orgId: owner.orgId,
      name: 'test.always-fails',
      payload: {},
      createdBy: owner.userId,
    });
    expect((await finishedJob(owner.api, job.id)).status).toBe('dead');
    const [mail] = await waitFor(
      () => smtp.to(owner.email),
      (m) => m.length === 1,
      'failure email',
    );
    expect(subjectOf(mail.raw)).toBe('Your job test.always-fails failed');
    expect(mail.raw).toContain('the disk is full');
  });

  it('tells the inviter when an invitation is accepted, unless they opted out', async () => {
    const owner = await signUp(t.url, 'inviter');
    const member = await addMember(t.url, owner, t.mail, 'editor');
    const mails = await waitFor(
      () => smtp.to(owner.email).filter((m) => /joined/.test(subjectOf(m.raw))),
      (m) => m.length === 1,
      'accepted email',
    );
    expect(subjectOf(mails[0].raw)).toBe(`${member.email} joined inviter org`);
    // The invitation itself went out over SMTP too, in text and HTML.
    const invitation = smtp.to(member.email)[0];
    expect(invitation.raw).toMatch(/Content-Type: text\/html/i);
    expect(invitation.raw).toMatch(/Content-Type: text\/plain/i);

    await owner.api.patch('/v1/notifications/preferences', { invitation: false });
    const second = await addMember(t.url, owner, t.mail, 'viewer');
    await waitFor(
      () => emailJobs(owner.userId),
      (rows) => rows.length === 2 && rows[1].status === 'completed',
      'second',
    );
    expect(smtp.to(owner.email).filter((m) => subjectOf(m.raw).includes(second.email))).toHaveLength(0);
  });

  it('warns owners and admins once when a quota is nearly used up', async () => {
    const owner = await signUp(t.url, 'quota');
    const admin = await addMember(t.url, owner, t.mail, 'admin');
    const editor = await addMember(t.url, owner, t.mail, 'editor');
    await t.platform.db.execute(sql`update plans set quotas = quotas || '{"exports.created": 5}'`);
    for (let i = 0; i < 4; i++) expect((await owner.api.post('/v1/exports')).status).toBe(202);
    for (let run = 0; run < 2; run++) {
      const check = await t.platform.jobs.submit({
        orgId: null,
        name: 'notifications.quota-check',
        payload: {},
      });
      await waitFor(
        async () => (await t.platform.jobs.get(null, check.id)).status,
        (s) => s === 'completed',
        'quota check',
      );
    }
    const quotaMails = (email: string) =>
      smtp.to(email).filter((m) => subjectOf(m.raw).includes('exports.created quota'));
    await waitFor(
      () => [quotaMails(owner.email), quotaMails(admin.email)],
      ([a, b]) => a.length === 1 && b.length === 1,
      'quota emails',
    );
    expect(subjectOf(quotaMails(owner.email)[0].raw)).toBe(
      'quota org has used 80% of its exports.created quota',
    );
    expect(quotaMails(editor.email)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(quotaMails(owner.email)).toHaveLength(1);
  });

  it('keeps preferences per member and organization, and needs a signed-in user', async () => {
    const a = await signUp(t.url, 'pref-a');
    const b = await signUp(t.url, 'pref-b');
    await a.api.patch('/v1/notifications/preferences', { job_failed: false });
    expect((await b.api.get('/v1/notifications/preferences')).body.job_failed).toBe(true);
    expect((await client(t.url).get('/v1/notifications/preferences')).status).toBe(401);
    // Another organization's id in X-Org-Id is not yours to read preferences in.
    const foreign = client(t.url, { token: b.token, orgId: a.orgId });
    expect([403, 404]).toContain((await foreign.get('/v1/notifications/preferences')).status);
  });

  it('prints the email to the log when SMTP is not configured', async () => {
    const lines: string[] = [];
    const { pino } = await import('pino');
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const mailer = createMailer({ from: 'Assay <a@b.c>', logger: logger as never });
    await mailer.send({ to: 'x@example.test', subject: 'Hello', text: 'the body', html: '<p>the body</p>' });
    expect(lines.join('')).toContain('the body');
    expect(lines.join('')).toContain('x@example.test');
  });
});
