import type { Platform } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import { draftPageJob } from './job.ts';
import { publicSiteRoutes } from './public-routes.ts';
import { knowledgePageRoutes } from './routes.ts';

/** The permission resource of knowledge pages (viewers read, editors write and publish, admins delete). */
export const pageResources = ['knowledge_pages'];

export async function pageRoutes(app: FastifyInstance, platform: Platform) {
  await knowledgePageRoutes(app, platform);
  await publicSiteRoutes(app, platform);
}

export const pageJobs = (platform: Platform) => [draftPageJob(platform)];

export { fetchPageInput, scoreUrl } from './url-health.ts';
