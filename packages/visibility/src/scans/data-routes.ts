import { type Platform, serviceContext } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listAnswersQuery } from './contracts-runs.ts';
import { answersCsv, MAX_EXPORT_ANSWERS, metricsCsv } from './export.ts';
import { importBody, importResult, MAX_IMPORT_ROWS } from './import-contracts.ts';
import { importAnswers } from './import-service.ts';
import { METRICS_DESCRIPTION, metricsQuery, metricsView } from './metrics-contracts.ts';
import { projectMetrics } from './metrics-service.ts';

const IMPORT_LIMIT_BYTES = 25 * 1024 * 1024;
const exportFilter = listAnswersQuery.omit({ 'page[size]': true, 'page[cursor]': true });

/** Metrics, CSV exports and the import of answers collected elsewhere. */
export async function dataRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['visibility'];
  r.get(
    '/visibility/metrics',
    {
      config: { permission: 'answers.view' },
      schema: {
        tags,
        summary: 'Visibility metrics with their methodology',
        description: METRICS_DESCRIPTION,
        querystring: metricsQuery,
        response: { 200: metricsView },
      },
    },
    async (request) => projectMetrics(serviceContext(request, platform.db), request.query),
  );
  r.get(
    '/visibility/metrics/export',
    {
      config: { permission: 'answers.view' },
      schema: {
        tags,
        summary:
          'The metrics as CSV: one line per dimension (overall, model, prompt, topic, time), group and brand',
        description: `Same query and formulas as GET /v1/visibility/metrics.\n\n${METRICS_DESCRIPTION}`,
        querystring: metricsQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const metrics = await projectMetrics(serviceContext(request, platform.db), request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="visibility-metrics.csv"')
        .send(metricsCsv(metrics));
    },
  );
  r.get(
    '/answers/export',
    {
      config: { permission: 'answers.view' },
      schema: {
        tags,
        summary: `Answers as CSV (same filters as GET /v1/answers; newest ${MAX_EXPORT_ANSWERS} at most)`,
        querystring: exportFilter,
        produces: ['text/csv'],
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="visibility-answers.csv"')
        .send(await answersCsv(serviceContext(request, platform.db), request.query)),
  );
  r.post(
    '/answers/import',
    {
      bodyLimit: IMPORT_LIMIT_BYTES,
      config: { permission: 'answers.create' },
      schema: {
        tags,
        summary: `Import answers checked elsewhere (JSON rows or CSV, up to ${MAX_IMPORT_ROWS}); marked imported, extracted like scanned ones`,
        description:
          "Fields per answer: prompt, model, date (ISO 8601), answer (the text), citations (JSON: URLs or {url, title}; CSV: URLs separated by spaces or |), topic (optional). Every row is checked first: one bad row rejects the whole import with a 422 naming each bad row (`rows[N].field`, N counted from 1; CSV rows also give their line). Answers link to the project's prompt with the same text, or to a new inactive prompt.",
        body: importBody,
        response: { 201: importResult },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await importAnswers(serviceContext(request, platform.db), request.body)),
  );
}
