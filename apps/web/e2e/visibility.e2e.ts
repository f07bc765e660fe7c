import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousViolations, shot } from './support/browser.ts';
import { type Stack, startStack } from './support/servers.ts';

const USER = {
  name: 'Vera Visibility',
  email: process.env.VISIBILITY_E2E_WEB_URL ? `vera-${Date.now()}@e2e.test` : 'vera@e2e.test',
  password: 'vera-password-123',
  org: 'Lumen Labs',
};
const PROMPT_BEST = 'What is the best CRM for a small team?';
const PROMPT_REVIEW = 'Is Lumen CRM any good?';

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

/** Answers collected elsewhere: Lumen named in 3 of 4, once spoken of negatively; Contoso is untracked. */
const ANSWERS = [
  {
    prompt: PROMPT_BEST,
    model: 'chatgpt-web',
    date: day(3),
    answer:
      'Here are the best CRMs for a small team:\n\n1. **Northwind** - solid pipelines and reporting.\n2. **Lumen CRM** - simple and affordable, see https://lumen.example/pricing\n3. **Contoso** - good for enterprises.\n',
    citations: ['https://lumen.example/pricing', 'https://reviews.example.org/crm'],
    topic: 'crm',
  },
  {
    prompt: PROMPT_BEST,
    model: 'perplexity',
    date: day(2),
    answer:
      'Top picks:\n\n1. **Lumen** - easy to set up.\n2. **Contoso** - many integrations.\n3. **Northwind** - strong reporting.\n',
    citations: [{ url: 'https://northwind.example/crm', title: 'Northwind CRM' }],
    topic: 'crm',
  },
  {
    prompt: PROMPT_REVIEW,
    model: 'chatgpt-web',
    date: day(1),
    answer:
      'Lumen is unreliable, slow and overpriced; many users complain about poor support. Northwind is a better choice.',
    citations: [],
    topic: 'reviews',
  },
  {
    prompt: PROMPT_REVIEW,
    model: 'perplexity',
    date: day(1),
    answer: 'Most teams should compare pricing pages and trial a few tools before choosing.',
    citations: [],
    topic: 'reviews',
  },
];

/** The elements sticking out of the viewport (outside any scroll container), to say what overflows. */
const widest = (p: Page) =>
  p.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && out.length < 5; n = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      if (range.getBoundingClientRect().right > window.innerWidth + 1) {
        let clipped = false;
        for (let a = n.parentElement; a; a = a.parentElement)
          if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
        if (!clipped)
          out.push(`${n.parentElement?.tagName.toLowerCase()} "${(n.textContent ?? '').slice(0, 50)}"`);
      }
    }
    return out.join(', ');
  });

/** Server actions re-render the page; give them time on a busy machine. */
const WAIT = { timeout: 10_000 };

let stack: Stack;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let projectQuery = '';

/** VISIBILITY_E2E_WEB_URL (and _SCAN_WEB_URL): drive servers already running, while developing. */
async function stackFor(running: string | undefined, env: Record<string, string> = {}): Promise<Stack> {
  return running ? { apiUrl: '', webUrl: running, log: () => '', stop: async () => {} } : startStack(env);
}

async function signUp(p: Page, webUrl: string, user: typeof USER) {
  await p.goto(`${webUrl}/signup`);
  await p.getByLabel('Your name').fill(user.name);
  await p.getByLabel('Email').fill(user.email);
  await p.getByLabel('Password').fill(user.password);
  await p.getByLabel('Organization name (optional)').fill(user.org);
  await p.getByRole('button', { name: 'Create account' }).click();
  await p.waitForURL(`${webUrl}/`);
}

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('Visibility, end to end, without an LLM provider', () => {
  beforeAll(async () => {
    stack = await stackFor(process.env.VISIBILITY_E2E_WEB_URL);
    ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await ctx?.close();
    await stack?.stop();
  });

  it('signs up and creates a project from the Visibility page', async () => {
    await signUp(page, stack.webUrl, USER);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Visibility' }).click();
    await page.waitForURL('**/visibility');
    await page.getByRole('heading', { name: 'Create a project' }).waitFor();
    await page.getByLabel('Project name').fill('CRM market');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL('**/visibility/setup?project=*');
    projectQuery = new URL(page.url()).search;
    await page.getByRole('heading', { level: 1, name: 'Visibility setup' }).waitFor();
  });

  it('sets up the brand, a competitor and prompts, with errors shown in place', async () => {
    const own = page.getByRole('form', { name: 'Add your brand' });
    await own.getByLabel('Brand name').fill('Lumen');
    await own.getByLabel('Aliases').fill('Lumen CRM');
    await own.getByLabel('Domains').fill('https://lumen.example/');
    await own.getByRole('button', { name: 'Add your brand' }).click();
    await expect
      .poll(
        () => page.getByRole('list', { name: 'Your brands' }).getByText('Lumen', { exact: true }).count(),
        WAIT,
      )
      .toBe(1);

    const rival = page.getByRole('form', { name: 'Add a competitor' });
    await rival.getByLabel('Competitor name').fill('Northwind');
    await rival.getByLabel('Domains').fill('not a domain');
    await rival.getByRole('button', { name: 'Add competitor' }).click();
    await expect.poll(() => rival.getByText('Domains such as example.com').count(), WAIT).toBe(1);
    await rival.getByLabel('Domains').fill('northwind.example');
    await rival.getByRole('button', { name: 'Add competitor' }).click();
    await expect
      .poll(
        () => page.getByRole('list', { name: 'Competitors' }).getByText('Northwind', { exact: true }).count(),
        WAIT,
      )
      .toBe(1);

    const prompt = page.getByRole('form', { name: 'Add a prompt' });
    await prompt.getByLabel('Prompt', { exact: true }).fill(PROMPT_BEST);
    await prompt.getByLabel('Topic').fill('crm');
    await prompt.getByLabel('Tags').fill('smb, buying');
    await prompt.getByLabel('Language').fill('en');
    await prompt.getByLabel('Country').fill('us');
    await prompt.getByRole('button', { name: 'Add prompt' }).click();
    await expect.poll(() => page.getByTestId('prompt-row').count(), WAIT).toBe(1);
    // Several at once: all or none.
    await page.getByText('Paste several prompts').click();
    const bulk = page.getByRole('form', { name: 'Paste prompts' });
    await bulk.getByLabel('Prompts, one per line').fill(`${PROMPT_REVIEW}\nok`);
    await bulk.getByLabel('Topic for all').fill('reviews');
    await bulk.getByRole('button', { name: 'Add these prompts' }).click();
    await expect.poll(() => bulk.getByText('Each line needs at least 3 characters').count(), WAIT).toBe(1);
    await bulk.getByLabel('Prompts, one per line').fill(PROMPT_REVIEW);
    await bulk.getByRole('button', { name: 'Add these prompts' }).click();
    await expect.poll(() => page.getByTestId('prompt-row').count(), WAIT).toBe(2);
    expect(await page.getByTestId('prompt-row').filter({ hasText: PROMPT_REVIEW }).textContent()).toContain(
      'reviews',
    );
    expect(await page.getByTestId('prompt-row').filter({ hasText: PROMPT_BEST }).textContent()).toContain(
      'country US',
    );
    await shot(page, 'visibility-setup');
  });

  it('explains how to configure an LLM provider before a scan', async () => {
    await page
      .getByRole('navigation', { name: 'Visibility sections' })
      .getByRole('link', { name: 'Scans' })
      .click();
    await page.waitForURL('**/visibility/scans?project=*');
    const help = page.getByTestId('no-provider');
    await help.waitFor();
    expect(await help.textContent()).toContain('OPENAI_COMPATIBLE_BASE_URL');
    expect(await page.getByRole('button', { name: 'Start scan' }).count()).toBe(0);
  });

  it('imports answers from a JSON file, refusing a broken one with its rows named', async () => {
    await page.getByRole('link', { name: 'Import answers' }).click();
    await page.waitForURL('**/visibility/import?project=*');
    await page.getByLabel('Answers file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify([{ prompt: PROMPT_BEST, model: 'x', date: 'yesterday', answer: 'hi' }]),
      ),
    });
    await page.getByRole('button', { name: 'Import answers' }).click();
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').textContent()).toMatch(/date/);

    await page.getByLabel('Answers file').setInputFiles({
      name: 'answers.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(ANSWERS)),
    });
    await page.getByLabel('Label (optional)').fill('Manual checks');
    await page.getByRole('button', { name: 'Import answers' }).click();
    const done = page.getByTestId('import-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('Imported 4 answers as “Manual checks”');
  });

  it('shows the dashboard figures with intervals, methodology and trend charts', async () => {
    await page.getByRole('link', { name: 'See the dashboard' }).click();
    await page.waitForURL('**/visibility?project=*');
    const rate = page.getByTestId('mention-rate');
    await rate.waitFor();
    // Lumen is named in 3 of the 4 answers; 4 answers are far under the 30 needed to trust a rate.
    expect(await rate.textContent()).toMatch(/^75%/);
    expect(await rate.textContent()).toContain('3 of 4 answers');
    expect(await rate.getAttribute('data-low-sample')).toBe('true');
    expect(await rate.getByText('too few samples').count()).toBe(1);
    const method = page.getByTestId('methodology').first();
    expect(await method.textContent()).toContain('4 (4 imported)');
    expect(await page.getByRole('img', { name: /Mention rate over time, by brand/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /Mention rate of Lumen over time, by model/ }).count()).toBe(
      1,
    );
    expect(await page.locator('[data-chart="trend-model"]').getByText('perplexity').count()).toBeGreaterThan(
      0,
    );
    expect(await page.getByTestId('comparison-row').count()).toBe(2);
    expect(await page.getByTestId('prompt-rate-row').count()).toBe(2);
    expect(await page.getByTestId('domain-table').textContent()).toContain('lumen.example');

    await page
      .getByRole('navigation', { name: 'Metric shown in the trends' })
      .getByRole('link', { name: 'Average position' })
      .click();
    await page.waitForURL('**metric=position*');
    await page.getByRole('img', { name: /Average position over time, by brand/ }).waitFor();
    await shot(page, 'visibility-dashboard');
  });

  it('exports the metrics as CSV', async () => {
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export metrics (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('Lumen');
    expect(text).toContain('Northwind');
  });

  it('drills down to the raw answers with mentions highlighted, and filters the negative ones', async () => {
    await page.getByTestId('prompt-table').getByRole('link', { name: PROMPT_REVIEW }).click();
    await page.waitForURL('**/visibility/answers?*prompt=*');
    await expect.poll(() => page.getByTestId('answer').count(), WAIT).toBe(2);
    const mark = page.locator('mark[data-brand="Lumen"]').first();
    await mark.waitFor();
    expect(await mark.textContent()).toContain('Lumen');
    expect(await mark.getAttribute('data-sentiment')).toBe('negative');

    await page.getByLabel('Prompt', { exact: true }).selectOption('');
    await page.getByLabel('Sentiment').selectOption('negative');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL('**sentiment=negative*');
    await expect.poll(() => page.getByTestId('answer').count(), WAIT).toBe(1);
    expect(await page.getByTestId('answer').textContent()).toContain('unreliable');
    await shot(page, 'visibility-answers');

    // The CSV export carries the same filter.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export these answers (CSV)' }).click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('unreliable');
    expect(text).not.toContain('Top picks');
  });

  it('suggests an untracked competitor and adds it', async () => {
    await page.goto(`${stack.webUrl}/visibility/competitors${projectQuery}`);
    const row = page.getByTestId('suggestion').filter({ hasText: 'Contoso' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Add Contoso as competitor' }).click();
    await page.waitForURL('**added=Contoso*');
    await expect
      .poll(
        () => page.getByRole('status').filter({ hasText: 'Contoso is now tracked as a competitor.' }).count(),
        WAIT,
      )
      .toBe(1);
    expect(await page.getByTestId('suggestion').filter({ hasText: 'Contoso' }).count()).toBe(0);
    await page.goto(`${stack.webUrl}/visibility/setup${projectQuery}`);
    await expect
      .poll(
        () => page.getByRole('list', { name: 'Competitors' }).getByText('Contoso', { exact: true }).count(),
        WAIT,
      )
      .toBe(1);

    // Its domains can be added afterwards, so citations to it count as a competitor's.
    const competitors = page.getByRole('list', { name: 'Competitors' });
    await competitors.getByText('Edit Contoso').click();
    const edit = page.getByRole('form', { name: 'Edit Contoso' });
    await edit.getByLabel('Domains').fill('contoso.example');
    await edit.getByRole('button', { name: 'Save Contoso' }).click();
    await expect.poll(() => competitors.getByText('Domains: contoso.example').count(), WAIT).toBe(1);
  });

  it('has no serious or critical axe violations on the visibility pages', async () => {
    const found: string[] = [];
    for (const path of ['', '/answers', '/scans', '/import', '/setup', '/competitors']) {
      const url = `${stack.webUrl}/visibility${path}${projectQuery}`;
      await page.goto(url);
      await page.locator('h1').first().waitFor();
      for (const v of await seriousViolations(page))
        found.push(
          `${path || '/'}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    }
    expect(found).toEqual([]);
  });

  it('fits a 375 px screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ['', '/answers', '/scans', '/setup', '/import', '/competitors']) {
      await page.goto(`${stack.webUrl}/visibility${path}${projectQuery}`);
      await page.locator('h1').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(
        overflow,
        `horizontal overflow on /visibility${path}: ${await widest(page)}`,
      ).toBeLessThanOrEqual(0);
      if (path === '') await shot(page, 'visibility-dashboard-mobile');
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

/**
 * A local OpenAI-compatible server (what Ollama speaks) on loopback: it answers every chat completion with
 * a ranked list naming the brands, refuses (400) any question containing "refuse", so a run ends
 * PARTIAL with those calls listed, and takes 8 s over any containing "slow".
 */
function fakeOllama(port = 0): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> {
  let calls = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    calls++;
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
      messages?: { content?: unknown }[];
    };
    const asked = JSON.stringify(body.messages ?? []);
    res.setHeader('content-type', 'application/json');
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end('{}');
      return;
    }
    // Slow questions keep a run RUNNING long enough to cancel it.
    if (asked.includes('slow')) await new Promise((r) => setTimeout(r, 8000));
    if (res.destroyed) return;
    if (asked.includes('refuse')) {
      res.writeHead(400).end(
        JSON.stringify({
          error: { message: 'this model will not answer that', type: 'invalid_request_error' },
        }),
      );
      return;
    }
    res.end(
      JSON.stringify({
        id: `chatcmpl-${calls}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: 'llama3.2',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: {
              role: 'assistant',
              content:
                '1. **Northwind** - strong reporting.\n2. **Lumen** - simple and affordable.\n3. **Contoso** - many integrations.',
            },
          },
        ],
        usage: { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 },
      }),
    );
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}/v1`,
        calls: () => calls,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    }),
  );
}

describe('Visibility scans, end to end, with a local OpenAI-compatible provider', () => {
  const SCANNER = { ...USER, name: 'Sam Scanner', email: `sam-${Date.now()}@e2e.test`, org: 'Scan Labs' };
  let fake: Awaited<ReturnType<typeof fakeOllama>>;
  let scanStack: Stack;
  let p: Page;
  let runPath = '';

  beforeAll(async () => {
    fake = await fakeOllama(Number(process.env.VISIBILITY_E2E_FAKE_PORT ?? 0));
    scanStack = await stackFor(process.env.VISIBILITY_E2E_SCAN_WEB_URL, {
      OPENAI_COMPATIBLE_BASE_URL: fake.url,
      OPENAI_COMPATIBLE_NAME: 'ollama',
      OPENAI_COMPATIBLE_MODEL: 'llama3.2',
      OPENAI_COMPATIBLE_API_KEY: 'local',
    });
    p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    p.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await p?.close();
    await scanStack?.stop();
    await fake?.close();
  });

  it('sets up a model set and runs a scan to PARTIAL, with the refused calls and their reason', async () => {
    await signUp(p, scanStack.webUrl, SCANNER);
    await p.goto(`${scanStack.webUrl}/visibility`);
    await p.getByLabel('Project name').fill('Scanned market');
    await p.getByRole('button', { name: 'Create project' }).click();
    await p.waitForURL('**/visibility/setup?project=*');
    const own = p.getByRole('form', { name: 'Add your brand' });
    await own.getByLabel('Brand name').fill('Lumen');
    await own.getByRole('button', { name: 'Add your brand' }).click();
    await expect.poll(() => p.getByTestId('brand-row').count(), WAIT).toBe(1);
    const prompt = p.getByRole('form', { name: 'Add a prompt' });
    await prompt.getByLabel('Prompt', { exact: true }).fill(PROMPT_BEST);
    await prompt.getByRole('button', { name: 'Add prompt' }).click();
    await expect.poll(() => p.getByTestId('prompt-row').count(), WAIT).toBe(1);
    await prompt.getByLabel('Prompt', { exact: true }).fill('Please refuse this question');
    await prompt.getByRole('button', { name: 'Add prompt' }).click();
    await expect.poll(() => p.getByTestId('prompt-row').count(), WAIT).toBe(2);

    const set = p.getByRole('form', { name: 'Add a model set' });
    await set.getByLabel('Model set name').fill('Local');
    await set.getByLabel('Models', { exact: true }).fill('ollama:llama3.2');
    await set.getByLabel('Samples per prompt').fill('2');
    await set.getByRole('button', { name: 'Save model set' }).click();
    await expect
      .poll(() => p.getByRole('list', { name: 'Model sets' }).getByText('Local').count(), WAIT)
      .toBe(1);

    await p
      .getByRole('navigation', { name: 'Visibility sections' })
      .getByRole('link', { name: 'Scans' })
      .click();
    await p.waitForURL('**/visibility/scans?project=*');
    const start = p.getByRole('form', { name: 'Start a scan' });
    expect(await start.getByLabel('Model set').locator('option:checked').textContent()).toContain(
      '= 4 calls',
    );
    await p.getByRole('button', { name: 'Start scan' }).click();
    await p.waitForURL('**/visibility/scans/*');
    runPath = new URL(p.url()).pathname + new URL(p.url()).search;
    const progress = p.getByTestId('run-progress');
    await progress.waitFor();
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 60_000 }).toBe('PARTIAL');
    expect(await progress.textContent()).toContain('2 answered · 2 failed · 4 calls');
    const failures = p.getByTestId('run-failures');
    expect(await failures.textContent()).toContain('rejected: 2');
    await failures.getByText('Show each failed call').click();
    expect(await failures.textContent()).toContain('Please refuse this question');
    expect(fake.calls()).toBeGreaterThanOrEqual(4);
    await shot(p, 'visibility-scan-partial');

    await p.getByRole('link', { name: 'View the answers' }).click();
    await p.waitForURL('**/visibility/answers?*run=*');
    await expect.poll(() => p.getByTestId('answer').count(), WAIT).toBe(2);
    expect(await p.locator('mark[data-brand="Lumen"]').count()).toBe(2);
    expect(await p.getByTestId('answer').first().textContent()).toContain('ollama:llama3.2');

    // The run's own figures: Lumen is named in both answers it got.
    await p.goto(`${scanStack.webUrl}${runPath}`);
    await p.getByRole('link', { name: 'See this run’s figures' }).click();
    await p.waitForURL('**/visibility?*run=*');
    await p.getByTestId('run-scope').waitFor();
    expect(await p.getByTestId('mention-rate').textContent()).toMatch(/^100%.*2 of 2 answers/);
    expect(await p.getByTestId('methodology').first().textContent()).toContain('ollama:llama3.2');
  });

  it('schedules a recurring scan, refusing a malformed cron', async () => {
    await p
      .getByRole('navigation', { name: 'Visibility sections' })
      .getByRole('link', { name: 'Scans' })
      .click();
    await p.waitForURL('**/visibility/scans?project=*');
    const form = p.getByRole('form', { name: 'Schedule a scan' });
    await form.getByLabel('When (cron)').fill('every monday');
    await form.getByRole('button', { name: 'Schedule' }).click();
    await expect.poll(() => form.getByText('Five cron fields').count(), WAIT).toBe(1);
    await form.getByLabel('When (cron)').fill('0 6 * * 1');
    await form.getByLabel('Time zone').fill('Europe/Paris');
    await form.getByRole('button', { name: 'Schedule' }).click();
    const list = p.getByRole('list', { name: 'Recurring scans' });
    await expect.poll(() => list.getByText('0 6 * * 1').count(), WAIT).toBe(1);
    expect(await list.textContent()).toMatch(/Europe\/Paris.*Next \d{4}-/);
  });

  it('cancels a running scan; the answers already received stay', async () => {
    await p.goto(`${scanStack.webUrl}/visibility/setup${new URL(p.url()).search}`);
    const prompt = p.getByRole('form', { name: 'Add a prompt' });
    await prompt.getByLabel('Prompt', { exact: true }).fill('A slow question about CRMs');
    await prompt.getByRole('button', { name: 'Add prompt' }).click();
    await expect.poll(() => p.getByTestId('prompt-row').count(), WAIT).toBe(3);
    await p
      .getByRole('navigation', { name: 'Visibility sections' })
      .getByRole('link', { name: 'Scans' })
      .click();
    await p.getByRole('form', { name: 'Start a scan' }).getByRole('button', { name: 'Start scan' }).click();
    await p.waitForURL('**/visibility/scans/*');
    const progress = p.getByTestId('run-progress');
    await expect.poll(() => progress.getAttribute('data-status'), WAIT).toBe('RUNNING');
    expect(await p.getByRole('progressbar', { name: 'Scan progress' }).count()).toBe(1);
    p.once('dialog', (d) => void d.accept());
    await p.getByRole('button', { name: 'Cancel scan' }).click();
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 30_000 }).toBe('CANCELLED');
    expect(await progress.textContent()).toContain('Cancelled');
  });

  it('imports answers from a CSV file next to the scanned ones', async () => {
    await p.goto(`${scanStack.webUrl}/visibility/import${new URL(p.url()).search}`);
    const csv = [
      'prompt,model,date,answer,citations,topic',
      `"${PROMPT_BEST}",gemini-web,${day(1).slice(0, 10)},"Many teams pick Lumen, see https://lumen.example/",https://lumen.example/,crm`,
    ].join('\n');
    await p
      .getByLabel('Answers file')
      .setInputFiles({ name: 'checks.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await p.getByRole('button', { name: 'Import answers' }).click();
    await p.getByTestId('import-done').waitFor();
    expect(await p.getByTestId('import-done').textContent()).toContain('Imported 1 answer as');
    await p.getByRole('link', { name: 'See the imported answers' }).click();
    await p.waitForURL('**imported=true*');
    await expect.poll(() => p.getByTestId('answer').count(), WAIT).toBe(1);
    expect(await p.getByTestId('answer').textContent()).toContain('gemini-web');
  });

  it('has no serious or critical axe violations on the run, scans and answer pages', async () => {
    const found: string[] = [];
    const check = async (label: string) => {
      await p.locator('h1').first().waitFor();
      for (const v of await seriousViolations(p))
        found.push(
          `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    };
    await p.goto(`${scanStack.webUrl}${runPath}`);
    await p.getByTestId('run-failures').getByText('Show each failed call').click();
    await check('run');
    await p.getByRole('link', { name: 'View the answers' }).click();
    await p.waitForURL('**/visibility/answers?*');
    await check('answers of the run');
    await p.getByRole('link', { name: 'open this answer on its own page' }).first().click();
    await p.waitForURL('**/visibility/answers/*');
    await p.getByTestId('answer-text').waitFor();
    await check('answer');
    await p
      .getByRole('navigation', { name: 'Visibility sections' })
      .getByRole('link', { name: 'Scans' })
      .click();
    await p.waitForURL('**/visibility/scans?*');
    await check('scans with a schedule');
    expect(found).toEqual([]);
  });
});
