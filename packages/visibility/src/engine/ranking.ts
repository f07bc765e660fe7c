import { headBrand, headSegments } from './heads.ts';
import type { MentionIndex } from './mention-index.ts';
import { brandLikeName } from './names.ts';
import type { Item, Structure } from './structure.ts';
import type { RankInfo, RankMethod } from './types.ts';

/** How much each kind of ordering says about the model's intended order. */
export const RANK_CONFIDENCE: Record<RankMethod, number> = {
  numbered_list: 0.95,
  table: 0.85,
  heading: 0.8,
  bullet_list: 0.7,
  prose: 0.5,
};
/** Brands left out of the answer's lists come after them, and that order means little. */
const OUTSIDE_LISTS_CONFIDENCE = 0.3;
/** Positions from a second or later list (another section) are less clear-cut than the first. */
const LATER_LIST_FACTOR = 0.9;

interface Group {
  items: Item[];
  method: RankMethod;
  heads: (string | null)[];
}

function methodOf(items: Item[]): RankMethod {
  const kind = items[0].kind;
  if (kind === 'numbered') return 'numbered_list';
  if (kind === 'table') return 'table';
  if (kind === 'bullet') return 'bullet_list';
  return items.every((i) => i.number !== null) ? 'numbered_list' : 'heading';
}

/** A list ranks brands when it has two entries or more that are names and one is a tracked brand. */
function isRankingGroup(text: string, group: Group): boolean {
  if (group.items.length < 2 || !group.heads.some(Boolean)) return false;
  const named = group.items.filter(
    (item, k) => group.heads[k] || headSegments(text, item).some(([a, b]) => brandLikeName(text.slice(a, b))),
  );
  return named.length >= 2;
}

function groupsOf(text: string, structure: Structure, mentions: MentionIndex): Group[] {
  const byId = new Map<number, Item[]>();
  for (const item of structure.items) {
    if (item.header) continue;
    const list = byId.get(item.group) ?? [];
    list.push(item);
    byId.set(item.group, list);
  }
  const groups = [...byId.values()].map((items) => ({
    items,
    method: methodOf(items),
    heads: items.map((i) => headBrand(text, i, mentions)),
  }));
  const ranking = groups.filter((g) => isRankingGroup(text, g));
  // A list nested inside an item of another ranking list (pros and cons under "### HubSpot") is detail.
  const rankingItems = new Set(ranking.flatMap((g) => g.items));
  return ranking
    .filter((g) => !g.items.some((i) => ancestors(i).some((a) => rankingItems.has(a))))
    .sort((a, b) => a.items[0].start - b.items[0].start);
}

function ancestors(item: Item): Item[] {
  const out: Item[] = [];
  for (let p = item.parent; p; p = p.parent) out.push(p);
  return out;
}

/**
 * Position of each mentioned brand in the answer's recommendation order. Ranking lists (numbered
 * lists, sibling headings, table rows, bullets whose items open with a tracked brand) are read in
 * document order and numbered through, untracked entries included; a brand takes the position of
 * the first entry it opens. Brands mentioned only elsewhere follow, in order of first mention.
 */
export function rankBrands(
  text: string,
  structure: Structure,
  mentions: MentionIndex,
): Map<string, RankInfo> {
  const ranks = new Map<string, RankInfo>();
  const groups = groupsOf(text, structure, mentions);
  let offset = 0;
  groups.forEach((group, g) => {
    group.heads.forEach((brandId, k) => {
      if (!brandId || ranks.has(brandId)) return;
      const confidence = RANK_CONFIDENCE[group.method] * (g === 0 ? 1 : LATER_LIST_FACTOR);
      ranks.set(brandId, { position: offset + k + 1, method: group.method, confidence: round(confidence) });
    });
    offset += group.items.length;
  });
  const rest = mentions.all;
  const confidence = groups.length ? OUTSIDE_LISTS_CONFIDENCE : RANK_CONFIDENCE.prose;
  for (const { brandId } of rest) {
    if (ranks.has(brandId)) continue;
    ranks.set(brandId, { position: ++offset, method: 'prose', confidence });
  }
  return ranks;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
