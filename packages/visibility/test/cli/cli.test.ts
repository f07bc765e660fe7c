import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'assay-visibility-cli-'));
const brands = join(dir, 'brands.json');
writeFileSync(
  brands,
  JSON.stringify({
    brands: [
      { name: 'Notion', domains: ['notion.so'] },
      { name: 'Confluence', aliases: ['Atlassian Confluence'], domains: ['atlassian.com'] },
      { name: 'Coda', domains: ['coda.io'] },
    ],
  }),
);
const ANSWER = `The best wikis for a startup:

1. **Confluence**: mature, but can feel slow. See [Atlassian](https://www.atlassian.com/software/confluence).
2. **Notion**: flexible and fast to set up (https://notion.so/product).
3. **Coda**: great docs-as-apps.

Many teams start with Notion and move to Confluence as they grow.`;

function assay(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['apps/cli/bin/assay.js', 'visibility', ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('assay visibility', () => {
  it('prints mentions with ranks, spans and classed citations', () => {
    const out = JSON.parse(assay(['mentions', '--brands', brands, '-'], ANSWER));
    const byBrand = Object.fromEntries(out.mentions.map((m: { brand: string }) => [m.brand, m]));
    expect(byBrand.Confluence).toMatchObject({ count: 2, rank: 1 });
    expect(byBrand.Notion).toMatchObject({ count: 2, rank: 2 });
    expect(byBrand.Coda).toMatchObject({ count: 1, rank: 3 });
    for (const [start, end] of byBrand.Notion.spans) expect(ANSWER.slice(start, end)).toBe('Notion');
    expect(out.citations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ domain: 'notion.so', class: 'owned' }),
        expect.objectContaining({ domain: 'atlassian.com', class: 'competitor' }),
      ]),
    );
  });

  it('scores a saved page and explains each check', () => {
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      '<html lang="en"><head><title>Acme widgets for teams</title></head><body><h1>Acme</h1><p>Short.</p></body></html>',
    );
    const out = assay(['health', page]);
    expect(out).toMatch(/^score \d+\/100/);
    expect(out).toMatch(/FAIL .*description/i);
  });
});
