import { describe, expect, it } from 'vitest';
import { evaluate } from '../../eval/evaluate.ts';

// Quality gate on the labelled answers in packages/visibility/eval (see its README for how they
// were labelled and what the numbers do and do not show).
describe('mention extractor on the evaluation set', () => {
  const report = evaluate();

  it('covers enough labelled answers, including held-out ones', () => {
    expect(report.all.answers).toBeGreaterThanOrEqual(30);
    expect(report.holdout.answers).toBeGreaterThanOrEqual(8);
    expect(report.all.tp + report.all.fn).toBeGreaterThan(200);
  });

  it('finds mentions with F1 >= 0.95, overall and on the held-out answers', () => {
    expect(report.all.f1).toBeGreaterThanOrEqual(0.95);
    expect(report.holdout.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('gets the exact rank for at least 90% of mentioned brands', () => {
    expect(report.all.rankAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.holdout.rankAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
