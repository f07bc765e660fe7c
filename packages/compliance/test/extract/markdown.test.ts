import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.ts';
import { expectConsistent, summary } from './assertions.ts';

const markdown = `---
title: "Security Handbook"
owner: it
---

# Access Control

All staff **must** use [multi-factor authentication](https://example.com/mfa "MFA")
and _never_ share credentials. Keep \`snake_case\` and file_names_like_this intact.

Passwords
---------

- At least 14 characters
* [x] No reuse of the last \\*5\\* passwords
1. Rotated on compromise
   with immediate effect

> ## Quoted heading
> Quoted text with ![diagram](d.png) and <https://acme.example>.

\`\`\`yaml
mfa: required
\`\`\`

| Control | Owner |
|---------|:-----:|
| Access review | IT \\| Security |

<!-- reviewer note:
not for publication -->
Cookies &amp; tracking are described elsewhere.[^1]

[ref]: https://example.com
`;

describe('Markdown extraction', () => {
  it('reads headings (ATX and setext), paragraphs, list items, tables and code', async () => {
    const doc = await extractDocument(Buffer.from(markdown), { declaredType: 'text/markdown' });
    expectConsistent(doc);
    expect(doc.format).toBe('markdown');
    expect(doc.title).toBe('Security Handbook');
    const ac = 'Access Control';
    const pw = `${ac} > Passwords`;
    const quoted = `${ac} > Quoted heading`;
    expect(summary(doc)).toEqual([
      ['heading', 'Access Control', ac],
      [
        'paragraph',
        'All staff must use multi-factor authentication and never share credentials. Keep snake_case and file_names_like_this intact.',
        ac,
      ],
      ['heading', 'Passwords', pw],
      ['list-item', 'At least 14 characters', pw],
      ['list-item', 'No reuse of the last *5* passwords', pw],
      ['list-item', 'Rotated on compromise with immediate effect', pw],
      ['heading', 'Quoted heading', quoted],
      ['paragraph', 'Quoted text with diagram and https://acme.example.', quoted],
      ['paragraph', 'mfa: required', quoted],
      ['table-cell', 'Control', quoted],
      ['table-cell', 'Owner', quoted],
      ['table-cell', 'Access review', quoted],
      ['table-cell', 'IT | Security', quoted],
      ['paragraph', 'Cookies & tracking are described elsewhere.', quoted],
    ]);
  });

  it('keeps code span contents literal and strips closing hashes of headings', async () => {
    const doc = await extractDocument(
      Buffer.from('## Keys ##\n\nRun `rotate --all *keys*` and see C# notes.\n\n## C#\n'),
    );
    expect(summary(doc)).toEqual([
      ['heading', 'Keys', 'Keys'],
      ['paragraph', 'Run rotate --all *keys* and see C# notes.', 'Keys'],
      ['heading', 'C#', 'C#'],
    ]);
  });
});
