import { describe, expect, it, vi } from 'vitest';
import { CHECKS, scorePage } from '../../src/health/score.ts';
import { page } from './fixtures.ts';

function check(report: ReturnType<typeof scorePage>, id: string) {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

describe('scorePage', () => {
  it('gives a well-prepared page 100 with every check passed', () => {
    const report = scorePage(page());
    expect(report.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(report.score).toBe(100);
    expect(report.checks.map((c) => c.id)).toEqual(CHECKS.map((c) => c.id));
  });

  it('is deterministic and does not depend on the clock', () => {
    const input = page({ headers: { 'last-modified': 'Tue, 01 Apr 2025 00:00:00 GMT' } }, { jsonLd: [] });
    const first = scorePage(input);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    try {
      expect(scorePage(input)).toEqual(first);
    } finally {
      vi.useRealTimers();
    }
  });

  it('scores the share of applicable weight passed', () => {
    const report = scorePage(page({ status: 404 }, { canonical: null }));
    const applicable = report.checks.filter((c) => c.applicable);
    const total = applicable.reduce((s, c) => s + c.weight, 0);
    const lost = check(report, 'status_ok').weight + check(report, 'canonical').weight;
    expect(report.score).toBe(Math.round((100 * (total - lost)) / total));
    expect(report.categories.crawlability.failed).toBe(2);
  });

  it('leaves checks that do not apply out of the score', () => {
    const report = scorePage(
      page(
        {},
        { body: `<h1>Acme CRM for small teams</h1><p>Is there a free plan? ${'word '.repeat(300)}</p>` },
      ),
    );
    expect(check(report, 'image_alt')).toMatchObject({ applicable: false, passed: true });
    expect(check(report, 'link_text').applicable).toBe(false);
  });

  it('rejects an invalid fetch time instead of guessing', () => {
    expect(() => scorePage(page({ fetchedAt: 'soon' }))).toThrow(RangeError);
  });

  it('copes with broken markup and hostile nesting', () => {
    const report = scorePage(page({ html: `<html><body>${'<div>'.repeat(50_000)}<h1>x</h1><p>unclosed` }));
    expect(report.score).toBeGreaterThanOrEqual(0);
    expect(check(report, 'single_h1').passed).toBe(true);
  });
});
