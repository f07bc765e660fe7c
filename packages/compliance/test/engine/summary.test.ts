import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/engine/summary.ts';
import type { Finding, FindingStatus } from '../../src/engine/types.ts';
import type { Severity } from '../../src/frameworks/types.ts';

const f = (framework: string, status: FindingStatus, severity: Severity = 'high'): Finding => ({
  framework,
  control_id: `${framework}-${Math.random()}`,
  status,
  confidence: 0.7,
  evidence: [],
  gaps: [],
  recommendations: [],
  severity,
  method: 'baseline',
});

describe('summarize', () => {
  it('computes coverage as (met + half of partial) over applicable controls, per framework and overall', () => {
    const summary = summarize([
      f('soc2', 'met'),
      f('soc2', 'met', 'critical'),
      f('soc2', 'partial'),
      f('soc2', 'missing', 'low'),
      f('soc2', 'not_applicable'),
      f('gdpr', 'partial', 'medium'),
      f('gdpr', 'missing', 'medium'),
    ]);
    const soc2 = summary.frameworks.find((s) => s.framework === 'soc2')!;
    expect(soc2.total).toBe(5);
    expect(soc2.applicable).toBe(4);
    expect(soc2.coverage).toBeCloseTo(2.5 / 4);
    expect(soc2.byStatus).toEqual({ met: 2, partial: 1, missing: 1, not_applicable: 1 });
    expect(soc2.bySeverity.high).toEqual({ met: 1, partial: 1, missing: 0, not_applicable: 1 });
    expect(soc2.bySeverity.critical.met).toBe(1);
    expect(soc2.bySeverity.low.missing).toBe(1);
    const gdpr = summary.frameworks.find((s) => s.framework === 'gdpr')!;
    expect(gdpr.coverage).toBeCloseTo(0.25);
    expect(summary.overall.applicable).toBe(6);
    expect(summary.overall.coverage).toBeCloseTo(3 / 6);
    expect(summary.frameworks.map((s) => s.framework)).toEqual(['soc2', 'gdpr']);
  });

  it('reports null coverage when nothing applies', () => {
    const summary = summarize([f('hipaa', 'not_applicable'), f('hipaa', 'not_applicable')]);
    expect(summary.overall.coverage).toBeNull();
    expect(summary.frameworks[0].applicable).toBe(0);
    expect(summarize([]).overall).toMatchObject({ total: 0, coverage: null });
  });
});
