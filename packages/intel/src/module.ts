import { defineModule } from '@assay/core';
import { actorRoutes } from './actors/routes.ts';
import { MONITORING_RESOURCES, monitoringJobs, monitoringRoutes } from './agents/register.ts';
import { registerIntelCli } from './cli.ts';
import { seedIntelDemo } from './demo/seed.ts';
import { exportJob } from './exports/job.ts';
import { exportRoutes } from './exports/routes.ts';
import { indicatorRoutes } from './indicators/routes.ts';
import { extractJob } from './reports/extract-job.ts';
import { reportRoutes } from './reports/routes.ts';
import { searchRoutes } from './search/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { intelStorage } from './storage.ts';
import { techniqueRoutes } from './techniques/routes.ts';

/** Seed 000: threat reports in, indicators, actors and ATT&CK techniques out, reviewed and merged per organization. */
export const intelModule = defineModule({
  name: 'intel',
  resources: ['intel', ...MONITORING_RESOURCES],
  storage: intelStorage,
  routes: async (app, platform) => {
    await reportRoutes(app, platform);
    await indicatorRoutes(app, platform);
    await actorRoutes(app, platform);
    await techniqueRoutes(app, platform);
    await searchRoutes(app, platform);
    await exportRoutes(app, platform);
    await settingsRoutes(app, platform);
    await monitoringRoutes(app, platform);
  },
  jobs: (platform) => [extractJob(platform), exportJob(platform), ...monitoringJobs(platform)],
  cli: (program, platform) => registerIntelCli(program, platform),
  demo: { project: 'Threat intelligence', seed: seedIntelDemo },
});
