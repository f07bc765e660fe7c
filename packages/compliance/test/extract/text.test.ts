import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.ts';
import { expectConsistent, summary } from './assertions.ts';

const text = `INFORMATION SECURITY POLICY

1. Access Control

Access is granted on a need-to-know
basis and reviewed   quarterly.

1.1 Passwords

- at least 14 characters
- no reuse

2. Encryption

Data at rest is encrypted.\r\n\r\nKeys rotate yearly.
`;

describe('plain text extraction', () => {
  // Capitals and single-number headings are both top level, so a numbered section replaces a capitalised one.
  it('splits paragraphs on blank lines and treats capitals and numbered lines as headings', async () => {
    const doc = await extractDocument(Buffer.from(text));
    expectConsistent(doc);
    expect(doc.format).toBe('text');
    const top = 'INFORMATION SECURITY POLICY';
    expect(summary(doc)).toEqual([
      ['heading', top, top],
      ['heading', '1. Access Control', '1. Access Control'],
      ['paragraph', 'Access is granted on a need-to-know basis and reviewed quarterly.', '1. Access Control'],
      ['heading', '1.1 Passwords', '1. Access Control > 1.1 Passwords'],
      ['list-item', 'at least 14 characters', '1. Access Control > 1.1 Passwords'],
      ['list-item', 'no reuse', '1. Access Control > 1.1 Passwords'],
      ['heading', '2. Encryption', '2. Encryption'],
      ['paragraph', 'Data at rest is encrypted.', '2. Encryption'],
      ['paragraph', 'Keys rotate yearly.', '2. Encryption'],
    ]);
  });

  it('does not take sentences or long numbered lines for headings', async () => {
    const doc = await extractDocument(Buffer.from('1. Employees must lock screens.\n\nNOTE: SEE ANNEX.\n'));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });
});
