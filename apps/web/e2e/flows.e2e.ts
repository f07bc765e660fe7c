import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousViolations, shot } from './support/browser.ts';
import { formatPerf, measure } from './support/perf.ts';
import { type Stack, startStack } from './support/servers.ts';
import { startSmtp } from './support/smtp.ts';

const OWNER = {
  name: 'Olivia Owner',
  email: 'owner@e2e.test',
  password: 'owner-password-123',
  org: 'Acme Research',
};
const MEMBER = { name: 'Victor Viewer', email: 'viewer@e2e.test', password: 'viewer-password-123' };

let stack: Stack;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let browser: Browser;
let owner: BrowserContext;
let ownerPage: Page;

async function signUp(page: Page, user: { name: string; email: string; password: string; org?: string }) {
  await page.getByLabel('Your name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  if (user.org) await page.getByLabel('Organization name (optional)').fill(user.org);
  await page.getByRole('button', { name: 'Create account' }).click();
}

beforeAll(async () => {
  smtp = await startSmtp();
  stack = await startStack({ SMTP_URL: smtp.url });
  browser = await launch();
  owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  ownerPage = await owner.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await smtp?.close();
});

describe('Assay web, end to end', () => {
  it('shows the demo hint on a first run and validates sign-up on the client', async () => {
    const page = ownerPage;
    await page.goto(`${stack.webUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await expect.poll(() => page.getByText('demo@assay.local').count()).toBeGreaterThan(0);
    await shot(page, 'signin');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL('**/signup');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByText('Use at least 10 characters').count()).toBe(1);
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
  });

  it('signs up the owner into a server-rendered dashboard', async () => {
    const page = ownerPage;
    await page.goto(`${stack.webUrl}/signup`);
    await signUp(page, OWNER);
    await page.waitForURL(`${stack.webUrl}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: OWNER.org }).count()).toBe(1);
    expect(await page.getByTestId('role-badge').innerText()).toBe('owner');
    const cookie = (await owner.cookies()).find((c) => c.name === 'assay_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    await shot(page, 'dashboard');
  });

  it('refuses a state-changing post from another origin (CSRF)', async () => {
    const res = await fetch(`${stack.webUrl}/members`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain', 'next-action': 'x' },
      body: '[]',
    });
    expect(res.status).toBe(403);
  });

  let inviteToken = '';
  it('invites a member by email and lists the pending invitation', async () => {
    const page = ownerPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await page.waitForURL('**/members');
    await page.getByLabel('Email').fill(MEMBER.email);
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.getByText(`Invitation sent to ${MEMBER.email}.`).count()).toBe(1);
    await expect
      .poll(() => page.getByRole('button', { name: `Revoke invitation for ${MEMBER.email}` }).count())
      .toBe(1);
    inviteToken = await smtp.inviteToken(MEMBER.email);
    expect(inviteToken.length).toBeGreaterThan(10);
    await shot(page, 'members');
  });

  let memberPage: Page;
  it('lets the invitee sign up, accept, and see only their organizations', async () => {
    // Someone else's organization, which the member must never see.
    await fetch(`${stack.apiUrl}/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'outsider@e2e.test',
        password: 'outsider-password-1',
        name: 'Out',
        organization_name: 'Outsider Org',
      }),
    });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    memberPage = await ctx.newPage();
    await memberPage.goto(`${stack.webUrl}/invitations/accept?token=${encodeURIComponent(inviteToken)}`);
    await memberPage.waitForURL('**/signin?next=*');
    await memberPage.getByRole('link', { name: 'Create an account' }).click();
    await memberPage.waitForURL('**/signup?next=*');
    await signUp(memberPage, MEMBER);
    await memberPage.waitForURL('**/invitations/accept?token=*');
    await memberPage.getByRole('button', { name: 'Accept invitation' }).click();
    await memberPage.waitForURL(`${stack.webUrl}/`);
    await expect.poll(() => memberPage.getByRole('heading', { level: 1, name: OWNER.org }).count()).toBe(1);
    expect(await memberPage.getByTestId('role-badge').innerText()).toBe('viewer');
    const orgs = await memberPage.locator('aside #org-switcher option').allInnerTexts();
    expect(orgs.sort()).toEqual([OWNER.org, `${MEMBER.name}'s organization`].sort());
  });

  it('hides admin pages from a viewer, and refuses them when opened directly', async () => {
    const nav = memberPage.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'API keys' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Data export' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Members' }).count()).toBe(1);
    for (const path of ['/api-keys', '/audit', '/exports']) {
      await memberPage.goto(`${stack.webUrl}${path}`);
      await expect
        .poll(() => memberPage.getByRole('heading', { name: 'Not available for your role' }).count())
        .toBe(1);
    }
    await memberPage.goto(`${stack.webUrl}/members`);
    expect(await memberPage.getByRole('button', { name: 'Send invitation' }).count()).toBe(0);
    await shot(memberPage, 'viewer-denied');
    await memberPage.context().close();
  });

  it('creates an API key with scopes and expiry, uses it, and revokes it', async () => {
    const page = ownerPage;
    await page.goto(`${stack.webUrl}/api-keys`);
    await page.getByLabel('Name').fill('CI script');
    await page.getByLabel('members:read').check();
    const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
    await page.getByLabel('Expires on (optional)').fill(nextYear);
    await page.getByRole('button', { name: 'Create key' }).click();
    const secretEl = page.getByTestId('api-key-secret');
    await secretEl.waitFor();
    const secret = (await secretEl.innerText()).trim();
    expect(await page.getByRole('button', { name: 'Copy secret' }).count()).toBe(1);
    await shot(page, 'api-keys');

    const call = () =>
      fetch(`${stack.apiUrl}/v1/members`, { headers: { authorization: `Bearer ${secret}` } });
    const ok = await call();
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { data: unknown[] }).data.length).toBe(2);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Revoke CI script' }).click();
    await expect.poll(() => page.getByText('revoked', { exact: true }).count()).toBe(1);
    await expect.poll(async () => (await call()).status, { timeout: 10_000 }).toBe(401);
  });

  it('runs an export with a visible progress bar and downloads it', async () => {
    const page = ownerPage;
    await page.goto(`${stack.webUrl}/exports`);
    await page.getByRole('button', { name: 'Start export' }).click();
    await page.getByRole('progressbar', { name: 'Export progress' }).waitFor();
    const link = page.getByRole('link', { name: 'Download export' });
    await link.waitFor({ timeout: 60_000 });
    expect(
      await page.getByRole('progressbar', { name: 'Export progress' }).getAttribute('aria-valuenow'),
    ).toBe('100');
    await shot(page, 'exports');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = readFileSync((await download.path())!, 'utf8');
    expect(file).toContain(OWNER.email);
    JSON.parse(file);
  });

  it('shows jobs and a filterable, paginated audit log', async () => {
    const page = ownerPage;
    await page.goto(`${stack.webUrl}/jobs`);
    await page.getByTestId('job-row').first().waitFor();
    expect(await page.locator('[data-testid="job-row"][data-status="completed"]').count()).toBeGreaterThan(0);
    await shot(page, 'jobs');
    await page.goto(`${stack.webUrl}/audit`);
    await page.getByLabel('Action').fill('api_key.*');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL('**/audit?action=*');
    const actions = await page.locator('[data-testid="audit-row"] td:nth-child(2)').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.startsWith('api_key.'))).toBe(true);
    await page.getByLabel('Action').fill('Bad Value!');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.getByText('end with * for a prefix').count()).toBe(1);
    await shot(page, 'audit');
    await page.goto(`${stack.webUrl}/settings`);
    await shot(page, 'settings');
  });

  it('has no serious or critical axe violations on core pages', async () => {
    const found: string[] = [];
    for (const path of [
      '/',
      '/members',
      '/api-keys',
      '/audit',
      '/jobs',
      '/exports',
      '/settings',
      '/compliance',
    ]) {
      await ownerPage.goto(`${stack.webUrl}${path}`);
      for (const v of await seriousViolations(ownerPage))
        found.push(
          `${path}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    }
    const anon = await browser.newPage();
    for (const path of ['/signin', '/signup']) {
      await anon.goto(`${stack.webUrl}${path}`);
      for (const v of await seriousViolations(anon)) found.push(`${path}: ${v.id} (${v.impact}) ${v.help}`);
    }
    await anon.close();
    expect(found).toEqual([]);
  });

  it('fits a 375 px screen and has a dark theme', async () => {
    const page = ownerPage;
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ['/', '/members', '/api-keys', '/audit', '/jobs']) {
      await page.goto(`${stack.webUrl}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
    await page.goto(`${stack.webUrl}/`);
    await shot(page, 'dashboard-mobile');
    await page.getByRole('button', { name: 'Switch between light and dark theme' }).click();
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.className)).toMatch(/dark|light/);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => (document.cookie = 'assay_theme=dark; path=/'));
    await page.reload();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(16, 18, 22)',
    );
    await shot(page, 'dashboard-dark');
  });

  it('measures dashboard LCP and JavaScript size (printed, not asserted)', async () => {
    const cookies = (await owner.cookies())
      .filter((c) => c.name.startsWith('assay_'))
      .map((c) => ({ name: c.name, value: c.value, url: stack.webUrl }));
    const perf = await measure(browser, `${stack.webUrl}/`, cookies);
    console.log(`[web perf] dashboard: ${formatPerf(perf)}`);
    expect(perf.jsFiles).toBeGreaterThan(0);
  });

  it('signs out', async () => {
    await ownerPage.goto(`${stack.webUrl}/`);
    await ownerPage.getByRole('button', { name: 'Sign out' }).click();
    await ownerPage.waitForURL('**/signin');
    await ownerPage.goto(`${stack.webUrl}/members`);
    expect(new URL(ownerPage.url()).pathname).toBe('/signin');
  });
});
