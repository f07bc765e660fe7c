import { AppError, type Platform, recordAudit, serviceContext } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OscalImportError, parseOscalCatalog } from './frameworks/oscal.ts';
import { listFrameworks, resolveFrameworks, saveImportedFramework } from './frameworks-store.ts';

const frameworkSummary = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  source: z.enum(['builtin', 'oscal']),
  control_count: z.number(),
});
const controlView = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  family: z.string().optional(),
  severity: z.string(),
  facets: z.array(z.object({ key: z.string(), description: z.string() })),
});
const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;

export async function frameworkRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['compliance'];
  r.get(
    '/compliance/frameworks',
    {
      config: { permission: 'assessments.view' },
      schema: {
        tags,
        summary: 'Built-in and imported frameworks',
        response: { 200: z.object({ data: z.array(frameworkSummary) }) },
      },
    },
    async (request) => ({
      data: await listFrameworks(platform.db, serviceContext(request, platform.db).orgId),
    }),
  );
  r.get(
    '/compliance/frameworks/:id',
    {
      config: { permission: 'assessments.view' },
      schema: {
        tags,
        summary: 'A framework with its controls',
        params: z.object({ id: z.string().max(120) }),
        response: { 200: frameworkSummary.extend({ controls: z.array(controlView) }) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const [framework] = await resolveFrameworks(ctx.db, ctx.orgId, [request.params.id]).catch(() => {
        throw new AppError('NOT_FOUND', 'Framework not found');
      });
      return {
        id: framework.id,
        name: framework.name,
        version: framework.version,
        source: framework.source,
        control_count: framework.controls.length,
        controls: framework.controls.map((c) => ({
          id: c.id,
          title: c.title,
          summary: c.summary,
          family: c.family,
          severity: c.severity,
          facets: c.facets.map((f) => ({ key: f.key, description: f.description })),
        })),
      };
    },
  );
  r.post(
    '/compliance/frameworks/import',
    {
      bodyLimit: IMPORT_LIMIT_BYTES,
      config: { permission: 'assessments.create' },
      schema: {
        tags,
        summary: 'Import an OSCAL catalog (JSON body, up to 20 MB) as a framework `oscal:<key>`',
        querystring: z.object({
          key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes'),
        }),
        body: z.record(z.string(), z.unknown()),
        response: { 201: frameworkSummary },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, platform.db);
      let framework: ReturnType<typeof parseOscalCatalog>;
      try {
        framework = parseOscalCatalog(request.body, { id: `oscal:${request.query.key}` });
      } catch (error) {
        if (!(error instanceof OscalImportError)) throw error;
        throw new AppError('VALIDATION_ERROR', `Not an OSCAL catalog this can import: ${error.message}`, {
          details: [{ field: 'body', message: error.message }],
        });
      }
      const saved = await ctx.db.transaction(async (tx) => {
        const saved = await saveImportedFramework({ ...ctx, db: tx }, request.query.key, framework);
        await recordAudit(tx, ctx, {
          action: 'compliance.framework.import',
          targetType: 'compliance_framework',
          targetId: saved.id,
          after: { name: saved.name, version: saved.version, controls: saved.controls.length },
        });
        return saved;
      });
      return reply.code(201).send({
        id: saved.id,
        name: saved.name,
        version: saved.version,
        source: 'oscal' as const,
        control_count: saved.controls.length,
      });
    },
  );
}
