/**
 * Dashboard LCP and first-load JavaScript (gzipped) against the production build.
 * Run: npm run bench -w @assay/web   (builds first if needed; starts its own API and web server)
 * Goals: LCP < 1.0 s, JS < 200 kB gz. Prints figures; asserts nothing.
 */
import { launch } from '../e2e/support/browser.ts';
import { formatPerf, measure } from '../e2e/support/perf.ts';
import { startStack } from '../e2e/support/servers.ts';

const stack = await startStack();
const browser = await launch();
try {
  const res = await fetch(`${stack.apiUrl}/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@assay.local',
      password: 'bench-password-1',
      name: 'Bench',
      organization_name: 'Bench Org',
    }),
  });
  const { token } = (await res.json()) as { token: string };
  const cookies = [{ name: 'assay_session', value: token, url: stack.webUrl }];
  await measure(browser, `${stack.webUrl}/`, cookies); // warm the server
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await measure(browser, `${stack.webUrl}/`, cookies));
  const lcps = runs.map((r) => r.lcpMs ?? Number.NaN).sort((a, b) => a - b);
  console.log(
    `dashboard (median of ${runs.length}): ${formatPerf({ ...runs[0], lcpMs: lcps[Math.floor(lcps.length / 2)] })}`,
  );
} finally {
  await browser.close();
  await stack.stop();
}
