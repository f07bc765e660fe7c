import http from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousViolations, shot } from './support/browser.ts';
import { type Stack, startStack } from './support/servers.ts';

const USER = {
  email: 'petra@e2e.test',
  password: 'petra-password-123',
  name: 'Petra Pages',
  org: 'Acme Widgets',
};
const BODY = `Acme makes durable industrial widgets for factories that run around the clock.

## Materials

Every widget is machined from marine-grade stainless steel and tested for ten thousand cycles.

## Frequently asked questions

### Do you ship to Asia?

Yes, Acme ships to Japan, Korea and Singapore within five working days.
`;

let stack: Stack;
let browser: Browser;
let page: Page;
let orgSlug = '';

/** A GET with the Host header a browser would send for `{org}.{PAGES_DOMAIN}` (no wildcard DNS needed). */
function getWithHost(url: string, host: string) {
  return new Promise<{ status: number; type: string; csp: string; body: string }>((resolve, reject) => {
    const req = http.get(url, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          csp: String(res.headers['content-security-policy'] ?? ''),
          body,
        }),
      );
    });
    req.on('error', reject);
  });
}

beforeAll(async () => {
  stack = await startStack({ PAGES_DOMAIN: 'pages.localhost' });
  const signup = await fetch(`${stack.apiUrl}/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: USER.email,
      password: USER.password,
      name: USER.name,
      organization_name: USER.org,
    }),
  }).then((r) => r.json());
  orgSlug = signup.memberships[0].org_slug;
  await fetch(`${stack.apiUrl}/v1/projects`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${signup.token}`,
      'x-org-id': signup.memberships[0].org_id,
    },
    body: JSON.stringify({ name: 'Site' }),
  });
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${stack.webUrl}/signin`);
  await page.getByLabel('Email').fill(USER.email);
  await page.getByLabel('Password').fill(USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${stack.webUrl}/`);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('Knowledge pages, end to end', () => {
  it('creates a page, scores edits live, saves and publishes it', async () => {
    await page.goto(`${stack.webUrl}/visibility/pages`);
    await page.getByLabel('Title (optional with URLs)').fill('Acme widgets: materials and delivery');
    await page.getByRole('button', { name: 'Create page' }).click();
    await page.waitForURL('**/visibility/pages/*');
    const score = page.getByTestId('health-score');
    await score.waitFor();
    const empty = Number(await score.innerText());
    await page
      .getByLabel('Description')
      .fill('Durable stainless steel widgets from Acme, shipped to Europe and Asia within days.');
    await page.getByLabel('Body (Markdown)').fill(BODY);
    await expect
      .poll(async () => Number(await score.innerText()), { timeout: 10_000 })
      .toBeGreaterThan(empty);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'JSON-LD', exact: true }).inputValue())
      .toContain('FAQPage');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'knowledge-page-editor');
  });

  it('serves the published page on the organization subdomain, with its Markdown twin and llms.txt', async () => {
    const host = `${orgSlug}.pages.localhost`;
    const html = await getWithHost(`${stack.webUrl}/acme-widgets-materials-and-delivery`, host);
    expect(html.status).toBe(200);
    expect(html.type).toMatch(/^text\/html/);
    expect(html.csp).toMatch(/default-src 'none'/);
    expect(html.body).toContain('<h1>Acme widgets: materials and delivery</h1>');
    expect(html.body).toContain('"@type":"FAQPage"');
    expect(html.body).toContain(`href="http://${host}/acme-widgets-materials-and-delivery.md"`);
    const md = await getWithHost(`${stack.webUrl}/acme-widgets-materials-and-delivery.md`, host);
    expect(md.type).toMatch(/^text\/markdown/);
    expect(md.body).toMatch(/^# Acme widgets: materials and delivery\n/);
    const llms = await getWithHost(`${stack.webUrl}/llms.txt`, host);
    expect(llms.body).toContain(`# ${USER.org}`);
    expect(llms.body).toContain('acme-widgets-materials-and-delivery.md');
    expect((await getWithHost(`${stack.webUrl}/`, host)).body).toContain(
      'Acme widgets: materials and delivery',
    );
    // The app is not reachable on a pages host, and unknown pages are not found.
    expect((await getWithHost(`${stack.webUrl}/settings`, host)).status).toBe(404);
    expect((await getWithHost(`${stack.webUrl}/no-such-page`, host)).status).toBe(404);
    expect(
      (await getWithHost(`${stack.webUrl}/acme-widgets-materials-and-delivery`, 'other-org.pages.localhost'))
        .status,
    ).toBe(404);
  });

  it('serves the same page on the path fallback, and stops serving it when unpublished', async () => {
    const fallback = `${stack.webUrl}/p/${orgSlug}/acme-widgets-materials-and-delivery`;
    expect((await fetch(fallback)).status).toBe(200);
    expect(await (await fetch(`${fallback}.md`)).text()).toMatch(/^# Acme widgets/);
    await page.getByRole('button', { name: 'Unpublish' }).click();
    await page.getByText('Taken off the site').waitFor();
    expect((await fetch(fallback)).status).toBe(404);
  });
});
