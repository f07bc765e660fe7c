import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousViolations, shot } from './support/browser.ts';
import { type Stack, startStack } from './support/servers.ts';

const USER = {
  name: 'Ines Intel',
  email: 'ines@e2e.test',
  password: 'ines-password-123',
  org: 'Harbor Freight Security',
};

/** A short report in a vendor blog's style: defanged indicators, a technique id, and two false positives. */
const REPORT = `Operation Glass Harbor: loader campaign against freight brokers

On 3 November the actor sent invoices from ops[at]glassharbor-mail[.]com with a link to hxxps://cdn-freightdocs[.]net/invoice/view.php?id=77.
The dropper contacted 45.137.21[.]9 over port 443 and downloaded stage2 from hxxp://update-check[.]org/s2.bin.
The payload (SHA-256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08) runs PowerShell (T1059.001) and exploits CVE-2024-3400 for initial access.
For testing, analysts replayed the traffic against 192.0.2.15 as described on example.com.
Researchers attribute the activity to APT29 with moderate confidence.
`;
const TITLE = 'Operation Glass Harbor';
const BROKEN_RULES =
  'rule glass_harbor_loader {\n  strings:\n    $a = "stage2.bin"\n  condition:\n    $b\n}\n';
const URL_IOC = 'https://cdn-freightdocs.net/invoice/view.php?id=77';

let stack: Stack;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let reportPath = '';
let indicatorPath = '';
let agentPath = '';
let actorPath = '';
let trendPath = '';

const item = (value: string) => page.locator(`[data-testid="review-item"][data-value="${value}"]`);

beforeAll(async () => {
  stack = await startStack();
  browser = await launch();
  ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await ctx.newPage();
  // The embedded stack seeds its demo organization (ATT&CK import included) while the tests start.
  page.setDefaultTimeout(30_000);
});

afterAll(async () => {
  if (process.env.E2E_DEBUG) console.log(stack?.log().slice(-6000));
  await browser?.close();
  await stack?.stop();
});

describe('Intel, end to end', () => {
  it('signs up, opens Intel and creates a project', async () => {
    await page.goto(`${stack.webUrl}/signup`);
    await page.getByLabel('Your name').fill(USER.name);
    await page.getByLabel('Email').fill(USER.email);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByLabel('Organization name (optional)').fill(USER.org);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${stack.webUrl}/`, { timeout: 60_000 }).catch(async (e) => {
      await shot(page, 'intel-signup-failed');
      throw e;
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intel' }).click();
    await page.waitForURL('**/intel');
    await page.getByRole('heading', { name: 'Create a project' }).waitFor();
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => page.getByText('Name the project').count()).toBe(1);
    await page.getByLabel('Project name').fill('Freight sector');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL('**/intel?project=*');
    await page.getByRole('heading', { name: 'Add a report' }).waitFor();
    expect(await page.getByLabel('Project', { exact: true }).locator('option:checked').innerText()).toBe(
      'Freight sector',
    );
  });

  it('refuses an empty paste in the browser, then pastes a report and waits for its extraction', async () => {
    await page.getByRole('button', { name: 'Extract from text' }).click();
    await expect.poll(() => page.getByText('Paste the report’s text').count()).toBe(1);
    await page.getByLabel('Report text').fill(REPORT);
    await page.getByLabel('Title (optional)').fill(TITLE);
    await page.getByRole('button', { name: 'Extract from text' }).click();
    await page.waitForURL('**/intel/reports/*');
    reportPath = new URL(page.url()).pathname;
    await page.getByTestId('review-screen').waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  });

  it('shows the staged items refanged, with warnings, and their sentences highlighted in the text', async () => {
    for (const v of ['ops@glassharbor-mail.com', URL_IOC, '45.137.21.9', 'CVE-2024-3400', 'T1059.001'])
      expect(await item(v).count(), v).toBe(1);
    expect(await item('192.0.2.15').innerText()).toContain('documentation range');
    expect(await item(URL_IOC).getAttribute('data-status')).toBe('pending');
    // The value as written (defanged) is marked inside its sentence.
    expect(await item(URL_IOC).locator('mark').innerText()).toBe(
      'hxxps://cdn-freightdocs[.]net/invoice/view.php?id=77',
    );
    const text = page.getByTestId('report-text');
    expect(await text.locator('mark').count()).toBeGreaterThan(3);
    expect(await text.locator('mark').first().innerText()).not.toBe('');
    await item(URL_IOC)
      .getByRole('link', { name: /^Show in text/ })
      .click();
    await page.waitForURL(/#occ-/);
    const anchor = new URL(page.url()).hash.slice(1);
    expect(await page.locator(`[id="${anchor}"]`).innerText()).toContain('cdn-freightdocs[.]net');
    await shot(page, 'intel-review');
  });

  it('rejects one item, accepts one, then accepts everything at or above 80', async () => {
    await page.getByRole('button', { name: 'Reject 45.137.21.9' }).click();
    await expect
      .poll(() => item('45.137.21.9').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('rejected');
    await page.getByRole('button', { name: 'Accept ops@glassharbor-mail.com' }).click();
    await expect
      .poll(() => item('ops@glassharbor-mail.com').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('accepted');
    await page.getByLabel('Confidence at least').fill('80');
    await page.getByRole('button', { name: /^Accept \d+ items? at or above$/ }).click();
    await expect.poll(() => item(URL_IOC).getAttribute('data-status'), { timeout: 15_000 }).toBe('accepted');
    await expect
      .poll(() => item('T1059.001').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('accepted');
    // Low-confidence false positives stay for a person to decide.
    expect(await item('192.0.2.15').getAttribute('data-status')).toBe('pending');
    expect(await item('example.com').getAttribute('data-status')).toBe('pending');
    expect(await page.getByTestId('review-screen').getByRole('alert').count()).toBe(0);
    // Decisions survive a reload (they come from the API, not the page's memory).
    await expect
      .poll(() => page.getByRole('list', { name: 'Extracted items' }).getAttribute('aria-busy'), {
        timeout: 15_000,
      })
      .toBe('false');
    await page.reload();
    await page.getByTestId('review-screen').waitFor();
    expect(await item('45.137.21.9').getAttribute('data-status')).toBe('rejected');
    expect(await item(URL_IOC).getAttribute('data-status')).toBe('accepted');
    expect(await item('example.com').getAttribute('data-status')).toBe('pending');
    const pending = await page.locator('[data-testid="review-item"][data-status="pending"]').count();
    expect(pending).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('review-summary').innerText()).toContain(`${pending} pending`);

    // An analyst corrects a finding: the example domain was really the sender's domain.
    await page.getByRole('button', { name: 'Edit example.com' }).click();
    await page.getByLabel('Value', { exact: true }).fill('GlassHarbor-Mail[.]com');
    await page.getByRole('button', { name: 'Save and accept' }).click();
    await expect
      .poll(() => item('example.com').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('edited');
    await expect
      .poll(() => item('example.com').getByText('Corrected to').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await item('example.com').innerText()).toContain('glassharbor-mail.com');
  });

  it('lists the accepted indicators, searches them, and opens one with its source report', async () => {
    await page.goto(`${stack.webUrl}/intel/indicators`);
    await page.getByRole('heading', { level: 1, name: 'Indicators' }).waitFor();
    const values = await page
      .getByTestId('indicator-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-value')));
    expect(values).toContain(URL_IOC);
    expect(values).toContain('ops@glassharbor-mail.com');
    expect(values).toContain('CVE-2024-3400');
    expect(values).toContain('glassharbor-mail.com');
    expect(values).not.toContain('example.com');
    expect(values).not.toContain('45.137.21.9');
    expect(values).not.toContain('192.0.2.15');

    await page.getByLabel('Search', { exact: true }).fill('freightdocs');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL('**q=freightdocs*');
    expect(
      await page
        .getByTestId('indicator-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-value'))),
    ).toEqual([URL_IOC]);
    await page.getByLabel('Type', { exact: true }).selectOption('cve');
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL('**type=cve*');
    expect(
      await page
        .getByTestId('indicator-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-value'))),
    ).toEqual(['CVE-2024-3400']);

    await page.getByRole('link', { name: 'CVE-2024-3400' }).click();
    await page.waitForURL('**/intel/indicators/*');
    indicatorPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: 'CVE-2024-3400' }).waitFor();
    const source = page.getByTestId('source-report').first();
    expect(await source.innerText()).toContain(TITLE);
    expect(await source.innerText()).toContain('exploits CVE-2024-3400');
    await shot(page, 'intel-indicator');
  });

  it('shows the technique on the ATT&CK heat map, counted in text', async () => {
    await page
      .getByRole('navigation', { name: 'Intel sections' })
      .getByRole('link', { name: 'ATT&CK' })
      .click();
    await page.waitForURL('**/intel/attack');
    const map = page.getByTestId('heatmap');
    await map.waitFor();
    // T1059.001 is a sub-technique: its mention rolls up into the T1059 cell.
    const cell = page.locator('[data-testid="heat-cell"][data-technique="T1059"]');
    await cell.waitFor();
    expect(await cell.getAttribute('data-count')).toBe('1');
    expect(Number(await cell.getAttribute('data-level'))).toBeGreaterThan(0);
    expect(await cell.innerText()).toMatch(/1 report/);
    await cell.getByText(/sub-technique seen/).click();
    expect(await cell.getByRole('link', { name: /T1059\.001/ }).count()).toBe(1);
    await shot(page, 'intel-attack');
    // With the ATT&CK catalogue imported (the demo imports it when the shared data is there), the
    // whole matrix shows every tactic in kill-chain order.
    const whole = page.getByRole('link', { name: 'Whole matrix' });
    if ((await whole.count()) > 0) {
      await whole.click();
      await page.waitForURL('**view=all');
      const tactics = await page
        .getByTestId('heat-column')
        .evaluateAll((cols) => cols.map((c) => c.getAttribute('data-tactic')));
      expect(tactics.slice(0, 3)).toEqual(['reconnaissance', 'resource-development', 'initial-access']);
      expect(tactics.indexOf('execution')).toBeLessThan(tactics.indexOf('impact'));
      expect(await page.getByTestId('heat-cell').count()).toBeGreaterThan(150);
      expect(await page.locator('[data-testid="heat-cell"][data-level="0"]').count()).toBeGreaterThan(100);
      await shot(page, 'intel-attack-matrix');
    }
  });

  it('opens the technique and, with the ATT&CK catalogue, the actor the report named', async () => {
    await page.goto(`${stack.webUrl}/intel/attack/T1059.001`);
    await page.getByRole('heading', { level: 1, name: /^T1059\.001/ }).waitFor();
    const mention = page.locator('[data-testid="relationship"][data-type="mentions"]');
    expect(await mention.first().innerText()).toContain(TITLE);

    await page.goto(`${stack.webUrl}/intel/actors`);
    await page.getByRole('heading', { level: 1, name: 'Threat actors' }).waitFor();
    // Actors are found by their ATT&CK names and aliases, so only when the catalogue is imported.
    if ((await page.getByTestId('actor-row').count()) > 0) {
      await page.getByRole('link', { name: 'APT29' }).click();
      await page.waitForURL('**/intel/actors/*');
      await page.getByRole('heading', { level: 1, name: 'APT29' }).waitFor();
      expect(await page.getByTestId('source-report').first().innerText()).toContain(
        'attribute the activity to APT29',
      );
      actorPath = new URL(page.url()).pathname;
    }
  });

  it('shows YARA compile errors at their lines, then saves fixed rules as indicators', async () => {
    await page
      .getByRole('navigation', { name: 'Intel sections' })
      .getByRole('link', { name: 'YARA' })
      .click();
    await page.waitForURL('**/intel/yara');
    await page.getByLabel('Name', { exact: true }).fill('Glass Harbor loader');
    await page.getByLabel('Rules', { exact: true }).fill(BROKEN_RULES);
    await page.getByRole('button', { name: 'Compile and save' }).click();
    const errors = page.getByTestId('compile-errors');
    await errors.waitFor();
    const line = errors.locator('[data-line="5"][data-problem="true"]');
    expect(await line.innerText()).toContain('Error on line 5, column 5: unknown pattern `$b`');
    expect(await errors.locator('[data-problem="true"]').count()).toBe(1);
    await shot(page, 'intel-yara-errors');
    await page.getByLabel('Rules', { exact: true }).fill(BROKEN_RULES.replace('$b', '$a'));
    await page.getByRole('button', { name: 'Compile and save' }).click();
    await page.getByText('Glass Harbor loader: 1 rule compiled').waitFor();
    await expect.poll(() => page.getByTestId('rule-set-row').count()).toBe(1);

    // Scan a file with the project's rules: the worker runs YARA-X and the page shows what matched.
    await page.getByLabel('File to scan').setInputFiles({
      name: 'invoice-dropper.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ\u0000\u0000 downloads stage2.bin then exits'),
    });
    await page.getByRole('button', { name: 'Scan file' }).click();
    const scan = page.locator('[data-testid="scan-row"]').filter({ hasText: 'invoice-dropper.bin' });
    await scan.waitFor();
    await expect.poll(() => scan.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    expect(await scan.innerText()).toContain('glass_harbor_loader');
    expect(await scan.innerText()).toMatch(/\$a at 0x[0-9a-f]+/);
  });

  it('uploads a report file through the web origin and exports the knowledge base as CSV and STIX', async () => {
    await page.goto(`${stack.webUrl}/intel`);
    await page.getByRole('tab', { name: 'Upload a file' }).click();
    await page.getByLabel('Report file').setInputFiles({
      name: 'follow-up.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Follow-up: the loader now beacons to 185.220.101[.]44 every 60 seconds.\n'),
    });
    await page.waitForURL('**/intel/reports/*');
    await page.getByTestId('review-screen').waitFor({ timeout: 60_000 });
    expect(await item('185.220.101.44').count()).toBe(1);

    await page.goto(`${stack.webUrl}/intel/exports`);
    await page.getByLabel(/^CSV/).check();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const rows = readFileSync((await csv.path())!, 'utf8');
    expect(rows).toContain(URL_IOC);
    expect(rows).not.toContain('185.220.101.44');
    await page.getByLabel(/^STIX 2\.1/).check();
    const [stix] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ]);
    const bundle = JSON.parse(readFileSync((await stix.path())!, 'utf8')) as {
      type: string;
      objects: { type: string }[];
    };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.some((o) => o.type === 'indicator')).toBe(true);
  });

  it('runs a trend agent by hand: progress, token cost, and the trend report it wrote', async () => {
    await page.goto(`${stack.webUrl}/intel/agents`);
    await page.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Weekly trends');
    await page.getByLabel('Schedule (cron, UTC)').fill('');
    await page.getByRole('button', { name: 'Create agent' }).click();
    await page.waitForURL('**/intel/agents/*');
    agentPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Run now' }).click();
    const run = page.getByTestId('run-row').first();
    await run.waitFor();
    await expect.poll(() => run.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    // No LLM provider here: the baseline ran and cost nothing, and says so.
    expect(await run.getByTestId('run-cost').innerText()).toBe('$0');
    expect(await run.innerText()).toContain('baseline');
    const report = run.getByRole('link', { name: /^Threat trends / });
    await report.waitFor();
    await report.click();
    await page.waitForURL('**/intel/trends/*');
    trendPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'Rising techniques' }).waitFor();
    expect(await page.getByTestId('markdown').innerText()).toMatch(/report\(s\) ingested/);
  });

  it('searches indicators, actors, techniques and reports from one box', async () => {
    await page.goto(`${stack.webUrl}/intel/search`);
    await page.getByLabel('Search for').fill('freightdocs');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL('**/intel/search?q=freightdocs');
    await page.locator(`[data-testid="indicator-row"][data-value="${URL_IOC}"]`).waitFor();
  });

  it('has no serious or critical axe violations on the intel pages', async () => {
    const found: string[] = [];
    for (const path of [
      '/intel',
      reportPath,
      '/intel/indicators',
      indicatorPath,
      '/intel/attack',
      '/intel/attack?view=all',
      '/intel/yara',
      agentPath,
      '/intel/trends',
      trendPath,
      '/intel/exports',
      '/intel/search?q=freightdocs',
      '/intel/attack/T1059.001',
      ...(actorPath ? [actorPath] : []),
    ]) {
      await page.goto(`${stack.webUrl}${path}`);
      await page.locator('h1').first().waitFor();
      for (const v of await seriousViolations(page))
        found.push(
          `${path}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    }
    expect(found).toEqual([]);
  });

  it('fits a 375 px screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const wide: string[] = [];
    for (const path of [
      '/intel',
      reportPath,
      '/intel/indicators',
      indicatorPath,
      '/intel/attack?view=all',
      '/intel/yara',
      agentPath,
    ]) {
      await page.goto(`${stack.webUrl}${path}`);
      await page.locator('h1').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) wide.push(`${path}: ${overflow}px`);
    }
    expect(wide, 'pages wider than the screen').toEqual([]);
    await page.goto(`${stack.webUrl}${reportPath}`);
    await shot(page, 'intel-review-mobile');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
