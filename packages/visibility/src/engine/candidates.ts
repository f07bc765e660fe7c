import { type AmbiguityContext, acceptInContext, standsAlone } from './ambiguity.ts';
import type { Candidate } from './matcher.ts';
import type { Line } from './structure.ts';

export function lineLookup(lines: Line[]): (offset: number) => Line | undefined {
  return (offset) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid].end < offset) lo = mid + 1;
      else if (lines[mid].start > offset) hi = mid - 1;
      else return lines[mid];
    }
    return undefined;
  };
}

/**
 * Applies the context rules for brands named by ordinary words. Mentions accepted in context
 * confirm their brand for the rest of the answer, so the rules run until nothing changes.
 */
export function acceptCandidates(candidates: Candidate[], ctx: AmbiguityContext): Candidate[] {
  const accepted = new Set(candidates.filter((c) => standsAlone(ctx, c)));
  for (let changed = true; changed; ) {
    changed = false;
    const confirmed = new Set([...accepted].filter((c) => !c.form.temporal).map((c) => c.form.brandId));
    for (const c of candidates) {
      if (accepted.has(c)) continue;
      const othersNamed = [...confirmed].some((id) => id !== c.form.brandId);
      if (acceptInContext(ctx, c, confirmed.has(c.form.brandId), othersNamed)) {
        accepted.add(c);
        changed = true;
      }
    }
  }
  return [...accepted].sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * One reference written as brand and product ("Dell XPS 13", "Lenovo's ThinkPad") is one mention:
 * merges mentions of the same brand separated only by a possessive and spaces.
 */
export function mergeAdjacent(text: string, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    const last = out[out.length - 1];
    const gap = last ? text.slice(last.span[1] + last.suffix.length, c.span[0]) : '';
    if (last && last.form.brandId === c.form.brandId && /^[ \t]+$/.test(gap)) {
      out[out.length - 1] = {
        ...last,
        span: [last.span[0], c.span[1]],
        suffix: c.suffix,
        fuzzy: last.fuzzy || c.fuzzy,
        distance: Math.max(last.distance, c.distance),
      };
    } else out.push(c);
  }
  return out;
}
