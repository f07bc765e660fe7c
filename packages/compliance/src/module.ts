import { defineModule, type Platform } from '@assay/core';
import { assessJob } from './assessments/job.ts';
import { assessmentRoutes } from './assessments/routes.ts';
import { registerComplianceCli } from './cli.ts';
import { seedComplianceDemo } from './demo/seed.ts';
import { extractJob } from './documents/extract-job.ts';
import { purgeJob } from './documents/purge-job.ts';
import { documentRoutes } from './documents/routes.ts';
import { complianceStorage } from './documents/storage.ts';
import { frameworkRoutes } from './frameworks-routes.ts';
import { reportRoutes } from './reports/routes.ts';

/** Seed 002: documents in, per-control findings with quoted evidence out. */
export const complianceModule = defineModule({
  name: 'compliance',
  resources: ['documents', 'assessments'],
  storage: complianceStorage,
  routes: async (app, platform: Platform) => {
    await documentRoutes(app, platform);
    await assessmentRoutes(app, platform);
    await reportRoutes(app, platform);
    await frameworkRoutes(app, platform);
  },
  jobs: (platform) => [extractJob(platform), assessJob(platform), purgeJob(platform)],
  schedules: [{ key: 'compliance.purge-expired-documents', cron: '17 3 * * *', job: 'compliance.purge' }],
  cli: registerComplianceCli,
  demo: { project: 'Vendor policies', seed: seedComplianceDemo },
});
