import { describe, expect, it } from 'vitest';
import { ExtractionError, extractDocument } from '../../src/extract/index.ts';
import { expectConsistent, summary } from './assertions.ts';
import { buildPdf, buildPng, placeLines } from './fixtures/pdf.ts';

function policyPdf(): Promise<Buffer> {
  return buildPdf((doc) => {
    doc.info.Title = 'Information Security Policy';
    doc.font('Helvetica-Bold');
    let y = placeLines(doc, ['Access Control'], { y: 72, size: 18 });
    doc.font('Helvetica');
    y = placeLines(
      doc,
      [
        'All employees must use multi-factor authentication when accessing',
        'production systems. Passwords are rotated every ninety days and com-',
        'pliance is reviewed quarterly by the security team.',
      ],
      { y: y + 12 },
    );
    y = placeLines(doc, ['Access reviews happen every quarter.'], { y: y + 14 });
    placeLines(doc, ['• Revoke access within 24 hours of termination.', '• Review admin roles monthly.'], {
      y: y + 14,
    });
    doc.addPage();
    doc.font('Helvetica-Bold');
    placeLines(doc, ['Encryption'], { y: 72, size: 18 });
    doc.font('Helvetica');
    placeLines(doc, ['Data at rest is encrypted with AES-256.'], { y: 110 });
    doc.addPage();
    placeLines(doc, ['Backups are tested twice a year.'], { y: 72 });
  });
}

async function failure(
  bytes: Uint8Array,
  options?: Parameters<typeof extractDocument>[1],
): Promise<ExtractionError> {
  const error = await extractDocument(bytes, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExtractionError);
  return error as ExtractionError;
}

describe('PDF extraction', () => {
  it('reads a multi-page PDF into paragraphs with 1-based pages', async () => {
    const doc = await extractDocument(await policyPdf());
    expectConsistent(doc);
    expect(doc.format).toBe('pdf');
    expect(doc.pageCount).toBe(3);
    expect(doc.title).toBe('Information Security Policy');
    expect(summary(doc)).toEqual([
      ['heading', 'Access Control', 1],
      [
        'paragraph',
        'All employees must use multi-factor authentication when accessing production systems. ' +
          'Passwords are rotated every ninety days and compliance is reviewed quarterly by the security team.',
        1,
      ],
      ['paragraph', 'Access reviews happen every quarter.', 1],
      ['list-item', 'Revoke access within 24 hours of termination.', 1],
      ['list-item', 'Review admin roles monthly.', 1],
      ['heading', 'Encryption', 2],
      ['paragraph', 'Data at rest is encrypted with AES-256.', 2],
      ['paragraph', 'Backups are tested twice a year.', 3],
    ]);
  });

  it('wraps long text flowed by the PDF writer into one paragraph', async () => {
    const sentence = 'Security incidents are reported to the incident response team without undue delay. ';
    const pdf = await buildPdf((doc) => {
      doc.fontSize(11).text(sentence.repeat(6).trim(), { width: 300 });
      doc.moveDown();
      doc.text('A second paragraph follows.', { width: 300 });
    });
    const doc = await extractDocument(pdf);
    expectConsistent(doc);
    expect(doc.blocks.map((b) => b.text)).toEqual([sentence.repeat(6).trim(), 'A second paragraph follows.']);
  });

  it('drops running headers, footers and page numbers', async () => {
    const pdf = await buildPdf((doc) => {
      for (let page = 1; page <= 4; page++) {
        if (page > 1) doc.addPage();
        placeLines(doc, ['Acme Corp - Confidential'], { y: 30, size: 9 });
        placeLines(doc, [`Clause ${page} applies to every employee.`], { y: 120 });
        placeLines(doc, [`Page ${page} of 4`], { y: 750, size: 9 });
      }
    });
    const doc = await extractDocument(pdf);
    expect(summary(doc)).toEqual(
      [1, 2, 3, 4].map((n) => ['paragraph', `Clause ${n} applies to every employee.`, n]),
    );
  });

  it('refuses a password-protected PDF as encrypted', async () => {
    // RC4-128, AES-128 and AES-256 security handlers.
    for (const pdfVersion of ['1.4', '1.7', '1.7ext3'] as const) {
      const pdf = await buildPdf((doc) => doc.text('Confidential'), { userPassword: 'secret', pdfVersion });
      const error = await failure(pdf);
      expect(error.reason).toBe('encrypted');
      expect(error.message).toMatch(/password/);
    }
  });

  it('reads a PDF that only restricts permissions (opens without a password)', async () => {
    const pdf = await buildPdf((doc) => doc.text('Owner restricted text.'), {
      ownerPassword: 'owner',
      permissions: { copying: false },
    });
    const doc = await extractDocument(pdf);
    expect(doc.text).toBe('Owner restricted text.');
  });

  it('says a scanned, image-only PDF has no text layer', async () => {
    const pdf = await buildPdf((doc) => {
      doc.image(buildPng(120, 160), 72, 72, { width: 400 });
      doc.addPage();
      doc.image(buildPng(120, 160), 72, 72, { width: 400 });
    });
    const error = await failure(pdf);
    expect(error.reason).toBe('empty');
    expect(error.message).toMatch(/no text layer.*scanned/);
  });

  it('refuses truncated PDFs as corrupt', async () => {
    const pdf = await policyPdf();
    for (const length of [16, 300, Math.floor(pdf.length / 2), pdf.length - 200]) {
      const error = await failure(pdf.subarray(0, length));
      expect(error.reason).toBe('corrupt');
    }
  });

  it('refuses PDFs with more pages than maxPages before reading them', async () => {
    const pdf = await buildPdf((doc) => {
      for (let i = 0; i < 2500; i++) {
        if (i) doc.addPage();
        doc.text(`Page ${i + 1}`);
      }
    });
    const error = await failure(pdf);
    expect(error.reason).toBe('too_large');
    expect(error.message).toContain('2500 pages');
    expect((await failure(await policyPdf(), { maxPages: 2 })).reason).toBe('too_large');
    expect((await extractDocument(await policyPdf(), { maxPages: 3 })).pageCount).toBe(3);
    expect((await extractDocument(await policyPdf(), { maxPages: Number.NaN })).pageCount).toBe(3);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by user'));
    await expect(extractDocument(await policyPdf(), { signal: controller.signal })).rejects.toThrow(
      'cancelled by user',
    );
  });
});
