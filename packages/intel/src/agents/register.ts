import type { JobDefinition, Platform } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import { feedPullJob } from '../feeds/job.ts';
import { feedRoutes } from '../feeds/routes.ts';
import { yaraScanJob } from '../yara/job.ts';
import { yaraRoutes } from '../yara/routes.ts';
import { agentRunJob } from './job.ts';
import { agentRoutes } from './routes.ts';

/**
 * What YARA, feeds and agents add to the intel module, in one place so `module.ts` registers them
 * with one line each. Permissions: viewers read, editors create and edit, admins delete.
 */
export const MONITORING_RESOURCES = ['yara_rules', 'agents', 'feeds'];

export async function monitoringRoutes(app: FastifyInstance, platform: Platform) {
  await yaraRoutes(app, platform);
  await feedRoutes(app, platform);
  await agentRoutes(app, platform);
}

export const monitoringJobs = (platform: Platform): JobDefinition<any>[] => [
  yaraScanJob(platform),
  feedPullJob(platform),
  agentRunJob(platform),
];
