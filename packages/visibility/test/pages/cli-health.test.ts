import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteServer, startSite } from './site-server.ts';

let site: SiteServer;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => site?.close());

/** Runs the CLI asynchronously: the loopback site must keep answering while it fetches. */
function assay(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['apps/cli/bin/assay.js', 'visibility', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('assay visibility health URL', () => {
  it('fetches the page, its robots.txt, llms.txt and Markdown twin, and prints each check', async () => {
    const out = await assay(['health', `${site.url}/widgets`], { OUTBOUND_ALLOW_PRIVATE: 'true' });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^score \\d+/100  \\(${site.url}/widgets, HTTP 200\\)`));
    expect(out.stdout).toMatch(/pass {2}llm_readiness +llms_txt/);
    expect(out.stdout).toMatch(/pass {2}llm_readiness +markdown_twin +A Markdown version/);
    const paths = site.hits.map((h) => h.split(' ')[0]);
    expect(paths).toEqual(expect.arrayContaining(['/widgets', '/robots.txt', '/llms.txt', '/widgets.md']));
  });

  it('refuses a loopback address unless OUTBOUND_ALLOW_PRIVATE is set', async () => {
    const before = site.hits.length;
    const out = await assay(['health', `${site.url}/widgets`], { OUTBOUND_ALLOW_PRIVATE: 'false' });
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/private, loopback or reserved/);
    expect(site.hits.length).toBe(before);
  });
});
