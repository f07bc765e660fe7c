import type { Control } from '../frameworks/types.ts';
import type { DocumentIndex } from './document-index.ts';
import type { Passage } from './passages.ts';
import { compilePhrase } from './text/terms.ts';

/**
 * The passages most likely to speak to a control: the best BM25 hits for each of its facets, merged,
 * headings left out, returned in document order (how a reader, or a model, should see them).
 */
export function candidatePassages(index: DocumentIndex, control: Control, perFacet = 4, max = 12): Passage[] {
  const chosen = new Map<number, number>();
  for (const facet of control.facets) {
    const phrases = facet.terms.flat().map(compilePhrase);
    const hits = index.bm25.search(index.queryStems(phrases), perFacet * 3);
    let taken = 0;
    for (const hit of hits) {
      if (taken >= perFacet) break;
      if (index.passages[hit.id].heading) continue;
      chosen.set(hit.id, Math.max(chosen.get(hit.id) ?? 0, hit.score));
      taken++;
    }
  }
  return [...chosen.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([id]) => index.passages[id])
    .sort((a, b) => a.start - b.start);
}
