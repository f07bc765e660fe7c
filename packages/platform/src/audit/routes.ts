import {
  afterCursor,
  decodeCursor,
  type Platform,
  pageQuery,
  paginated,
  type ServiceContext,
  serviceContext,
  toPage,
} from '@assay/core';
import { auditLogs } from '@assay/db';
import { and, desc, eq, gte, like, lte } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const auditView = z.object({
  id: z.uuid(),
  actor_type: z.string(),
  actor_id: z.string().nullable(),
  action: z.string(),
  target_type: z.string().nullable(),
  target_id: z.string().nullable(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  trace_id: z.string().nullable(),
  changes: z.unknown().nullable(),
  created_at: z.string(),
});
const auditQuery = pageQuery.extend({
  actor_id: z.string().max(64).optional(),
  action: z
    .string()
    .regex(/^[a-z_.]+\*?$/, 'letters, dots and underscores; end with * for a prefix')
    .max(80)
    .optional(),
  target_type: z.string().max(40).optional(),
  target_id: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

type AuditFilter = z.infer<typeof auditQuery>;

export async function listAuditLogs(ctx: ServiceContext, filter: AuditFilter) {
  const cursor = decodeCursor(filter['page[cursor]']);
  const size = filter['page[size]'];
  const action = filter.action?.endsWith('*')
    ? like(auditLogs.action, `${filter.action.slice(0, -1).replace(/_/g, '\\_')}%`)
    : filter.action
      ? eq(auditLogs.action, filter.action)
      : undefined;
  const rows = await ctx.db
    .select()
    .from(auditLogs)
    .where(
      and(
        eq(auditLogs.orgId, ctx.orgId),
        filter.actor_id ? eq(auditLogs.actorId, filter.actor_id) : undefined,
        action,
        filter.target_type ? eq(auditLogs.targetType, filter.target_type) : undefined,
        filter.target_id ? eq(auditLogs.targetId, filter.target_id) : undefined,
        filter.from ? gte(auditLogs.createdAt, new Date(filter.from)) : undefined,
        filter.to ? lte(auditLogs.createdAt, new Date(filter.to)) : undefined,
        afterCursor(auditLogs.createdAt, auditLogs.id, cursor),
      ),
    )
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(size + 1);
  return toPage(rows, size, (row) => ({
    id: row.id,
    actor_type: row.actorType,
    actor_id: row.actorId,
    action: row.action,
    target_type: row.targetType,
    target_id: row.targetId,
    ip: row.ip,
    user_agent: row.userAgent,
    trace_id: row.traceId,
    changes: row.changes,
    created_at: row.createdAt.toISOString(),
  }));
}

export async function auditRoutes(app: FastifyInstance, platform: Platform) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit-logs',
    {
      config: { permission: 'audit.view' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first, filterable',
        querystring: auditQuery,
        response: { 200: paginated(auditView) },
      },
    },
    async (request) => listAuditLogs(serviceContext(request, platform.db), request.query),
  );
}
