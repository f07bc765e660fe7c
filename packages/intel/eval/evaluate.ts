import type { IndicatorType } from '../src/engine/types.ts';
import type { CorpusDocument } from './corpus.ts';
import type { Engine } from './engines.ts';
import { addCounts, type CountsByType, scoreDocument } from './score.ts';

export interface Mistakes {
  doc: string;
  falsePositives: string[];
  misses: string[];
}

export interface Evaluation {
  engine: string;
  types: readonly IndicatorType[];
  counts: CountsByType;
  mistakes: Mistakes[];
}

/** Runs one engine over documents and sums its per-type counts; also lists what it got wrong. */
export function evaluate(engine: Engine, docs: CorpusDocument[]): Evaluation {
  const counts: CountsByType = {};
  const mistakes: Mistakes[] = [];
  for (const doc of docs) {
    const scored = scoreDocument(engine.extract(doc.text, doc.gold.publisherDomains), doc.gold, engine.types);
    addCounts(counts, scored.counts);
    mistakes.push({ doc: doc.id, falsePositives: scored.falsePositives, misses: scored.misses });
  }
  return { engine: engine.name, types: engine.types, counts, mistakes };
}
