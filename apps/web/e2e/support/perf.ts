import type { Browser } from 'playwright-core';

export interface PagePerf {
  lcpMs: number | null;
  jsTransferredBytes: number;
  jsFiles: number;
}

/**
 * Cold load of `url` in a fresh context with the given cookies: LCP from the Performance API and the
 * bytes of JavaScript transferred over the wire (gzip-compressed by `next start`).
 */
export async function measure(
  browser: Browser,
  url: string,
  cookies: { name: string; value: string; url: string }[],
): Promise<PagePerf> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const result = await page.evaluate(
    () =>
      new Promise<PagePerf>((resolve) => {
        let lcp: number | null = null;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) lcp = e.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => {
          const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
            (r) => r.initiatorType === 'script' || r.name.endsWith('.js'),
          );
          resolve({
            lcpMs: lcp,
            jsTransferredBytes: scripts.reduce((n, r) => n + (r.transferSize || r.encodedBodySize), 0),
            jsFiles: scripts.length,
          });
        }, 200);
      }),
  );
  await context.close();
  return result;
}

export const formatPerf = (p: PagePerf) =>
  `LCP ${p.lcpMs === null ? 'n/a' : `${Math.round(p.lcpMs)} ms`} (goal < 1000 ms); JS transferred ${(p.jsTransferredBytes / 1024).toFixed(1)} kB gz in ${p.jsFiles} files (goal < 200 kB)`;
