import { complianceModule } from '@assay/compliance';
import { type AssayModule, defineModule } from '@assay/core';
import { intelModule } from '@assay/intel';
import { visibilityModule } from '@assay/visibility';
import { aiRoutes } from './ai/routes.ts';
import { apiKeyRoutes } from './api-keys/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { billingModule } from './billing/module.ts';
import { exportJob } from './exports/job.ts';
import { exportRoutes } from './exports/routes.ts';
import { identityRoutes } from './identity/routes.ts';
import { jobRoutes } from './jobs/routes.ts';
import { quotaCheckJob } from './notifications/quota-job.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { notificationJob } from './notifications/send-job.ts';
import { orgRoutes } from './orgs/routes.ts';
import { projectRoutes } from './projects/routes.ts';
import { usageRoutes } from './usage/routes.ts';
import { deliverJob } from './webhooks/deliver-job.ts';
import { purgeEventsJob } from './webhooks/purge-job.ts';
import { webhookRoutes } from './webhooks/routes.ts';

/** The core's own features, declared the same way product modules are. */
export const coreModules: AssayModule[] = [
  defineModule({ name: 'identity', routes: identityRoutes }),
  defineModule({ name: 'organizations', routes: orgRoutes }),
  defineModule({ name: 'api-keys', routes: apiKeyRoutes }),
  defineModule({ name: 'projects', routes: projectRoutes }),
  defineModule({ name: 'audit', routes: auditRoutes }),
  defineModule({ name: 'jobs', routes: jobRoutes }),
  defineModule({ name: 'usage', routes: usageRoutes }),
  billingModule,
  defineModule({ name: 'ai', routes: aiRoutes }),
  defineModule({ name: 'exports', routes: exportRoutes, jobs: (platform) => [exportJob(platform)] }),
  defineModule({
    name: 'webhooks',
    routes: webhookRoutes,
    jobs: (platform) => [deliverJob(platform), purgeEventsJob()],
    schedules: [{ key: 'webhooks.purge', cron: '41 4 * * *', job: 'webhooks.purge' }],
  }),
  defineModule({
    name: 'notifications',
    routes: notificationRoutes,
    jobs: (platform) => [notificationJob(platform), quotaCheckJob(platform)],
    schedules: [{ key: 'notifications.quota-check', cron: '*/15 * * * *', job: 'notifications.quota-check' }],
  }),
];

/** Every module of this installation, core first. Product modules are appended here as they land. */
export const modules: AssayModule[] = [...coreModules, complianceModule, visibilityModule, intelModule];
