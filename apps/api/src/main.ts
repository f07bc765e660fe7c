import { ConfigError, loadConfig, startTracing } from '@assay/core';
import { bootPlatform } from '@assay/platform';
import { startApi } from './start.ts';

/** The API as its own process (production, with DATABASE_URL). `npm start` uses the CLI instead. */
try {
  const config = loadConfig();
  const stopTracing = await startTracing(config.OTEL_EXPORTER_OTLP_ENDPOINT, 'assay-api');
  const platform = await bootPlatform(config, { migrate: true });
  const api = await startApi(platform);
  const stop = async (signal: string) => {
    platform.logger.info({ signal }, 'api shutting down: draining requests');
    await api.stop();
    await platform.close();
    await stopTracing();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
