import type { ServiceContext } from '@assay/core';
import { and, desc, eq } from 'drizzle-orm';
import type { AnswerExtraction } from '../engine/index.ts';
import { loadBrands } from './extract.ts';
import { assertProject } from './project.ts';
import { visibilityAnswers } from './schema.ts';

const RECENT_ANSWERS = 2000;

/** Untracked brand-like names over the project's most recent answers, most widespread first. */
export async function competitorSuggestions(ctx: ServiceContext, projectId: string, limit: number) {
  await assertProject(ctx.db, ctx.orgId, projectId);
  const brands = await loadBrands(ctx.db, ctx.orgId, projectId);
  const tracked = new Set(
    brands.flatMap((b) => [b.name, ...b.aliases, ...b.products]).map((n) => n.toLowerCase()),
  );
  const rows = await ctx.db
    .select({ id: visibilityAnswers.id, extraction: visibilityAnswers.extraction })
    .from(visibilityAnswers)
    .where(and(eq(visibilityAnswers.orgId, ctx.orgId), eq(visibilityAnswers.projectId, projectId)))
    .orderBy(desc(visibilityAnswers.sampledAt))
    .limit(RECENT_ANSWERS);
  const found = new Map<
    string,
    { name: string; answers: number; occurrences: number; signals: Set<string>; example: string }
  >();
  for (const row of rows) {
    for (const s of (row.extraction as AnswerExtraction).suggestions ?? []) {
      const key = s.name.toLowerCase();
      if (tracked.has(key)) continue;
      const entry = found.get(key) ?? {
        name: s.name,
        answers: 0,
        occurrences: 0,
        signals: new Set(),
        example: row.id,
      };
      entry.answers += 1;
      entry.occurrences += s.count;
      for (const signal of s.signals) entry.signals.add(signal);
      found.set(key, entry);
    }
  }
  return [...found.values()]
    .sort((a, b) => b.answers - a.answers || b.occurrences - a.occurrences || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((e) => ({
      name: e.name,
      answers: e.answers,
      occurrences: e.occurrences,
      signals: [...e.signals].sort(),
      example_answer_id: e.example,
    }));
}
