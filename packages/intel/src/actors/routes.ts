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
import { and, desc, eq, or, sql } from 'drizzle-orm';
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
import { intelActors } from '../schema.ts';

export const actorView = z.object({
  id: z.uuid(),
  name: z.string(),
  aliases: z.array(z.string()),
  attack_id: z.string().nullable(),
  description: z.string(),
  confidence: z.number().int(),
  tlp: z.string(),
  first_seen: z.string(),
  last_seen: z.string(),
  sightings: z.number().int(),
  created_at: z.string(),
});

export const toActorView = (r: typeof intelActors.$inferSelect): z.infer<typeof actorView> => ({
  id: r.id,
  name: r.name,
  aliases: r.aliases,
  attack_id: r.attackId,
  description: r.description,
  confidence: r.confidence,
  tlp: r.tlp,
  first_seen: r.firstSeen.toISOString(),
  last_seen: r.lastSeen.toISOString(),
  sightings: r.sightings,
  created_at: r.createdAt.toISOString(),
});

export const actorMatch = (q: string) =>
  or(
    sql`${intelActors.search} @@ websearch_to_tsquery('simple', ${q})`,
    sql`lower(${intelActors.name}) like ${`${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
  );

export async function actorRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['intel'];
  r.get(
    '/intel/actors',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags,
        summary:
          'Threat actors in the organization’s knowledge, newest first; `q` searches names and aliases',
        querystring: pageQuery.extend({ q: z.string().trim().min(1).max(200).optional() }),
        response: { 200: paginated(actorView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const q = request.query;
      const t = intelActors;
      const rows = await ctx.db
        .select()
        .from(t)
        .where(
          and(
            eq(t.orgId, ctx.orgId),
            q.q ? actorMatch(q.q) : undefined,
            afterCursor(t.createdAt, t.id, decodeCursor(q['page[cursor]'])),
          ),
        )
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(q['page[size]'] + 1);
      return toPage(rows, q['page[size]'], toActorView);
    },
  );
  r.get(
    '/intel/actors/:id',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags,
        summary:
          'An actor with its sources, the techniques and software it uses and the indicators pointing to it',
        params: z.object({ id: z.uuid() }),
        response: {
          200: actorView.extend({ sources: z.array(sourceView), relationships: z.array(relationshipView) }),
        },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const [row] = await ctx.db
        .select()
        .from(intelActors)
        .where(and(eq(intelActors.orgId, ctx.orgId), eq(intelActors.id, request.params.id)));
      if (!row) throw notFound('Actor');
      return {
        ...toActorView(row),
        sources: (await sourcesOf(ctx.db, ctx.orgId, 'actor', [row.id])).map(toSourceView),
        relationships: await relationshipsOf(ctx.db, ctx.orgId, 'actor', row.id),
      };
    },
  );
}
