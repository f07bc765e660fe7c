import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousViolations, shot } from './support/browser.ts';
import { type Stack, startStack } from './support/servers.ts';

interface Hit {
  raw: string;
  signature: string;
  body: { id: string; type: string; data: Record<string, unknown> };
}

/** An https receiver with a throwaway self-signed certificate (the stack runs in production mode: https only). */
async function startHttpsReceiver() {
  const dir = mkdtempSync(join(tmpdir(), 'assay-e2e-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-days',
      '1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const hits: Hit[] = [];
  const server = https.createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => {
        hits.push({ raw, signature: String(req.headers['assay-signature']), body: JSON.parse(raw) });
        res.writeHead(200).end('thanks');
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/assay`,
    hits,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}

const validSignature = (secret: string, hit: Hit) => {
  const t = hit.signature.match(/t=(\d+)/)?.[1];
  const v1 = hit.signature.match(/v1=([0-9a-f]+)/)?.[1];
  return v1 === createHmac('sha256', secret).update(`${t}.${hit.raw}`).digest('hex');
};

let stack: Stack;
let receiver: Awaited<ReturnType<typeof startHttpsReceiver>>;
/** How long a check waits for a queued job's effect. */
const JOB_WAIT = { timeout: 15_000 };
let browser: Browser;
let page: Page;
let token = '';
let secret = '';

beforeAll(async () => {
  receiver = await startHttpsReceiver();
  // Loopback and a self-signed certificate are what this test's receiver needs; operators would not set these.
  stack = await startStack({ OUTBOUND_ALLOW_PRIVATE: 'true', NODE_TLS_REJECT_UNAUTHORIZED: '0' });
  browser = await launch();
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const signup = await fetch(`${stack.apiUrl}/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `hooks-${Date.now()}@e2e.test`,
      password: 'hooks-password-123',
      name: 'Hana Hooks',
      organization_name: 'Hooked Inc',
    }),
  });
  token = ((await signup.json()) as { token: string }).token;
  await ctx.addCookies([{ name: 'assay_session', value: token, url: stack.webUrl }]);
  page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await receiver?.close();
});

describe('Webhooks and notification settings, end to end', () => {
  it('adds an endpoint and shows its secret once', async () => {
    await page.goto(`${stack.webUrl}/settings/webhooks`);
    // One current page in the navigation, not Account settings (/settings) as well.
    expect(await page.locator('aside a[aria-current="page"]').allTextContents()).toEqual(['Webhooks']);
    await page.getByLabel('URL').fill(receiver.url);
    await page.getByLabel('member.invited').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByTestId('webhook-secret').waitFor();
    secret = await page.getByTestId('webhook-secret').innerText();
    expect(secret).toMatch(/^whsec_/);
    await expect.poll(() => page.getByTestId('webhook-row').count()).toBe(1);
    await shot(page, 'webhooks');
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);
  });

  it('sends a signed test event and shows the answer', async () => {
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect.poll(() => page.getByText(/Answered 200 in \d+ ms/).count()).toBe(1);
    expect(receiver.hits[0].body.type).toBe('webhook.ping');
    expect(validSignature(secret, receiver.hits[0])).toBe(true);
  });

  it('logs a real delivery and redelivers it with the same event id', async () => {
    const invited = await fetch(`${stack.apiUrl}/v1/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ email: 'guest@e2e.test', role: 'viewer' }),
    });
    expect(invited.status).toBe(201);
    // Deliveries are jobs: the embedded queue picks them up on its next poll, which can take seconds.
    await expect
      .poll(() => receiver.hits.filter((h) => h.body.type === 'member.invited').length, JOB_WAIT)
      .toBe(1);
    const event = receiver.hits.find((h) => h.body.type === 'member.invited')!;
    expect(validSignature(secret, event)).toBe(true);

    await page.getByRole('link', { name: 'Delivery log' }).click();
    await page.waitForURL('**/settings/webhooks/*');
    const row = page.getByTestId('delivery-row').filter({ hasText: 'member.invited' });
    await expect.poll(() => row.getByText('delivered').count(), JOB_WAIT).toBe(1);
    expect(await row.innerText()).toContain('200');
    await shot(page, 'webhook-deliveries');
    await row.getByRole('button', { name: 'Redeliver' }).click();
    await expect.poll(() => page.getByText('Queued for redelivery.').count()).toBe(1);
    await expect
      .poll(() => receiver.hits.filter((h) => h.body.id === event.body.id).length, JOB_WAIT)
      .toBe(2);
  });

  it('disables and enables an endpoint', async () => {
    await page.goto(`${stack.webUrl}/settings/webhooks`);
    await page.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => page.getByText('disabled', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => page.getByText('enabled', { exact: true }).count()).toBe(1);
  });

  it('saves notification preferences', async () => {
    await page.goto(`${stack.webUrl}/settings/notifications`);
    const box = page.getByLabel('A job I started finished');
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('Saved.').count()).toBe(1);
    await page.reload();
    expect(await page.getByLabel('A job I started finished').isChecked()).toBe(false);
    const prefs = await fetch(`${stack.apiUrl}/v1/notifications/preferences`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json());
    expect(prefs).toMatchObject({ job_finished: false, job_failed: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
