import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startApi } from '@assay/api';
import { loadConfig, startTracing } from '@assay/core';
import { bootPlatform } from '@assay/platform';
import { runWorker } from '@assay/worker';
import type { Command } from 'commander';
import { type DemoResult, ensureDemo } from '../demo.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function child(name: string, script: string, env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const proc = spawn(process.execPath, [script], { cwd: root, env, stdio: 'inherit' });
  proc.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM' && signal !== 'SIGINT') console.error(`${name} exited (${code ?? signal})`);
  });
  return proc;
}

const nextBin = `${root}node_modules/next/dist/bin/next`;
const webDir = `${root}apps/web`;

/** Builds the web app on the first start (a production build; later starts reuse it). */
async function buildWebIfMissing(): Promise<boolean> {
  if (!existsSync(nextBin) || !existsSync(`${webDir}/package.json`)) return false;
  if (existsSync(`${webDir}/.next/BUILD_ID`)) return true;
  console.log('building the web app (first start only; about a minute)...');
  const code = await new Promise<number | null>((resolve) => {
    spawn(process.execPath, [nextBin, 'build'], { cwd: webDir, stdio: 'inherit' }).on('exit', resolve);
  });
  if (code !== 0) console.error('the web app did not build; the API and worker run without it');
  return code === 0;
}

/** The web app's own server (apps/web/server.ts): Next.js, with the visitor's address recorded. */
function startWeb(port: number, apiUrl: string): ChildProcess {
  return spawn(process.execPath, [`${webDir}/server.ts`], {
    cwd: webDir,
    env: { ...process.env, ASSAY_API_URL: apiUrl, WEB_PORT: String(port) },
    stdio: 'inherit',
  });
}

export function registerStartCommand(program: Command) {
  program
    .command('start')
    .description('Migrate, then run the API, the worker and the web app (one process in embedded mode)')
    .action(async () => {
      const config = loadConfig();
      if (config.embedded) await startTracing(config.OTEL_EXPORTER_OTLP_ENDPOINT, 'assay');
      const children: ChildProcess[] = [];
      let stopInProcess: (() => Promise<void>) | undefined;
      let platformClose: (() => Promise<void>) | undefined;
      let demo: DemoResult | undefined;

      if (config.embedded) {
        // PGlite lives inside one process, so the API and the worker share it.
        const platform = await bootPlatform(config, { migrate: true });
        const api = await startApi(platform);
        const worker = await runWorker(platform);
        if (config.DEMO_SEED) demo = await ensureDemo(platform);
        stopInProcess = async () => {
          await api.stop();
          await worker.stop();
        };
        platformClose = () => platform.close();
      } else {
        const platform = await bootPlatform(config, { migrate: true });
        if (config.DEMO_SEED) demo = await ensureDemo(platform);
        await platform.close();
        children.push(
          child('api', `${root}apps/api/src/main.ts`),
          child('worker', `${root}apps/worker/src/main.ts`),
        );
      }
      const web =
        process.env.ASSAY_NO_WEB !== '1' && (await buildWebIfMissing())
          ? startWeb(config.WEB_PORT, config.publicApiUrl)
          : undefined;
      if (web) children.push(web);

      const mode = config.embedded
        ? 'embedded (PGlite, pg-boss, local files)'
        : 'services (Postgres' +
          (config.REDIS_URL ? ', BullMQ on Redis' : ', pg-boss') +
          (config.S3_BUCKET ? ', S3)' : ', local files)');
      console.log(`\nAssay is running in ${mode} mode`);
      console.log(`  web:  ${web ? config.publicWebUrl : '(not started)'}`);
      console.log(
        `  api:  ${config.publicApiUrl}/v1   docs: ${config.publicApiUrl}/docs   health: ${config.publicApiUrl}/ready`,
      );
      if (demo)
        console.log(`  sign in as ${demo.credentials.email} with password ${demo.credentials.password}`);
      else
        console.log(
          `  create an account: POST ${config.publicApiUrl}/v1/auth/signup, or "npx assay user create"`,
        );
      console.log('');
      // Module samples go through the real queue, so they run once the worker is up.
      void demo?.seedModules();

      const shutdown = async () => {
        for (const c of children) c.kill('SIGTERM');
        await stopInProcess?.();
        await platformClose?.();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
      await new Promise(() => {});
    });
}
