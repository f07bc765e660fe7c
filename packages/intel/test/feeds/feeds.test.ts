import { describe, expect, it } from 'vitest';
import { FeedFormatError, parseFeed } from '../../src/feeds/parse.ts';
import { rising, summarizeTrends } from '../../src/feeds/trends.ts';

const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Lab blog</title>
<item><title>Loader returns</title><link>https://lab.example.org/loader</link><guid>post-1</guid>
<pubDate>Mon, 16 Nov 2026 09:00:00 GMT</pubDate>
<description>&lt;p&gt;C2 at &lt;b&gt;evil[.]example&lt;/b&gt;&lt;/p&gt;</description></item>
<item><title>Second</title><link>https://lab.example.org/2</link><pubDate>not a date</pubDate>
<content:encoded><![CDATA[<p>Uses <code>T1059.001</code></p>]]></content:encoded></item>
</channel></rss>`;

const ATOM = `<feed xmlns="http://www.w3.org/2005/Atom"><title>CERT</title>
<entry><id>urn:x:1</id><title type="html">Advisory &amp; notes</title>
<link rel="alternate" href="https://cert.example.org/a1"/><link rel="enclosure" href="https://cert.example.org/a1.pdf"/>
<updated>2026-11-20T10:00:00Z</updated><summary>CVE-2026-1234 exploited</summary></entry></feed>`;

describe('feeds', () => {
  it('reads RSS with markup removed from the text', () => {
    const feed = parseFeed(RSS);
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Lab blog');
    expect(feed.items[0]).toMatchObject({
      key: 'post-1',
      link: 'https://lab.example.org/loader',
      text: 'C2 at evil[.]example',
    });
    expect(feed.items[0]!.published?.toISOString()).toBe('2026-11-16T09:00:00.000Z');
    expect(feed.items[1]).toMatchObject({
      key: 'https://lab.example.org/2',
      published: null,
      text: 'Uses T1059.001',
    });
  });

  it('reads Atom, preferring the alternate link', () => {
    const feed = parseFeed(ATOM);
    expect(feed.kind).toBe('atom');
    expect(feed.items).toEqual([
      {
        key: 'urn:x:1',
        title: 'Advisory & notes',
        link: 'https://cert.example.org/a1',
        published: new Date('2026-11-20T10:00:00Z'),
        text: 'CVE-2026-1234 exploited',
      },
    ]);
  });

  it('reads STIX bundles: reports and indicator patterns become text to extract from', () => {
    const feed = parseFeed(
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--1',
        objects: [
          {
            type: 'indicator',
            id: 'indicator--a',
            name: 'C2',
            pattern: "[ipv4-addr:value = '203.0.113.9']",
            created: '2026-11-01T00:00:00Z',
          },
          {
            type: 'report',
            id: 'report--b',
            name: 'Campaign',
            description: 'Actor used T1566',
            published: '2026-11-02T00:00:00Z',
          },
          { type: 'identity', id: 'identity--c', name: 'ignored' },
        ],
      }),
    );
    expect(feed.kind).toBe('stix');
    expect(feed.items.map((i) => i.key)).toEqual(['indicator--a', 'report--b']);
    expect(feed.items[0]!.text).toContain('203.0.113.9');
  });

  it('refuses what is not a feed, and entity declarations', () => {
    expect(() => parseFeed('{"type":"x"}')).toThrow(FeedFormatError);
    expect(() => parseFeed('{oops')).toThrow(FeedFormatError);
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow(FeedFormatError);
    expect(() =>
      parseFeed(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel><title>&a;</title></channel></rss>',
      ),
    ).toThrow(/entities/);
  });
});

describe('trends', () => {
  it('ranks what rose, with smoothing for first sightings and a minimum count', () => {
    const trends = rising(
      [
        { key: 'T1566', label: 'Phishing', count: 6 },
        { key: 'T1059', label: 'Command and Scripting Interpreter', count: 3 },
        { key: 'T1027', label: 'Obfuscated Files', count: 1 },
        { key: 'T1105', label: 'Ingress Tool Transfer', count: 2 },
      ],
      [
        { key: 'T1566', label: 'Phishing', count: 1 },
        { key: 'T1105', label: 'Ingress Tool Transfer', count: 4 },
      ],
    );
    expect(trends.map((t) => t.key)).toEqual(['T1059', 'T1566']);
    expect(trends[0]).toMatchObject({ current: 3, previous: 0, growth: 4, isNew: true });
    expect(trends[1]).toMatchObject({ growth: 3.5, isNew: false });
  });

  it('writes a summary with figures and rising entities', () => {
    const summary = summarizeTrends({
      periodStart: new Date('2026-11-15T00:00:00Z'),
      periodEnd: new Date('2026-11-22T00:00:00Z'),
      reports: 4,
      newIndicators: [
        { key: 'domain', label: 'domain', count: 3 },
        { key: 'sha256', label: 'sha256', count: 5 },
      ],
      techniques: { current: [{ key: 'T1566', label: 'Phishing', count: 2 }], previous: [] },
      actors: { current: [], previous: [] },
    });
    expect(summary.newIndicators.total).toBe(8);
    expect(summary.newIndicators.byType[0]!.key).toBe('sha256');
    expect(summary.markdown).toContain('# Threat trends 2026-11-15 to 2026-11-22');
    expect(summary.markdown).toContain('- Phishing (T1566): 2 this period, 0 before — new');
    expect(summary.markdown).toContain('## Rising actors\n- none above the threshold');
  });
});
