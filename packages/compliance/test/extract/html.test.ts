import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.ts';
import { expectConsistent, summary } from './assertions.ts';

const page = `<!doctype html>
<html><head><title>Acme &amp; Co Security</title><style>p { color: red }</style>
<script>document.write("<p>injected</p>")</script></head>
<body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<h1>Security Policy</h1>
<p>Acme&nbsp;protects   customer <b>data</b>&#8212;always.<br>Reviewed yearly.</p>
<h2>Access Control</h2>
<ul><li>MFA for <em>all</em> staff</li><li>Quarterly reviews<ul><li>Admins monthly</li></ul></li></ul>
<noscript><p>Enable JavaScript</p></noscript>
<h3>Exceptions</h3><p>Approved by the CISO.</p>
<h2>Encryption</h2>
<table><tr><th>Data</th><th>Cipher</th></tr><tr><td>At rest</td><td>AES-256</td></tr></table>
<div>Loose text in a div
</body></html>`;

describe('HTML extraction', () => {
  it('builds heading paths from h1-h6 and reads paragraphs, list items and cells', async () => {
    const doc = await extractDocument(Buffer.from(page));
    expectConsistent(doc);
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('Acme & Co Security');
    const p = 'Security Policy';
    expect(summary(doc)).toEqual([
      ['heading', 'Security Policy', p],
      ['paragraph', 'Acme protects customer data—always. Reviewed yearly.', p],
      ['heading', 'Access Control', `${p} > Access Control`],
      ['list-item', 'MFA for all staff', `${p} > Access Control`],
      ['list-item', 'Quarterly reviews', `${p} > Access Control`],
      ['list-item', 'Admins monthly', `${p} > Access Control`],
      ['heading', 'Exceptions', `${p} > Access Control > Exceptions`],
      ['paragraph', 'Approved by the CISO.', `${p} > Access Control > Exceptions`],
      ['heading', 'Encryption', `${p} > Encryption`],
      ['table-cell', 'Data', `${p} > Encryption`],
      ['table-cell', 'Cipher', `${p} > Encryption`],
      ['table-cell', 'At rest', `${p} > Encryption`],
      ['table-cell', 'AES-256', `${p} > Encryption`],
      ['paragraph', 'Loose text in a div', `${p} > Encryption`],
    ]);
    expect(doc.text).not.toMatch(/injected|Enable JavaScript|Home|color/);
  });

  it('uses the first h1 as title when there is no <title>', async () => {
    const doc = await extractDocument(
      Buffer.from('<html><body><h1>Privacy Notice</h1><p>We collect little.</p></body></html>'),
    );
    expect(doc.title).toBe('Privacy Notice');
  });
});
