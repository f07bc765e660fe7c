import { defineModule, type Platform } from '@assay/core';
import { registerVisibilityCli } from './cli.ts';
import { seedVisibilityDemo } from './demo/seed.ts';
import { pageJobs, pageResources, pageRoutes } from './pages/index.ts';
import { scanJobs } from './scans/jobs.ts';
import { SCAN_RESOURCES } from './scans/resources.ts';
import { scanRoutes } from './scans/routes.ts';

/** Seed 001: how LLMs talk about a brand (scans) and pages that teach them (knowledge pages). */
export const visibilityModule = defineModule({
  name: 'visibility',
  resources: [...SCAN_RESOURCES, ...pageResources],
  routes: async (app, platform: Platform) => {
    await scanRoutes(app, platform);
    await pageRoutes(app, platform);
  },
  jobs: (platform) => [...scanJobs(platform), ...pageJobs(platform)],
  cli: (program) => registerVisibilityCli(program),
  demo: { project: 'Brand visibility', seed: seedVisibilityDemo },
});
