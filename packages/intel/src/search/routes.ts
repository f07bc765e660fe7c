import { type Platform, serviceContext } from '@assay/core';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorMatch, actorView, toActorView } from '../actors/routes.ts';
import { currentAttackVersion } from '../attack-import/catalog.ts';
import { indicatorMatch, indicatorView, toIndicatorView } from '../indicators/routes.ts';
import { reportView } from '../reports/contracts.ts';
import { toReportView } from '../reports/view.ts';
import { intelActors, intelAttackObjects, intelIndicators, intelReports } from '../schema.ts';

const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** One search box over indicators, actors, techniques and reports (each list is paged on its own route). */
export async function searchRoutes(app: FastifyInstance, platform: Platform) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/intel/search',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags: ['intel'],
        summary: 'Search indicators, actors, ATT&CK objects and reports at once (top matches of each)',
        querystring: searchQuery,
        response: {
          200: z.object({
            indicators: z.array(indicatorView),
            actors: z.array(actorView),
            attack: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string() })),
            reports: z.array(reportView),
          }),
        },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const { q, limit } = request.query;
      const version = await currentAttackVersion(ctx.db);
      const [indicators, actors, reports, attack] = await Promise.all([
        ctx.db
          .select()
          .from(intelIndicators)
          .where(and(eq(intelIndicators.orgId, ctx.orgId), indicatorMatch(q)))
          .orderBy(desc(intelIndicators.lastSeen))
          .limit(limit),
        ctx.db
          .select()
          .from(intelActors)
          .where(and(eq(intelActors.orgId, ctx.orgId), actorMatch(q)))
          .orderBy(desc(intelActors.lastSeen))
          .limit(limit),
        ctx.db
          .select()
          .from(intelReports)
          .where(
            and(
              eq(intelReports.orgId, ctx.orgId),
              sql`${intelReports.search} @@ websearch_to_tsquery('english', ${q})`,
            ),
          )
          .orderBy(sql`ts_rank(${intelReports.search}, websearch_to_tsquery('english', ${q})) desc`)
          .limit(limit),
        version
          ? ctx.db
              .select({
                id: intelAttackObjects.attackId,
                kind: intelAttackObjects.kind,
                name: intelAttackObjects.name,
              })
              .from(intelAttackObjects)
              .where(
                and(
                  eq(intelAttackObjects.versionId, version.id),
                  inArray(intelAttackObjects.kind, [
                    'technique',
                    'subtechnique',
                    'tactic',
                    'group',
                    'software',
                  ]),
                  sql`(${intelAttackObjects.search} @@ websearch_to_tsquery('simple', ${q}) or ${intelAttackObjects.attackId} = ${q.toUpperCase()})`,
                ),
              )
              .orderBy(sql`ts_rank(${intelAttackObjects.search}, websearch_to_tsquery('simple', ${q})) desc`)
              .limit(limit)
          : Promise.resolve([]),
      ]);
      return {
        indicators: indicators.map(toIndicatorView),
        actors: actors.map(toActorView),
        attack,
        reports: reports.map(toReportView),
      };
    },
  );
}
