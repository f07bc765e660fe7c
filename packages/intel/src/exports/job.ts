import { defineJob, type Platform } from '@assay/core';
import { z } from 'zod';
import { collectExport, EXPORT_FORMATS, exportFilter } from './model.ts';
import { renderExport } from './render.ts';

/**
 * A large export, built on the long-running queue and written to storage under a key derived from
 * the job id (a retried run overwrites its own file). `GET /v1/jobs/{id}` then signs a download URL.
 */
export const exportJob = (platform: Platform) =>
  defineJob({
    name: 'intel.export',
    queue: 'long-running',
    payload: z.object({ orgId: z.uuid(), format: z.enum(EXPORT_FORMATS), filter: exportFilter }).strict(),
    maxAttempts: 3,
    async handler(payload, ctx) {
      const model = await collectExport(ctx.db, payload.orgId, payload.filter);
      await ctx.progress(50);
      const file = await renderExport(model, payload.format);
      const ext = file.filename.slice(file.filename.indexOf('.') + 1);
      const key = `orgs/${payload.orgId}/intel/exports/${ctx.jobId}.${ext}`;
      await platform.storage.put(key, file.body, { contentType: file.contentType });
      await ctx.progress(100);
      return {
        storage_key: key,
        filename: file.filename,
        size: file.body.length,
        counts: {
          indicators: model.indicators.length,
          actors: model.actors.length,
          relationships: model.relationships.length,
        },
      };
    },
  });
