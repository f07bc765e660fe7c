import { describe, expect, it } from 'vitest';
import { ExtractionError, extractDocument } from '../../src/extract/index.ts';
import { expectConsistent, summary } from './assertions.ts';
import { buildDocx, documentXml, para, table } from './fixtures/docx.ts';

const body = [
  para('Information Security Policy', { style: 'Title' }),
  para('Access Control', { style: 'Berschrift1' }),
  para(['All staff ', 'must use ', 'MFA.']),
  para('Passwords', { style: 'Berschrift2' }),
  para('At least 14 characters.', { list: true }),
  para('No reuse of the last 5 passwords.', { style: 'ListBullet' }),
  table([
    ['Control', 'Owner'],
    ['Quarterly access review', 'IT Security'],
  ]),
  para('Encryption', { style: 'Berschrift1' }),
  para('Data at rest uses AES-256.'),
].join('');

async function failure(bytes: Uint8Array): Promise<ExtractionError> {
  const error = await extractDocument(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExtractionError);
  return error as ExtractionError;
}

describe('DOCX extraction', () => {
  it('maps heading styles to heading paths, and reads lists and table cells', async () => {
    const doc = await extractDocument(buildDocx(body));
    expectConsistent(doc);
    expect(doc.format).toBe('docx');
    expect(doc.title).toBe('Information Security Policy');
    expect(summary(doc)).toEqual([
      ['heading', 'Information Security Policy', null],
      ['heading', 'Access Control', 'Access Control'],
      ['paragraph', 'All staff must use MFA.', 'Access Control'],
      ['heading', 'Passwords', 'Access Control > Passwords'],
      ['list-item', 'At least 14 characters.', 'Access Control > Passwords'],
      ['list-item', 'No reuse of the last 5 passwords.', 'Access Control > Passwords'],
      ['table-cell', 'Control', 'Access Control > Passwords'],
      ['table-cell', 'Owner', 'Access Control > Passwords'],
      ['table-cell', 'Quarterly access review', 'Access Control > Passwords'],
      ['table-cell', 'IT Security', 'Access Control > Passwords'],
      ['heading', 'Encryption', 'Encryption'],
      ['paragraph', 'Data at rest uses AES-256.', 'Encryption'],
    ]);
  });

  it('falls back to English style ids without a styles part, and takes the title from core properties', async () => {
    const doc = await extractDocument(
      buildDocx(para('Scope', { style: 'Heading1' }) + para('Applies to all.'), {
        styles: null,
        coreTitle: 'Scope & Purpose',
      }),
    );
    expect(summary(doc)).toEqual([
      ['heading', 'Scope', 'Scope'],
      ['paragraph', 'Applies to all.', 'Scope'],
    ]);
    expect(doc.title).toBe('Scope & Purpose');
  });

  it('ignores deleted text, field instructions, fallback copies and tab stop definitions', async () => {
    const xml =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
      '<w:r><w:t>Kept</w:t></w:r><w:r><w:tab/><w:t>text</w:t></w:r>' +
      '<w:del><w:r><w:delText>removed</w:delText></w:r></w:del>' +
      '<w:r><w:instrText> PAGE </w:instrText></w:r>' +
      '<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>box</w:t></w:r></mc:Choice>' +
      '<mc:Fallback><w:r><w:t>box</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>';
    const doc = await extractDocument(buildDocx(xml));
    expect(doc.text).toBe('Kept textbox');
  });

  it('matches WordprocessingML by namespace, whatever the prefix', async () => {
    const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const xml = `<x:document xmlns:x="${ns}"><x:body><x:p><x:r><x:t>Prefixed &amp; fine</x:t></x:r></x:p></x:body></x:document>`;
    const doc = await extractDocument(buildDocx('', { document: { name: 'word/document.xml', data: xml } }));
    expect(doc.text).toBe('Prefixed & fine');
  });

  it('refuses a document without text as empty', async () => {
    expect((await failure(buildDocx(para('   ')))).reason).toBe('empty');
  });

  it('refuses malformed archives as corrupt', async () => {
    const docx = buildDocx(body);
    expect((await failure(docx.subarray(0, docx.length - 30))).reason).toBe('corrupt');
    const garbage = buildDocx('', {
      document: {
        name: 'word/document.xml',
        compressed: Buffer.from('not deflate at all'),
        declaredSize: 100,
      },
    });
    expect((await failure(garbage)).reason).toBe('corrupt');
  });

  it('reads a document part that is not well-formed XML as far as it goes', async () => {
    const broken = documentXml(para('Readable paragraph.')).replace(
      '</w:body></w:document>',
      '<w:p><w:r><w:t>cut',
    );
    const doc = await extractDocument(
      buildDocx('', { document: { name: 'word/document.xml', data: broken } }),
    );
    expect(doc.blocks[0].text).toBe('Readable paragraph.');
  });
});
