import {
  AppError,
  afterCursor,
  decodeCursor,
  type Platform,
  paginated,
  serviceContext,
  toPage,
} from '@assay/core';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeLocation, type ExtractedDocument } from '../document.ts';
import { complianceDocuments } from '../schema.ts';
import { confirmUpload } from './confirm.ts';
import {
  createDocumentBody,
  documentView,
  extractedView,
  idParams,
  listDocumentsQuery,
  uploadView,
} from './contracts.ts';
import { createUpload, deleteDocument, getDocument } from './service.ts';
import { extractedKey, toDocumentView } from './view.ts';

export async function documentRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['compliance'];
  r.post(
    '/compliance/documents',
    {
      config: { permission: 'documents.create' },
      schema: {
        tags,
        summary: 'Start an upload: returns the document and a presigned PUT for the file',
        description:
          'PUT the file to `upload.url` with `upload.headers`, then call `POST /v1/compliance/documents/{id}/confirm`.',
        body: createDocumentBody,
        response: { 201: uploadView },
      },
    },
    async (request, reply) => {
      const { row, upload } = await createUpload(
        serviceContext(request, platform.db),
        platform.storage,
        request.body,
      );
      return reply.code(201).send({
        document: toDocumentView(row),
        upload: {
          url: upload.url,
          method: 'PUT' as const,
          headers: upload.headers,
          expires_at: upload.expiresAt.toISOString(),
        },
      });
    },
  );
  r.post(
    '/compliance/documents/:id/confirm',
    {
      config: { permission: 'documents.create' },
      schema: {
        tags,
        summary: 'Confirm the upload; text extraction runs in the background',
        params: idParams,
        response: { 202: documentView },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          toDocumentView(
            await confirmUpload(serviceContext(request, platform.db), platform, request.params.id),
          ),
        ),
  );
  r.get(
    '/compliance/documents',
    {
      config: { permission: 'documents.view' },
      schema: {
        tags,
        summary: 'Documents, newest first',
        querystring: listDocumentsQuery,
        response: { 200: paginated(documentView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const q = request.query;
      const cursor = decodeCursor(q['page[cursor]']);
      const t = complianceDocuments;
      const rows = await ctx.db
        .select()
        .from(t)
        .where(
          and(
            eq(t.orgId, ctx.orgId),
            q.project_id ? eq(t.projectId, q.project_id) : undefined,
            q.status ? eq(t.status, q.status) : undefined,
            afterCursor(t.createdAt, t.id, cursor),
          ),
        )
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(q['page[size]'] + 1);
      return toPage(rows, q['page[size]'], toDocumentView);
    },
  );
  r.get(
    '/compliance/documents/:id',
    {
      config: { permission: 'documents.view' },
      schema: {
        tags,
        summary: 'A document and its processing state',
        params: idParams,
        response: { 200: documentView },
      },
    },
    async (request) =>
      toDocumentView(await getDocument(serviceContext(request, platform.db), request.params.id)),
  );
  r.get(
    '/compliance/documents/:id/text',
    {
      config: { permission: 'documents.view' },
      schema: {
        tags,
        summary:
          "The document's extracted text and its blocks with locations (for showing evidence in context)",
        params: idParams,
        response: { 200: extractedView },
      },
    },
    async (request) => {
      const doc = await getDocument(serviceContext(request, platform.db), request.params.id);
      if (doc.status !== 'ready') throw new AppError('CONFLICT', 'The document has no text yet');
      const extracted = JSON.parse(
        (await platform.storage.getBuffer(extractedKey(doc.orgId, doc.id))).toString('utf8'),
      ) as ExtractedDocument;
      return {
        format: extracted.format,
        title: extracted.title ?? null,
        text: extracted.text,
        blocks: extracted.blocks.map((b) => ({
          start: b.start,
          end: b.end,
          kind: b.kind,
          location: describeLocation(b.location),
        })),
      };
    },
  );
  r.delete(
    '/compliance/documents/:id',
    {
      config: { permission: 'documents.delete' },
      schema: {
        tags,
        summary: 'Delete a document, its files and its assessments',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteDocument(serviceContext(request, platform.db), platform.storage, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
