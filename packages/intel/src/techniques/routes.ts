import { AppError, notFound, type Platform, serviceContext } from '@assay/core';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentAttackVersion } from '../attack-import/catalog.ts';
import { relationshipsOf, relationshipView } from '../knowledge/detail.ts';
import { intelAttackObjects, intelAttackRelations, intelAttackVersions } from '../schema.ts';
import { seenCounts } from './counts.ts';

const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/;
// Enterprise matrix columns, left to right; tactics of other domains follow by id.
const TACTIC_ORDER = [
  'TA0043',
  'TA0042',
  'TA0001',
  'TA0002',
  'TA0003',
  'TA0004',
  'TA0005',
  'TA0006',
  'TA0007',
  'TA0008',
  'TA0009',
  'TA0011',
  'TA0010',
  'TA0040',
];

const techniqueView = z.object({
  id: z.string(),
  name: z.string(),
  tactics: z.array(z.string()),
  is_subtechnique: z.boolean(),
  parent_id: z.string().nullable(),
  url: z.string().nullable(),
  known: z.boolean().describe('In the imported ATT&CK catalogue (false: recognised by its shape only)'),
  report_count: z.number().int(),
  actor_count: z.number().int(),
  last_seen: z.string().nullable(),
});
type TechniqueView = z.infer<typeof techniqueView>;

const listQuery = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  tactic: z.string().max(64).optional().describe('Tactic shortname, e.g. execution'),
  seen: z.enum(['true', 'false']).optional().describe('true: only techniques seen in the organization'),
  'page[size]': z.coerce.number().int().min(1).max(1000).default(100),
  'page[cursor]': z.string().max(40).optional().describe('The last id of the previous page'),
});

type ObjectRow = typeof intelAttackObjects.$inferSelect;
type Counts = Awaited<ReturnType<typeof seenCounts>>;

function view(row: ObjectRow | undefined, id: string, counts: Counts): TechniqueView {
  const c = counts.get(id);
  return {
    id,
    name: row?.name ?? id,
    tactics: row?.tactics ?? [],
    is_subtechnique: row ? row.kind === 'subtechnique' : id.includes('.'),
    parent_id: row?.parentId ?? (id.includes('.') ? id.split('.')[0] : null),
    url: row?.url ?? null,
    known: !!row,
    report_count: c?.reports ?? 0,
    actor_count: c?.actors ?? 0,
    last_seen: c?.lastSeen.toISOString() ?? null,
  };
}

export async function techniqueRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['intel'];
  r.get(
    '/intel/attack/versions',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags,
        summary:
          'Imported ATT&CK catalogue versions (reference data shared by all organizations), newest first',
        response: {
          200: z.object({
            data: z.array(
              z.object({
                id: z.uuid(),
                domain: z.string(),
                version: z.string(),
                counts: z.record(z.string(), z.number()),
                imported_at: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      data: (
        await platform.db
          .select()
          .from(intelAttackVersions)
          .orderBy(sql`${intelAttackVersions.createdAt} desc`)
      ).map((v) => ({
        id: v.id,
        domain: v.domain,
        version: v.version,
        counts: v.counts,
        imported_at: v.createdAt.toISOString(),
      })),
    }),
  );
  r.get(
    '/intel/techniques',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags,
        summary: 'ATT&CK techniques and sub-techniques by id, with how often the organization has seen each',
        description:
          'Without an imported catalogue, lists the techniques seen in the organization’s reports (recognised by id shape). Paged by id: pass the last id as `page[cursor]`.',
        querystring: listQuery,
        response: {
          200: z.object({
            data: z.array(techniqueView),
            meta: z.object({ next_cursor: z.string().nullable(), has_more: z.boolean() }),
          }),
        },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const q = request.query;
      if (q['page[cursor]'] && !TECHNIQUE_ID.test(q['page[cursor]']))
        throw new AppError('VALIDATION_ERROR', 'Invalid page cursor', {
          details: [{ field: 'page[cursor]', message: 'expected a technique id' }],
        });
      const counts = await seenCounts(ctx.db, ctx.orgId);
      const version = await currentAttackVersion(ctx.db);
      const size = q['page[size]'];
      let items: TechniqueView[];
      if (version) {
        const t = intelAttackObjects;
        const seenIds = [...counts.keys()];
        if (q.seen === 'true' && seenIds.length === 0) items = [];
        else {
          const rows = await ctx.db
            .select()
            .from(t)
            .where(
              and(
                eq(t.versionId, version.id),
                inArray(t.kind, ['technique', 'subtechnique']),
                q.q
                  ? sql`(${t.search} @@ websearch_to_tsquery('english', ${q.q}) or ${t.attackId} ilike ${`${q.q.replace(/[\\%_]/g, '')}%`})`
                  : undefined,
                q.tactic ? sql`${t.tactics} ? ${q.tactic}` : undefined,
                q.seen === 'true' ? inArray(t.attackId, seenIds) : undefined,
                q['page[cursor]'] ? gt(t.attackId, q['page[cursor]']) : undefined,
              ),
            )
            .orderBy(asc(t.attackId))
            .limit(size + 1);
          items = rows.map((row) => view(row, row.attackId, counts));
        }
      } else {
        items = [...counts.keys()]
          .filter((id) => TECHNIQUE_ID.test(id))
          .sort()
          .filter(
            (id) =>
              (!q['page[cursor]'] || id > q['page[cursor]']) && (!q.q || id.startsWith(q.q.toUpperCase())),
          )
          .slice(0, size + 1)
          .map((id) => view(undefined, id, counts));
      }
      const hasMore = items.length > size;
      const data = items.slice(0, size);
      return { data, meta: { next_cursor: hasMore ? data[data.length - 1].id : null, has_more: hasMore } };
    },
  );
  r.get(
    '/intel/techniques/matrix',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags,
        summary: 'The ATT&CK matrix (tactics as columns) with report counts per technique, for a heat map',
        response: {
          200: z.object({
            version: z.string().nullable(),
            tactics: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                shortname: z.string(),
                techniques: z.array(techniqueView),
              }),
            ),
            unplaced: z.array(techniqueView).describe('Seen techniques the catalogue does not know'),
          }),
        },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const counts = await seenCounts(ctx.db, ctx.orgId);
      const version = await currentAttackVersion(ctx.db);
      if (!version)
        return {
          version: null,
          tactics: [],
          unplaced: [...counts.keys()].sort().map((id) => view(undefined, id, counts)),
        };
      const rows = await ctx.db
        .select()
        .from(intelAttackObjects)
        .where(
          and(
            eq(intelAttackObjects.versionId, version.id),
            inArray(intelAttackObjects.kind, ['technique', 'subtechnique', 'tactic']),
          ),
        );
      const rank = (id: string) => TACTIC_ORDER.indexOf(id) + 1 || 100;
      const tactics = rows
        .filter((x) => x.kind === 'tactic')
        .sort((a, b) => rank(a.attackId) - rank(b.attackId) || a.attackId.localeCompare(b.attackId));
      const techniques = rows
        .filter((x) => x.kind !== 'tactic')
        .sort((a, b) => a.attackId.localeCompare(b.attackId));
      const known = new Set(techniques.map((x) => x.attackId));
      return {
        version: version.version,
        tactics: tactics.map((tactic) => ({
          id: tactic.attackId,
          name: tactic.name,
          shortname: tactic.tactics[0] ?? '',
          techniques: techniques
            .filter((x) => x.tactics.includes(tactic.tactics[0] ?? ''))
            .map((x) => view(x, x.attackId, counts)),
        })),
        unplaced: [...counts.keys()]
          .filter((id) => TECHNIQUE_ID.test(id) && !known.has(id))
          .sort()
          .map((id) => view(undefined, id, counts)),
      };
    },
  );
  r.get(
    '/intel/techniques/:id',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags,
        summary:
          'A technique: catalogue entry, the groups ATT&CK says use it, and what the organization has seen',
        params: z.object({ id: z.string().max(64) }),
        response: {
          200: techniqueView.extend({
            description: z.string(),
            attack_groups: z.array(z.object({ id: z.string(), name: z.string() })),
            relationships: z.array(relationshipView),
          }),
        },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const id = request.params.id.toUpperCase().replace('/', '.');
      if (!TECHNIQUE_ID.test(id)) throw notFound('Technique');
      const version = await currentAttackVersion(ctx.db);
      const [row] = version
        ? await ctx.db
            .select()
            .from(intelAttackObjects)
            .where(
              and(
                eq(intelAttackObjects.versionId, version.id),
                eq(intelAttackObjects.attackId, id),
                inArray(intelAttackObjects.kind, ['technique', 'subtechnique']),
              ),
            )
        : [];
      const counts = await seenCounts(ctx.db, ctx.orgId);
      if (!row && !counts.has(id)) throw notFound('Technique');
      let groups: { id: string; name: string }[] = [];
      if (row && version) {
        const g = intelAttackObjects;
        groups = await ctx.db
          .select({ id: g.attackId, name: g.name })
          .from(intelAttackRelations)
          .innerJoin(
            g,
            and(
              eq(g.versionId, version.id),
              eq(g.stixId, intelAttackRelations.sourceRef),
              eq(g.kind, 'group'),
            ),
          )
          .where(
            and(
              eq(intelAttackRelations.versionId, version.id),
              eq(intelAttackRelations.type, 'uses'),
              eq(intelAttackRelations.targetRef, row.stixId),
            ),
          )
          .orderBy(asc(g.attackId));
      }
      return {
        ...view(row, id, counts),
        description: row?.description ?? '',
        attack_groups: groups,
        relationships: await relationshipsOf(ctx.db, ctx.orgId, 'technique', id),
      };
    },
  );
}
