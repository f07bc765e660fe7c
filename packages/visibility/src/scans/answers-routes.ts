import { type Platform, paginated, serviceContext, toPage } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAnswer, listAnswers, withDetails } from './answers-service.ts';
import { answerView, listAnswersQuery } from './contracts-runs.ts';
import { idParams } from './contracts-setup.ts';

export async function answerRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['visibility'];
  r.get(
    '/answers',
    {
      config: { permission: 'answers.view' },
      schema: {
        tags,
        summary: 'Answers, newest first, each with its mentions (spans for highlighting) and citations',
        description:
          'Drill-down from the metrics: filter by run, prompt, model, brand, time or imported. `sentiment=negative` keeps answers where a brand (the `brand_id` one, if given) is spoken of negatively.',
        querystring: listAnswersQuery,
        response: { 200: paginated(answerView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const rows = await listAnswers(ctx, request.query);
      const page = toPage(rows, request.query['page[size]'], (row) => row);
      return { data: await withDetails(ctx.db, ctx.orgId, page.data), meta: page.meta };
    },
  );
  r.get(
    '/answers/:id',
    {
      config: { permission: 'answers.view' },
      schema: {
        tags,
        summary: 'One answer, whole, with mentions and citations',
        params: idParams,
        response: { 200: answerView },
      },
    },
    async (request) => getAnswer(serviceContext(request, platform.db), request.params.id),
  );
}
