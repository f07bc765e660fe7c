import { describeEventTypes, type Platform, pageQuery, paginated, serviceContext } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createEndpointBody,
  deliveryDetail,
  deliveryView,
  endpointView,
  eventTypeView,
  updateEndpointBody,
  withSecret,
} from './contracts.ts';
import { getDelivery, listDeliveries, redeliver } from './deliveries.ts';
import {
  createEndpoint,
  deleteEndpoint,
  listEndpoints,
  loadEndpoint,
  rotateSecret,
  updateEndpoint,
} from './endpoints.ts';
import { pingEndpoint } from './ping.ts';
import { toEndpointView } from './views.ts';

const tags = ['webhooks'];
const idParams = z.object({ id: z.uuid() });
const deliveryParams = z.object({ id: z.uuid(), delivery_id: z.uuid() });

const catalogueDescription = () =>
  [
    'Every delivery is a POST of a JSON envelope `{id, type, version, created_at, org_id, data}` signed in the',
    '`Assay-Signature` header as `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the endpoint secret>`.',
    'Deliveries are at least once: deduplicate on `id`. Types:',
    '',
    ...describeEventTypes().map((e) => `- \`${e.type}\` (v${e.version}): ${e.description}`),
  ].join('\n');

export async function webhookRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/webhooks/event-types',
    {
      config: { permission: 'webhooks.view' },
      schema: {
        tags,
        summary: 'The event catalogue, with the JSON Schema of each type',
        description: catalogueDescription(),
        response: { 200: z.object({ data: z.array(eventTypeView) }) },
      },
    },
    async () => ({ data: describeEventTypes() }),
  );
  r.get(
    '/webhooks/endpoints',
    {
      config: { permission: 'webhooks.view' },
      schema: {
        tags,
        summary: 'Webhook endpoints',
        querystring: pageQuery,
        response: { 200: paginated(endpointView) },
      },
    },
    async (request) =>
      listEndpoints(serviceContext(request, platform.db), {
        size: request.query['page[size]'],
        cursor: request.query['page[cursor]'],
      }),
  );
  r.post(
    '/webhooks/endpoints',
    {
      config: { permission: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Add an endpoint; its signing secret is in this response only',
        description:
          'The URL must be https (plain http only in development) and resolve to public addresses; it is checked again at every delivery.',
        body: createEndpointBody,
        response: { 201: withSecret },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createEndpoint(serviceContext(request, platform.db), platform, request.body)),
  );
  r.get(
    '/webhooks/endpoints/:id',
    {
      config: { permission: 'webhooks.view' },
      schema: { tags, summary: 'One endpoint', params: idParams, response: { 200: endpointView } },
    },
    async (request) =>
      toEndpointView(await loadEndpoint(serviceContext(request, platform.db), request.params.id)),
  );
  r.patch(
    '/webhooks/endpoints/:id',
    {
      config: { permission: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Change the URL, the event types, or enable/disable',
        params: idParams,
        body: updateEndpointBody,
        response: { 200: endpointView },
      },
    },
    async (request) =>
      updateEndpoint(serviceContext(request, platform.db), platform, request.params.id, request.body),
  );
  r.delete(
    '/webhooks/endpoints/:id',
    {
      config: { permission: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Delete an endpoint and its delivery log',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteEndpoint(serviceContext(request, platform.db), request.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/webhooks/endpoints/:id/rotate-secret',
    {
      config: { permission: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Replace the signing secret (shown once)',
        params: idParams,
        response: { 200: withSecret },
      },
    },
    async (request) => rotateSecret(serviceContext(request, platform.db), platform, request.params.id),
  );
  r.post(
    '/webhooks/endpoints/:id/test',
    {
      config: { permission: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Send a signed `webhook.ping` now and show the answer',
        params: idParams,
        response: {
          200: z.object({
            delivery_id: z.uuid(),
            event_id: z.uuid(),
            succeeded: z.boolean(),
            response_code: z.number().int().nullable(),
            latency_ms: z.number().int(),
            response_body: z.string().nullable(),
            error: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => pingEndpoint(serviceContext(request, platform.db), platform, request.params.id),
  );
  r.get(
    '/webhooks/endpoints/:id/deliveries',
    {
      config: { permission: 'webhooks.view' },
      schema: {
        tags,
        summary: 'Delivery log of an endpoint, newest first',
        params: idParams,
        querystring: pageQuery.extend({
          status: z.enum(['pending', 'retrying', 'delivered', 'failed', 'skipped']).optional(),
          event_id: z.uuid().optional(),
        }),
        response: { 200: paginated(deliveryView) },
      },
    },
    async (request) =>
      listDeliveries(serviceContext(request, platform.db), request.params.id, {
        size: request.query['page[size]'],
        cursor: request.query['page[cursor]'],
        status: request.query.status,
        event_id: request.query.event_id,
      }),
  );
  r.get(
    '/webhooks/endpoints/:id/deliveries/:delivery_id',
    {
      config: { permission: 'webhooks.view' },
      schema: {
        tags,
        summary: 'One delivery: the envelope sent and every attempt',
        params: deliveryParams,
        response: { 200: deliveryDetail },
      },
    },
    async (request) =>
      getDelivery(serviceContext(request, platform.db), request.params.id, request.params.delivery_id),
  );
  r.post(
    '/webhooks/endpoints/:id/deliveries/:delivery_id/redeliver',
    {
      config: { permission: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Send this delivery again (same event id, new signature), once',
        params: deliveryParams,
        response: { 202: deliveryDetail },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await redeliver(
            serviceContext(request, platform.db),
            platform,
            request.params.id,
            request.params.delivery_id,
          ),
        ),
  );
}
