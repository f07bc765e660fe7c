import { describe, expect, it } from 'vitest';
import { verifyEvidence } from '../../src/engine/evidence.ts';
import type { Finding } from '../../src/engine/types.ts';
import { doc } from './support.ts';

const document = doc(
  '# Access\n\nAll laptops must be encrypted.\n\nAccess is reviewed every   quarter by system owners.',
);

const finding = (overrides: Partial<Finding>): Finding => ({
  framework: 'soc2',
  control_id: 'CC6.1',
  status: 'met',
  confidence: 0.8,
  evidence: [{ quote: 'All laptops must be encrypted.', location: {} }],
  gaps: [],
  recommendations: [],
  severity: 'high',
  method: 'llm',
  ...overrides,
});

describe('verifyEvidence', () => {
  it('keeps findings whose quotes are in the document, correcting their location', () => {
    const [checked] = verifyEvidence(document, [finding({})]);
    expect(checked.status).toBe('met');
    expect(checked.confidence).toBe(0.8);
    expect(checked.gaps).toEqual([]);
    expect(checked.evidence[0].location).toEqual({ headingPath: ['Access'] });
  });

  it('downgrades met to partial when one quote is not in the document', () => {
    const invented = { quote: 'Laptops are encrypted with AES-256 and TPM.', location: { page: 2 } };
    const [checked] = verifyEvidence(document, [finding({ evidence: [finding({}).evidence[0], invented] })]);
    expect(checked.status).toBe('partial');
    expect(checked.evidence.map((e) => e.quote)).toEqual(['All laptops must be encrypted.']);
    expect(checked.confidence).toBeLessThanOrEqual(0.4);
    expect(checked.gaps.at(-1)).toBe(
      '1 evidence quote was not found word for word in the document and was discarded; status lowered from met to partial.',
    );
  });

  it('downgrades to missing when no quote survives, including a near miss and a too-short quote', () => {
    const quotes = ['All laptops must be encrypted!', 'encrypted', 'All  laptops should be encrypted.'];
    const [met, partial, na] = verifyEvidence(document, [
      finding({ evidence: quotes.map((quote) => ({ quote, location: {} })) }),
      finding({ status: 'partial', evidence: [{ quote: 'Backups are tested.', location: {} }] }),
      finding({
        status: 'not_applicable',
        evidence: [{ quote: 'We have no laptops at all.', location: {} }],
      }),
    ]);
    expect(met.status).toBe('missing');
    expect(met.evidence).toEqual([]);
    expect(met.gaps[0]).toMatch(/^3 evidence quotes were not found/);
    expect(partial.status).toBe('missing');
    expect(na.status).toBe('missing');
  });

  it('accepts a quote that differs only in whitespace and replaces it with the exact text', () => {
    const [checked] = verifyEvidence(document, [
      finding({ evidence: [{ quote: 'Access is reviewed every quarter by system owners.', location: {} }] }),
    ]);
    expect(checked.status).toBe('met');
    expect(checked.evidence[0].quote).toBe('Access is reviewed every   quarter by system owners.');
    expect(document.text).toContain(checked.evidence[0].quote);
  });

  it('leaves missing findings without evidence alone', () => {
    const missing = finding({ status: 'missing', evidence: [], confidence: 0.8 });
    expect(verifyEvidence(document, [missing])).toEqual([missing]);
  });
});
