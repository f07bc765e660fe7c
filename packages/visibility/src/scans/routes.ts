import type { Platform } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import { answerRoutes } from './answers-routes.ts';
import { dataRoutes } from './data-routes.ts';
import { providerRoutes } from './provider-routes.ts';
import { runRoutes } from './run-routes.ts';
import { scheduleRoutes } from './schedule-routes.ts';
import { setupRoutes } from './setup-routes.ts';

/** Every route of the scan side: setup, runs, answers, import, metrics, schedules. */
export async function scanRoutes(app: FastifyInstance, platform: Platform) {
  await setupRoutes(app, platform);
  await runRoutes(app, platform);
  await dataRoutes(app, platform);
  await answerRoutes(app, platform);
  await scheduleRoutes(app, platform);
  await providerRoutes(app, platform);
}
