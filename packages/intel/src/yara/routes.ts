import { afterCursor, decodeCursor, type Platform, paginated, serviceContext, toPage } from '@assay/core';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { intelYaraRuleSets, intelYaraScans } from '../schema.ts';
import {
  createRuleSetBody,
  idParams,
  listRuleSetsQuery,
  listScansQuery,
  MAX_SCAN_BYTES,
  ruleSetDetailView,
  ruleSetView,
  scanQuery,
  scanView,
  updateRuleSetBody,
  uploadRuleSetQuery,
} from './contracts.ts';
import {
  createRuleSet,
  createScan,
  deleteRuleSet,
  deleteScan,
  getRuleSet,
  getScan,
  updateRuleSet,
} from './service.ts';
import { toRuleSetView, toScanView } from './view.ts';

const tags = ['intel'];

export async function yaraRoutes(app: FastifyInstance, platform: Platform) {
  // Own scope: the raw-bytes parser for scans must not change how the rest of the API reads bodies.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_SCAN_BYTES },
      (_req, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/intel/yara/rule-sets',
      {
        config: { permission: 'yara_rules.create' },
        schema: {
          tags,
          summary: 'Upload a YARA rule set (JSON); compile errors answer 422 with their line and column',
          description:
            "Each rule becomes an indicator of type `yara` (value = rule name) in the organization's knowledge, linked to the set.",
          body: createRuleSetBody,
          response: { 201: ruleSetView },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(toRuleSetView(await createRuleSet(serviceContext(request, platform.db), request.body))),
    );
    r.post(
      '/intel/yara/rule-sets/file',
      {
        config: { permission: 'yara_rules.create' },
        schema: {
          tags,
          summary:
            'Upload a YARA rule file as is (`Content-Type: text/plain` or `application/octet-stream`, UTF-8)',
          querystring: uploadRuleSetQuery,
          body: z.string().min(1),
          response: { 201: ruleSetView },
        },
        // Files sent as raw bytes are read as UTF-8 text before validation.
        preValidation: async (request) => {
          if (Buffer.isBuffer(request.body)) request.body = request.body.toString('utf8');
        },
      },
      async (request, reply) => {
        const q = request.query;
        const name = q.name ?? q.filename?.replace(/\.(yara?|rules?)$/i, '') ?? 'Uploaded rules';
        const row = await createRuleSet(serviceContext(request, platform.db), {
          project_id: q.project_id,
          name,
          source: request.body,
        });
        return reply.code(201).send(toRuleSetView(row));
      },
    );
    r.get(
      '/intel/yara/rule-sets',
      {
        config: { permission: 'yara_rules.view' },
        schema: {
          tags,
          summary: 'Rule sets, newest first',
          querystring: listRuleSetsQuery,
          response: { 200: paginated(ruleSetView) },
        },
      },
      async (request) => {
        const ctx = serviceContext(request, platform.db);
        const q = request.query;
        const t = intelYaraRuleSets;
        const rows = await ctx.db
          .select()
          .from(t)
          .where(
            and(
              eq(t.orgId, ctx.orgId),
              q.project_id ? eq(t.projectId, q.project_id) : undefined,
              afterCursor(t.createdAt, t.id, decodeCursor(q['page[cursor]'])),
            ),
          )
          .orderBy(desc(t.createdAt), desc(t.id))
          .limit(q['page[size]'] + 1);
        return toPage(rows, q['page[size]'], toRuleSetView);
      },
    );
    r.get(
      '/intel/yara/rule-sets/:id',
      {
        config: { permission: 'yara_rules.view' },
        schema: {
          tags,
          summary: 'A rule set with its source',
          params: idParams,
          response: { 200: ruleSetDetailView },
        },
      },
      async (request) => {
        const row = await getRuleSet(serviceContext(request, platform.db), request.params.id);
        return { ...toRuleSetView(row), source: row.source };
      },
    );
    r.patch(
      '/intel/yara/rule-sets/:id',
      {
        config: { permission: 'yara_rules.edit' },
        schema: {
          tags,
          summary: 'Rename or replace the source of a rule set (recompiled; its indicators follow the rules)',
          params: idParams,
          body: updateRuleSetBody,
          response: { 200: ruleSetView },
        },
      },
      async (request) =>
        toRuleSetView(
          await updateRuleSet(serviceContext(request, platform.db), request.params.id, request.body),
        ),
    );
    r.delete(
      '/intel/yara/rule-sets/:id',
      {
        config: { permission: 'yara_rules.delete' },
        schema: {
          tags,
          summary: 'Delete a rule set and the indicators only it defined',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteRuleSet(serviceContext(request, platform.db), request.params.id);
        return reply.code(204).send(null);
      },
    );

    r.post(
      '/intel/yara/scans',
      {
        config: { permission: 'yara_rules.create' },
        schema: {
          tags,
          summary: `Scan a file (raw bytes, \`Content-Type: application/octet-stream\`, at most ${MAX_SCAN_BYTES / 1024 / 1024} MiB) in the background`,
          description: 'Answers 202 with the scan; poll `GET /v1/intel/yara/scans/{id}` for the matches.',
          querystring: scanQuery,
          response: { 202: scanView },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
        const row = await createScan(serviceContext(request, platform.db), platform, request.query, bytes);
        return reply.code(202).send(toScanView(row));
      },
    );
    r.get(
      '/intel/yara/scans',
      {
        config: { permission: 'yara_rules.view' },
        schema: {
          tags,
          summary: 'Scans, newest first (matches on each scan)',
          querystring: listScansQuery,
          response: { 200: paginated(scanView) },
        },
      },
      async (request) => {
        const ctx = serviceContext(request, platform.db);
        const q = request.query;
        const t = intelYaraScans;
        const rows = await ctx.db
          .select()
          .from(t)
          .where(
            and(
              eq(t.orgId, ctx.orgId),
              q.project_id ? eq(t.projectId, q.project_id) : undefined,
              q.status ? eq(t.status, q.status) : undefined,
              afterCursor(t.createdAt, t.id, decodeCursor(q['page[cursor]'])),
            ),
          )
          .orderBy(desc(t.createdAt), desc(t.id))
          .limit(q['page[size]'] + 1);
        return toPage(rows, q['page[size]'], (row) => toScanView(row));
      },
    );
    r.get(
      '/intel/yara/scans/:id',
      {
        config: { permission: 'yara_rules.view' },
        schema: {
          tags,
          summary: 'A scan: status, and which rules matched with string identifiers and offsets',
          params: idParams,
          response: { 200: scanView },
        },
      },
      async (request) => toScanView(await getScan(serviceContext(request, platform.db), request.params.id)),
    );
    r.delete(
      '/intel/yara/scans/:id',
      {
        config: { permission: 'yara_rules.delete' },
        schema: {
          tags,
          summary: 'Delete a scan and its file',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteScan(serviceContext(request, platform.db), platform, request.params.id);
        return reply.code(204).send(null);
      },
    );
  });
}
