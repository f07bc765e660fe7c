import type { JobDefinition, Platform } from '@assay/core';
import { reextractJob } from './reextract-job.ts';
import { scanJob } from './scan-job.ts';
import { scheduledScanJob } from './schedule-job.ts';

export const scanJobs = (platform: Platform): JobDefinition<any>[] => [
  scanJob(platform),
  scheduledScanJob(platform),
  reextractJob(platform),
];
