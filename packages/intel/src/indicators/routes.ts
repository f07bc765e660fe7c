import {
  afterCursor,
  decodeCursor,
  notFound,
  type Platform,
  pageQuery,
  paginated,
  serviceContext,
  toPage,
} from '@assay/core';
import { and, desc, eq, gt, gte, isNull, or, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  relationshipsOf,
  relationshipView,
  sourcesOf,
  sourceView,
  toSourceView,
} from '../knowledge/detail.ts';
import { TLP_LEVELS } from '../knowledge/normalise.ts';
import { intelIndicators } from '../schema.ts';
import { KNOWLEDGE_INDICATOR_TYPES } from '../yara/indicators.ts';

export const indicatorView = z.object({
  id: z.uuid(),
  type: z.enum(KNOWLEDGE_INDICATOR_TYPES),
  value: z.string(),
  confidence: z.number().int(),
  tlp: z.enum(TLP_LEVELS),
  warnings: z.array(z.string()),
  first_seen: z.string(),
  last_seen: z.string(),
  expires_at: z.string().nullable(),
  sightings: z.number().int(),
  created_at: z.string(),
});

export const toIndicatorView = (r: typeof intelIndicators.$inferSelect): z.infer<typeof indicatorView> => ({
  id: r.id,
  type: r.type as z.infer<typeof indicatorView>['type'],
  value: r.value,
  confidence: r.confidence,
  tlp: r.tlp as z.infer<typeof indicatorView>['tlp'],
  warnings: r.warnings,
  first_seen: r.firstSeen.toISOString(),
  last_seen: r.lastSeen.toISOString(),
  expires_at: r.expiresAt?.toISOString() ?? null,
  sightings: r.sightings,
  created_at: r.createdAt.toISOString(),
});

export const indicatorsQuery = pageQuery.extend({
  q: z.string().trim().min(1).max(200).optional(),
  type: z.enum(KNOWLEDGE_INDICATOR_TYPES).optional(),
  min_confidence: z.coerce.number().int().min(0).max(100).optional(),
  tlp: z.enum(TLP_LEVELS).optional(),
  active: z.enum(['true', 'false']).optional().describe('true: only indicators not yet expired'),
});

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Full-text match on the value's parts (evil, example, com) or a substring of the value. */
export const indicatorMatch = (q: string) =>
  or(
    sql`${intelIndicators.search} @@ websearch_to_tsquery('simple', ${q})`,
    sql`${intelIndicators.value} ilike ${`%${escapeLike(q.toLowerCase())}%`}`,
  );

export async function indicatorRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['intel'];
  r.get(
    '/intel/indicators',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags,
        summary: "The organization's indicators, newest first, filtered and searched",
        querystring: indicatorsQuery,
        response: { 200: paginated(indicatorView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const q = request.query;
      const t = intelIndicators;
      const rows = await ctx.db
        .select()
        .from(t)
        .where(
          and(
            eq(t.orgId, ctx.orgId),
            q.type ? eq(t.type, q.type) : undefined,
            q.min_confidence !== undefined ? gte(t.confidence, q.min_confidence) : undefined,
            q.tlp ? eq(t.tlp, q.tlp) : undefined,
            q.active === 'true' ? or(isNull(t.expiresAt), gt(t.expiresAt, new Date())) : undefined,
            q.q ? indicatorMatch(q.q) : undefined,
            afterCursor(t.createdAt, t.id, decodeCursor(q['page[cursor]'])),
          ),
        )
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(q['page[size]'] + 1);
      return toPage(rows, q['page[size]'], toIndicatorView);
    },
  );
  r.get(
    '/intel/indicators/:id',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags,
        summary: 'An indicator with the reports it came from and its relationships',
        params: z.object({ id: z.uuid() }),
        response: {
          200: indicatorView.extend({
            sources: z.array(sourceView),
            relationships: z.array(relationshipView),
          }),
        },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const [row] = await ctx.db
        .select()
        .from(intelIndicators)
        .where(and(eq(intelIndicators.orgId, ctx.orgId), eq(intelIndicators.id, request.params.id)));
      if (!row) throw notFound('Indicator');
      return {
        ...toIndicatorView(row),
        sources: (await sourcesOf(ctx.db, ctx.orgId, 'indicator', [row.id])).map(toSourceView),
        relationships: await relationshipsOf(ctx.db, ctx.orgId, 'indicator', row.id),
      };
    },
  );
}
