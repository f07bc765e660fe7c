import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousViolations, shot } from './support/browser.ts';
import { type Stack, startStack } from './support/servers.ts';

const USER = {
  name: 'Carla Compliance',
  email: 'carla@e2e.test',
  password: 'carla-password-123',
  org: 'Northwind Health',
};

/** A short policy with binding statements, so the baseline engine finds met, partial and missing controls. */
const POLICY = `# Information Security Policy

Owner: the Chief Information Security Officer. This policy is reviewed and approved by management every year.

## Access control
All employees must use multi-factor authentication to access production systems. The security team must review access rights every quarter and must revoke access within 24 hours of termination.

## Encryption
Customer data must be encrypted at rest using AES-256 and in transit using TLS 1.2 or higher.

## Incident response
Security incidents must be reported to the security team within one hour, and affected customers will be notified within 72 hours.

## Logging and monitoring
Production systems must send audit logs to a central system, where they are retained for one year.

## Security awareness
All personnel will complete security awareness training when hired and every year after. Security policies are published on the intranet and available to all personnel.
`;
const FILE = 'security-policy.md';
const flat = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

let stack: Stack;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let anon: BrowserContext;
let assessmentPath = '';
let documentPath = '';
let shareUrl = '';

beforeAll(async () => {
  stack = await startStack();
  browser = await launch();
  ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  anon = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('Compliance, end to end', () => {
  it('signs up and creates a first project from the Compliance page', async () => {
    await page.goto(`${stack.webUrl}/signup`);
    await page.getByLabel('Your name').fill(USER.name);
    await page.getByLabel('Email').fill(USER.email);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByLabel('Organization name (optional)').fill(USER.org);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${stack.webUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
    await page.waitForURL('**/compliance');
    await page.getByRole('heading', { name: 'Create a project' }).waitFor();
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => page.getByText('Name the project').count()).toBe(1);
    await page.getByLabel('Project name').fill('Policies 2026');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL('**/compliance?project=*');
    await page.getByRole('heading', { name: 'Upload a policy' }).waitFor();
    expect(await page.getByLabel('Project', { exact: true }).locator('option:checked').innerText()).toBe(
      'Policies 2026',
    );
  });

  it('refuses an unsupported file in the browser, then uploads a policy by drag and drop', async () => {
    await page.getByLabel('Policy document').setInputFiles({
      name: 'tool.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ'),
    });
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'not a supported file' }).count())
      .toBe(1);

    const transfer = await page.evaluateHandle(
      ([text, name]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'text/markdown' }));
        return dt;
      },
      [POLICY, FILE] as const,
    );
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    const ready = page.locator('[data-phase="ready"]');
    await ready.waitFor({ timeout: 30_000 });
    expect(await ready.innerText()).toContain(`${FILE} is ready`);
    await expect
      .poll(() => page.locator('[data-testid="document-row"][data-status="ready"]').count())
      .toBe(1);
    await shot(page, 'compliance');
  });

  it('uploads through the file input too, streaming via the web origin', async () => {
    // The same route the drop used; a second document shows the list and its statuses.
    await page.getByLabel('Policy document').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Staff must lock their screens.\n'),
    });
    await page.locator('[data-phase="ready"]').filter({ hasText: 'notes.txt' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(2);
  });

  it('assesses the policy against SOC 2 with a progress bar', async () => {
    await page
      .getByRole('list', { name: 'Documents' })
      .getByRole('link', { name: FILE, exact: true })
      .click();
    await page.waitForURL('**/compliance/documents/*');
    documentPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Start assessment' }).click();
    await expect.poll(() => page.getByText('Pick at least one framework').count()).toBe(1);
    await page.getByRole('checkbox', { name: /^SOC 2/ }).check();
    await page.getByRole('button', { name: 'Start assessment' }).click();
    const bar = page.getByRole('progressbar', { name: 'Assessment progress' });
    await bar.waitFor();
    await shot(page, 'compliance-assessing');
    const results = page.getByRole('link', { name: 'View results' });
    await results.waitFor({ timeout: 60_000 });
    await results.click();
    await page.waitForURL('**/compliance/assessments/*');
    assessmentPath = new URL(page.url()).pathname;
  });

  it('shows the summary and findings, filters them, and highlights evidence in the document', async () => {
    await page.getByTestId('summary').waitFor();
    expect(await page.getByTestId('framework-coverage').count()).toBe(1);
    expect(await page.getByTestId('overall-coverage').innerText()).toMatch(/^\d+%$/);
    const total = await page.getByTestId('finding-row').count();
    expect(total).toBeGreaterThan(10);
    const statuses = await page
      .getByTestId('finding-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(new Set(statuses).size).toBeGreaterThan(1);

    await page.getByLabel('Status', { exact: true }).selectOption('partial');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL('**status=partial*');
    const filtered = await page
      .getByTestId('finding-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(total);
    expect(filtered.every((s) => s === 'partial')).toBe(true);

    const first = page.getByTestId('finding-row').first().getByRole('button');
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    await first.click();
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    const mark = page.locator('[data-testid="finding-details"]:not([hidden]) mark').first();
    await mark.waitFor();
    const quote = await mark.innerText();
    expect(quote.length).toBeGreaterThan(10);
    expect(flat(POLICY)).toContain(flat(quote));
    expect(await page.locator('[data-testid="finding-details"]:not([hidden])').innerText()).toMatch(
      /Location: Information Security Policy/,
    );
    await shot(page, 'compliance-results');
  });

  it('downloads the report as CSV and JSON', async () => {
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect(readFileSync((await csv.path())!, 'utf8')).toContain('CC');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download JSON' }).click(),
    ]);
    const report = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { findings: unknown[] };
    expect(report.findings.length).toBeGreaterThan(10);
  });

  it('creates a share link that opens signed out, read-only and not indexed', async () => {
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this report' });
    await dialog.waitFor();
    await dialog.getByLabel('Link expires after').selectOption('7');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const input = dialog.locator('#share-url');
    await input.waitFor();
    shareUrl = await input.inputValue();
    expect(shareUrl.startsWith(`${stack.webUrl}/r/`)).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Copy link' }).count()).toBe(1);
    await expect
      .poll(() => dialog.locator('[data-testid="share-row"][data-status="active"]').count())
      .toBe(1);
    await shot(page, 'compliance-share');

    const reader = await anon.newPage();
    const res = await reader.goto(shareUrl);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['x-robots-tag']).toContain('noindex');
    expect(await reader.locator('meta[name="robots"]').first().getAttribute('content')).toContain('noindex');
    await reader.getByRole('heading', { level: 1, name: 'SOC 2 compliance report' }).waitFor();
    expect(await reader.getByTestId('report-finding').count()).toBeGreaterThan(10);
    expect(await reader.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    const pdf = await fetch(`${shareUrl}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    await shot(reader, 'shared-report');
    await reader.close();
  });

  it('revokes the link, which then shows "no longer valid" with a 404', async () => {
    const dialog = page.getByRole('dialog', { name: 'Share this report' });
    page.once('dialog', (d) => void d.accept());
    await dialog.getByRole('button', { name: /^Revoke link created/ }).click();
    await expect
      .poll(() => dialog.locator('[data-testid="share-row"][data-status="revoked"]').count())
      .toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const reader = await anon.newPage();
    const res = await reader.goto(shareUrl);
    expect(res?.status()).toBe(404);
    await reader.getByRole('heading', { name: 'This link is no longer valid' }).waitFor();
    expect((await fetch(`${shareUrl}/pdf`)).status).toBe(404);
    await shot(reader, 'shared-report-invalid');
    await reader.close();
  });

  it('has no serious or critical axe violations on the compliance pages', async () => {
    const found: string[] = [];
    const check = async (p: Page, label: string) => {
      for (const v of await seriousViolations(p))
        found.push(
          `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    };
    for (const path of ['/compliance', documentPath, assessmentPath]) {
      await page.goto(`${stack.webUrl}${path}`);
      await page.locator('h1').first().waitFor();
      await check(page, path);
    }
    // Expanded finding and open share dialog.
    await page.getByTestId('finding-row').first().getByRole('button').click();
    await check(page, `${assessmentPath} (finding open)`);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Share this report' })
      .getByRole('heading', { name: 'Links' })
      .waitFor();
    await check(page, `${assessmentPath} (share dialog)`);
    // A fresh link for the public page.
    await page.getByRole('button', { name: 'Create link' }).click();
    const url = await page.locator('#share-url').inputValue();
    const reader = await anon.newPage();
    await reader.goto(url);
    await reader.locator('h1').first().waitFor();
    await check(reader, '/r/[token]');
    await reader.goto(shareUrl);
    await reader.locator('h1').first().waitFor();
    await check(reader, '/r/[token] (revoked)');
    await reader.close();
    expect(found).toEqual([]);
  });

  it('fits a 375 px screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const reader = await anon.newPage();
    await reader.setViewportSize({ width: 375, height: 800 });
    for (const [p, path] of [
      [page, '/compliance'],
      [page, documentPath],
      [page, assessmentPath],
      [page, `${assessmentPath}?status=partial`],
    ] as const) {
      await p.goto(`${stack.webUrl}${path}`);
      await p.locator('h1').first().waitFor();
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
    await page.getByTestId('finding-row').first().getByRole('button').click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal overflow with a finding open').toBeLessThanOrEqual(0);
    await shot(page, 'compliance-results-mobile');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('button', { name: 'Create link' }).click();
    const url = await page.locator('#share-url').inputValue();
    await reader.goto(url);
    await reader.locator('h1').first().waitFor();
    expect(
      await reader.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await shot(reader, 'shared-report-mobile');
    await reader.close();
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
