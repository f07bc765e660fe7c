import { describe, expect, it } from 'vitest';
import { ExtractionError, extractDocument, sniff } from '../../src/extract/index.ts';
import { buildDocx, para } from './fixtures/docx.ts';
import { buildPdf, buildPng } from './fixtures/pdf.ts';
import { buildZip } from './fixtures/zip.ts';

const format = (bytes: Uint8Array | string, declared?: string) =>
  sniff(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, declared).format;

async function reason(bytes: Uint8Array, declaredType?: string) {
  const error = await extractDocument(bytes, { declaredType }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExtractionError);
  return (error as ExtractionError).reason;
}

describe('sniff', () => {
  it('detects PDF and DOCX by their bytes', async () => {
    const pdf = await buildPdf((d) => d.text('x'));
    expect(format(pdf)).toBe('pdf');
    const prefixed = Buffer.concat([Buffer.from('junk before header\n'), pdf]);
    expect(format(prefixed)).toBe('pdf');
    expect((await extractDocument(prefixed)).text).toBe('x');
    expect(format('Every PDF starts with %PDF- and a version.\n')).toBe('text');
    expect(format(buildDocx(para('x')))).toBe('docx');
  });

  it('refuses other ZIP-based and Office formats with a specific message', () => {
    const xlsx = sniff(
      buildZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'xl/workbook.xml', data: '<w/>' },
      ]),
    );
    expect(xlsx).toMatchObject({ format: 'refused', reason: 'unsupported_type' });
    expect(xlsx.format === 'refused' && xlsx.message).toMatch(/Excel/);
    expect(sniff(buildZip([{ name: 'notes.txt', data: 'hello' }]))).toMatchObject({
      reason: 'unsupported_type',
    });
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect(sniff(ole)).toMatchObject({ reason: 'unsupported_type' });
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 512);
    expect(sniff(ole)).toMatchObject({ reason: 'encrypted' });
  });

  it('tells HTML, Markdown and plain text apart by content', () => {
    expect(format('<!DOCTYPE html><html><body><p>Hi</p></body></html>')).toBe('html');
    expect(format('<!-- saved page -->\n<html lang="en"><p>Hi</p></html>')).toBe('html');
    expect(format('<div><p>Policy</p><p>Text</p><ul><li>a</li></ul></div>')).toBe('html');
    expect(format('# Policy\n\nSee [the standard](https://example.com).\n')).toBe('markdown');
    expect(format('Policy\n======\n\n- item one\n- item two\n')).toBe('markdown');
    expect(format('<p align="center"><img src="logo.png"></p>\n\n# Handbook\n\nSee [rules](r.md).\n')).toBe(
      'markdown',
    );
    expect(format('ACCESS CONTROL\n\nAll staff use MFA.\n\n1. Access Control\n')).toBe('text');
  });

  it('lets the declared type break ties but never override content', async () => {
    expect(format('Intro\n\n- one\n- two\n')).toBe('text');
    expect(format('Intro\n\n- one\n- two\n', 'text/markdown; charset=utf-8')).toBe('markdown');
    expect(format('Use <b>bold</b> sparingly.', 'text/html')).toBe('html');
    expect(format('Use <b>bold</b> sparingly.')).toBe('text');
    // A file named .pdf and declared as PDF that is really HTML is read as HTML.
    const doc = await extractDocument(Buffer.from('<html><body><h1>Policy</h1><p>Body</p></body></html>'), {
      declaredType: 'application/pdf',
    });
    expect(doc.format).toBe('html');
    expect(doc.text).toBe('Policy\n\nBody');
  });

  it('decodes UTF-16 and UTF-8 with BOM', async () => {
    const text = 'Résumé of controls\n\nAll data is encrypted.';
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    utf16be.swap16();
    const utf8bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    for (const bytes of [utf16le, utf16be, utf8bom]) {
      const doc = await extractDocument(bytes);
      expect(doc.format).toBe('text');
      expect(doc.blocks.map((b) => b.text)).toEqual(['Résumé of controls', 'All data is encrypted.']);
    }
  });

  it('refuses binaries, invalid UTF-8 and images as unsupported', async () => {
    expect(await reason(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00]))).toBe(
      'unsupported_type',
    );
    expect(await reason(Buffer.from([0x48, 0x69, 0xc3, 0x28, 0x21]))).toBe('unsupported_type');
    expect(await reason(buildPng(4, 4), 'text/plain')).toBe('unsupported_type');
    const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    expect(await reason(controls)).toBe('unsupported_type');
  });

  it('refuses empty and whitespace-only files as empty', async () => {
    expect(await reason(Buffer.alloc(0))).toBe('empty');
    expect(await reason(Buffer.from(' \n\t\r\n '))).toBe('empty');
    expect(
      await reason(
        Buffer.from('<html><head><title>T</title><script>x()</script></head><body> </body></html>'),
      ),
    ).toBe('empty');
  });
});
