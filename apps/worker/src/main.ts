import { ConfigError, loadConfig, startTracing } from '@assay/core';
import { bootPlatform } from '@assay/platform';
import { runWorker } from './run.ts';

/** The worker as its own process (production, with DATABASE_URL). */
try {
  const config = loadConfig();
  const stopTracing = await startTracing(config.OTEL_EXPORTER_OTLP_ENDPOINT, 'assay-worker');
  const platform = await bootPlatform(config, { migrate: true });
  const worker = await runWorker(platform);
  const stop = async () => {
    await worker.stop();
    await platform.close();
    await stopTracing();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
