import type { Platform } from '@assay/core';
import { startWorker } from '@assay/core';
import { modules } from '@assay/platform';

/** Consumes every queue, registers the modules' cron schedules, and stops gracefully. */
export async function runWorker(platform: Platform) {
  for (const module of modules) {
    for (const schedule of module.schedules ?? []) {
      await platform.jobs.upsertSchedule({
        key: schedule.key,
        cron: schedule.cron,
        name: schedule.job,
        payload: schedule.payload ?? {},
      });
    }
  }
  const worker = await startWorker({ jobs: platform.jobs, concurrency: platform.config.WORKER_CONCURRENCY });
  platform.logger.info({ transport: platform.jobs.transportKind }, 'worker started');
  return {
    stop: async () => {
      platform.logger.info('worker stopping: running jobs may finish, the rest are handed back');
      await worker.stop({ timeoutMs: platform.config.SHUTDOWN_TIMEOUT_MS });
    },
  };
}
