import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webDir = fileURLToPath(new URL('../../', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, proc: ChildProcess, log: () => string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc.exitCode !== null)
      throw new Error(`server exited (${proc.exitCode}) before ${url} answered:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms:\n${log()}`);
}

export interface Stack {
  apiUrl: string;
  webUrl: string;
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * The real thing: `assay start` in embedded mode (API + worker on PGlite in a temp DATA_DIR), which
 * also runs the web app's server (apps/web/server.ts) on the production build, with ASSAY_API_URL
 * pointing at the API.
 */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  if (!existsSync(join(webDir, '.next/BUILD_ID'))) {
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: webDir,
      stdio: 'inherit',
    });
  }
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'assay-web-e2e-'));
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://localhost:${webPort}`;
  let output = '';
  const proc = spawn(process.execPath, [join(repoRoot, 'apps/cli/src/main.ts'), 'start'], {
    cwd: repoRoot,
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      APP_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      DATA_DIR: dataDir,
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      PUBLIC_API_URL: apiUrl,
      PUBLIC_WEB_URL: webUrl,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d) => (output += d));
  proc.stderr?.on('data', (d) => (output += d));
  const log = () => output;
  await waitFor(`${apiUrl}/ready`, proc, log);
  await waitFor(`${webUrl}/signin`, proc, log);
  return {
    apiUrl,
    webUrl,
    log,
    stop: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
        process.kill(-proc.pid!, 'SIGTERM');
        const timer = setTimeout(() => {
          try {
            process.kill(-proc.pid!, 'SIGKILL');
          } catch {}
        }, 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
