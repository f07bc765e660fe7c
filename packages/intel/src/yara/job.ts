import { defineJob, type Platform } from '@assay/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { intelYaraRuleSets, intelYaraScans, type YaraScanMatch } from '../schema.ts';
import { compileRules } from './rules.ts';

/**
 * Scans one uploaded file with the project's rule sets (or the ones asked for), each set compiled on
 * its own so rule names of two sets cannot clash. A set that no longer compiles (engine upgrade) or a
 * scan with no rule set left fails the scan with the reason; matches replace any earlier result.
 */
export const yaraScanJob = (platform: Platform) =>
  defineJob({
    name: 'intel.yara.scan',
    queue: 'default',
    payload: z.object({ orgId: z.uuid(), scanId: z.uuid() }).strict(),
    maxAttempts: 3,
    async handler(payload, ctx) {
      const scanWhere = and(eq(intelYaraScans.orgId, payload.orgId), eq(intelYaraScans.id, payload.scanId));
      const [scan] = await ctx.db.select().from(intelYaraScans).where(scanWhere);
      if (!scan) return { skipped: 'scan deleted' };
      const sets = await ctx.db
        .select()
        .from(intelYaraRuleSets)
        .where(
          and(
            eq(intelYaraRuleSets.orgId, payload.orgId),
            eq(intelYaraRuleSets.projectId, scan.projectId),
            scan.ruleSetIds.length ? inArray(intelYaraRuleSets.id, scan.ruleSetIds) : undefined,
          ),
        )
        .orderBy(asc(intelYaraRuleSets.createdAt));
      const fail = (error: string) =>
        ctx.complete(async (tx) => {
          await tx
            .update(intelYaraScans)
            .set({ status: 'failed', error, completedAt: new Date() })
            .where(scanWhere);
          return { failed: error };
        });
      if (!sets.length) return fail('The project has no YARA rule set to scan with');
      const bytes = await platform.storage.getBuffer(scan.storageKey);
      await ctx.progress(10);
      const matches: YaraScanMatch[] = [];
      for (const [index, set] of sets.entries()) {
        let compiled: ReturnType<typeof compileRules>;
        try {
          compiled = compileRules(set.source);
        } catch (error) {
          return fail(
            `Rule set "${set.name}" no longer compiles: ${(error as Error).message.split('\n')[0]}`,
          );
        }
        for (const m of await compiled.scanAsync(bytes))
          matches.push({ rule_set_id: set.id, rule_set: set.name, ...m });
        await ctx.progress(10 + Math.round(((index + 1) / sets.length) * 85));
      }
      return ctx.complete(async (tx) => {
        await tx
          .update(intelYaraScans)
          .set({
            status: 'completed',
            matches,
            matchCount: matches.length,
            ruleSetIds: sets.map((s) => s.id),
            error: null,
            completedAt: new Date(),
          })
          .where(scanWhere);
        return { matches: matches.length, rule_sets: sets.length };
      });
    },
  });
