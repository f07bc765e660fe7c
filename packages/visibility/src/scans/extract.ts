import type { Db } from '@assay/db';
import { and, asc, eq } from 'drizzle-orm';
import { MentionExtractor } from '../engine/index.ts';
import { visibilityBrands } from './schema.ts';

/** Scans score sentiment with the offline lexicon; every answer and mention row says so. */
export const SENTIMENT_METHOD = 'baseline';

export type BrandRow = typeof visibilityBrands.$inferSelect;

export async function loadBrands(db: Db, orgId: string, projectId: string): Promise<BrandRow[]> {
  return db
    .select()
    .from(visibilityBrands)
    .where(and(eq(visibilityBrands.orgId, orgId), eq(visibilityBrands.projectId, projectId)))
    .orderBy(asc(visibilityBrands.createdAt));
}

/** One extractor per brand set, reused across a run's answers. */
export function extractorFor(brands: BrandRow[]): MentionExtractor {
  return new MentionExtractor(
    brands.map((b) => ({
      id: b.id,
      name: b.name,
      aliases: b.aliases,
      products: b.products,
      domains: b.domains,
      owned: b.owned,
      ambiguous: b.ambiguous ?? undefined,
    })),
  );
}
