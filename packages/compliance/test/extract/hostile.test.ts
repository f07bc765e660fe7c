import { describe, expect, it } from 'vitest';
import { EXTRACTION_LIMITS, ExtractionError, extractDocument } from '../../src/extract/index.ts';
import { expectConsistent } from './assertions.ts';
import { buildDocx, documentXml } from './fixtures/docx.ts';
import { deflateRepeated } from './fixtures/hostile.ts';
import { buildZip } from './fixtures/zip.ts';

async function failure(bytes: Uint8Array): Promise<ExtractionError> {
  const error = await extractDocument(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExtractionError);
  return error as ExtractionError;
}

const MB = 1024 * 1024;

describe('hostile input', () => {
  it('refuses a DOCX zip bomb, whether its headers tell the truth or lie about the size', async () => {
    const bomb = await deflateRepeated(Buffer.alloc(MB, 0x20), 64);
    expect(bomb.length).toBeLessThan(MB);
    const honest = buildDocx('', {
      document: { name: 'word/document.xml', compressed: bomb, declaredSize: 64 * MB },
    });
    const lying = buildDocx('', {
      document: { name: 'word/document.xml', compressed: bomb, declaredSize: 2000 },
    });
    for (const docx of [honest, lying]) {
      const error = await failure(docx);
      expect(error.reason).toBe('too_large');
      expect(error.message).toMatch(/ZIP bomb/);
    }
  });

  it('refuses archives with too many entries', async () => {
    const entries = Array.from({ length: EXTRACTION_LIMITS.maxZipEntries + 1 }, (_, i) => ({
      name: `media/${i}`,
      data: '',
    }));
    const docx = buildDocx('<w:p><w:r><w:t>x</w:t></w:r></w:p>', { extra: entries });
    expect((await failure(docx)).reason).toBe('too_large');
  });

  it('reads deeply nested DOCX XML in linear time', async () => {
    const depth = 100_000;
    const body = `${'<w:sdt><w:sdtContent>'.repeat(depth)}<w:p><w:r><w:t>Deep clause.</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(depth)}`;
    const doc = await extractDocument(
      buildDocx('', { document: { name: 'word/document.xml', data: documentXml(body) } }),
    );
    expect(doc.text).toBe('Deep clause.');
  });

  it('reads deeply nested and unbalanced HTML', async () => {
    const depth = 200_000;
    const html =
      `<html><body>${'<div><b>'.repeat(depth)}<p>deep text${'</span>'.repeat(depth)}<li><td>`.repeat(2);
    const doc = await extractDocument(Buffer.from(html));
    expectConsistent(doc);
    expect(doc.blocks.map((b) => b.text)).toEqual(['deep text', 'deep text']);
  });

  it('survives huge single lines with pathological Markdown', async () => {
    const backticks = Array.from({ length: 2000 }, (_, i) => `${'`'.repeat(i + 1)} x `).join('');
    const cases = [
      `# Title\n\n${'**a** `b` [c](d) <e> _f_ '.repeat(200_000)}`,
      `# T\n\n${backticks}`,
      `# T\n\n${'<!--'.repeat(1_000_000)}`,
      `# ${'#'.repeat(2_000_000)}x\n\n- a`,
      `# T\n\n- a\n\n${'[a]('.repeat(500_000)}${'!['.repeat(500_000)}`,
      `# T\n\n- a\n\n${'>'.repeat(2_000_000)} quote`,
    ];
    for (const markdown of cases) {
      const doc = await extractDocument(Buffer.from(markdown));
      expectConsistent(doc);
    }
  });

  it('refuses documents with more text than can be assessed', async () => {
    const words = Math.ceil(EXTRACTION_LIMITS.maxTextChars / 5) + 10;
    const error = await failure(Buffer.from(`${'word '.repeat(words)}\n\nend`));
    expect(error.reason).toBe('too_large');
    const oneLine = await failure(Buffer.from(`<p>${'word '.repeat(words)}</p>`));
    expect(oneLine.reason).toBe('too_large');
  });

  it('refuses input above the byte limit without reading it', async () => {
    const error = await failure(Buffer.alloc(EXTRACTION_LIMITS.maxInputBytes + 1, 0x41));
    expect(error.reason).toBe('too_large');
  });

  it('refuses a ZIP whose central directory points outside the file', async () => {
    const zip = buildZip([
      { name: '[Content_Types].xml', data: '<T/>' },
      { name: 'word/document.xml', data: '<d/>' },
    ]);
    zip.writeUInt32LE(0x7fffffff, zip.length - 6);
    expect((await failure(zip)).reason).toBe('corrupt');
  });
});
