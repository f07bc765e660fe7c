import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../src/document.ts';
import { EXTRACTION_FAILURES, ExtractionError, extractDocument } from '../../src/extract/index.ts';
import { buildDocx, para, table } from './fixtures/docx.ts';
import { buildPdf } from './fixtures/pdf.ts';

function holdsContract(doc: ExtractedDocument): boolean {
  return (
    doc.text === doc.blocks.map((b) => b.text).join('\n\n') &&
    doc.blocks.every((b) => doc.text.slice(b.start, b.end) === b.text && b.text.length > 0)
  );
}

/** Whatever the bytes, extraction yields a consistent document or an ExtractionError with a known reason. */
async function behaves(bytes: Uint8Array): Promise<boolean> {
  try {
    return holdsContract(await extractDocument(bytes));
  } catch (error) {
    return (
      error instanceof ExtractionError &&
      EXTRACTION_FAILURES.includes(error.reason) &&
      error.message.length > 0
    );
  }
}

const mutation = (length: number) =>
  fc.record({
    cut: fc.integer({ min: 1, max: length }),
    flips: fc.array(fc.record({ at: fc.nat({ max: length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), {
      maxLength: 8,
    }),
  });

function mutate(bytes: Buffer, m: { cut: number; flips: { at: number; value: number }[] }): Buffer {
  const copy = Buffer.from(bytes.subarray(0, m.cut));
  for (const { at, value } of m.flips) if (at < copy.length) copy[at] = value;
  return copy;
}

describe('extraction of damaged files', () => {
  it('never fails with anything but an ExtractionError', async () => {
    const seeds = [
      await buildPdf((doc) => {
        doc.fontSize(16).text('Policy');
        doc.fontSize(11).text('Staff must use MFA. '.repeat(20));
        doc.addPage().text('Second page.');
      }),
      buildDocx(para('Scope', { style: 'Berschrift1' }) + para('Applies to all.') + table([['a', 'b']])),
      Buffer.from('<!doctype html><h1>T</h1><p>a &amp; b</p><ul><li>x</li></ul><table><td>c</td></table>'),
      Buffer.from('# T\n\n- a `b` [c](d)\n\n| x | y |\n|---|---|\n| 1 | 2 |\n'),
    ];
    for (const seed of seeds) {
      await fc.assert(
        fc.asyncProperty(mutation(seed.length), async (m) => behaves(mutate(seed, m))),
        { numRuns: 60, seed: 42 },
      );
    }
    expect(await behaves(Buffer.from('%PDF-1.7\n'))).toBe(true);
  });
});
