import { describe, expect, it } from 'vitest';
import { evaluateBaseline } from '../../eval/evaluate.ts';

// Quality gate on the evaluation set (packages/compliance/eval): a false "met" is the worst error the
// engine can make, so its precision must stay high while it still finds most of what is there.
describe('baseline engine on the evaluation set', () => {
  const report = evaluateBaseline();

  it('covers a meaningful number of labelled controls', () => {
    expect(report.all.count).toBeGreaterThanOrEqual(200);
    for (const status of ['met', 'partial', 'missing', 'not_applicable'] as const)
      expect(report.all.byStatus[status].support).toBeGreaterThan(10);
  });

  it('keeps the precision of met at 0.9 or more and its recall at 0.6 or more', () => {
    const met = report.all.byStatus.met;
    expect(met.precision).toBeGreaterThanOrEqual(0.9);
    expect(met.recall).toBeGreaterThanOrEqual(0.6);
  });

  it('rarely calls a control missing or not applicable when it is met', () => {
    const wrongAboutMet = report.comparisons.filter(
      (c) => c.expected === 'met' && (c.actual === 'missing' || c.actual === 'not_applicable'),
    );
    expect(wrongAboutMet.length / report.all.byStatus.met.support).toBeLessThan(0.1);
  });
});
