import { expect } from 'vitest';
import type { ExtractedDocument } from '../../src/document.ts';

/** The layout contract every extractor must keep: exact offsets, blank-line joins, one-line blocks. */
export function expectConsistent(doc: ExtractedDocument): void {
  expect(doc.blocks.length).toBeGreaterThan(0);
  expect(doc.text).toBe(doc.blocks.map((b) => b.text).join('\n\n'));
  for (const block of doc.blocks) {
    expect(doc.text.slice(block.start, block.end)).toBe(block.text);
    expect(block.text).toBe(block.text.trim());
    expect(block.text).not.toMatch(/\s{2,}|[\n\t]/);
  }
}

/** Blocks as compact tuples for readable equality assertions. */
export const summary = (doc: ExtractedDocument) =>
  doc.blocks.map((b) => [b.kind, b.text, b.location.page ?? b.location.headingPath?.join(' > ') ?? null]);
