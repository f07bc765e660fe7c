import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../eval/corpus.ts';
import { assay, iocExtractor } from '../../eval/engines.ts';
import { evaluate } from '../../eval/evaluate.ts';
import { prf, total } from '../../eval/score.ts';

const corpus = loadCorpus();
const ours = evaluate(assay, corpus);
const theirs = evaluate(iocExtractor, corpus);

describe('extraction quality on the labelled corpus', () => {
  it('has development and held-out documents', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(12);
    expect(corpus.filter((d) => d.gold.heldOut).length).toBeGreaterThanOrEqual(4);
  });

  it('reaches an overall F1 of at least 0.95', () => {
    expect(prf(total(ours.counts)).f1).toBeGreaterThanOrEqual(0.95);
  });

  it('stays above 0.9 F1 on the held-out documents alone', () => {
    const heldOut = evaluate(
      assay,
      corpus.filter((d) => d.gold.heldOut),
    );
    expect(prf(total(heldOut.counts)).f1).toBeGreaterThanOrEqual(0.9);
  });

  it.each(iocExtractor.types)('matches or beats ioc-extractor on %s', (type) => {
    const a = prf(ours.counts[type]!).f1;
    const b = prf(theirs.counts[type]!).f1;
    expect(a).toBeGreaterThanOrEqual(b);
  });

  it('beats ioc-extractor overall on the types both support', () => {
    expect(prf(total(ours.counts, iocExtractor.types)).f1).toBeGreaterThan(prf(total(theirs.counts)).f1);
  });
});
