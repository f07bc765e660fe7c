import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback server answering fixed bodies by path, counting requests: a stand-in for feed publishers. */
export async function startFeedServer(
  routes: Record<string, { type: string; body: string; delayMs?: number }>,
) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    const answer = () => res.writeHead(200, { 'content-type': route.type }).end(route.body);
    if (route.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    routes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const RSS = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example research blog</title>
<item><guid>post-1</guid><title>Loader campaign hits logistics firms</title><link>https://research.example.org/post-1</link>
<pubDate>Mon, 16 Nov 2026 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Spearphishing attachments (T1566.001) delivered a loader that beacons to update-check[.]xyz and 203.0.113.77 is not used. The dropper hash is 44d88612fea8a8f36de82e1278abb02f.&lt;/p&gt;</description></item>
<item><guid>post-2</guid><title>Second wave with PowerShell</title><link>https://research.example.org/post-2</link>
<pubDate>Tue, 17 Nov 2026 09:00:00 GMT</pubDate>
<description>The second wave again used spearphishing attachments (T1566.001) and PowerShell (T1059.001); it contacted cdn-sync[.]top over HTTPS.</description></item>
</channel></rss>`;

export const STIX = JSON.stringify({
  type: 'bundle',
  id: 'bundle--6b1a3c1e-8c0e-4a8e-9a52-9f7a9d3b2c11',
  objects: [
    {
      type: 'report',
      id: 'report--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061',
      spec_version: '2.1',
      created: '2026-11-18T10:00:00.000Z',
      modified: '2026-11-18T10:00:00.000Z',
      name: 'Credential phishing kit',
      description:
        'The kit reuses spearphishing attachments (T1566.001) and exfiltrates to login-verify[.]click.',
      published: '2026-11-18T10:00:00.000Z',
      object_refs: ['identity--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0062'],
    },
  ],
});

const indicator = (n: number, domain: string) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--0c7b5b88-8ff7-4a4d-aa9d-feb398cd007${n}`,
  created: '2026-11-18T10:00:00.000Z',
  modified: '2026-11-18T10:00:00.000Z',
  name: `C2 domain ${n}`,
  pattern: `[domain-name:value = '${domain}']`,
  pattern_type: 'stix',
  valid_from: '2026-11-18T10:00:00.000Z',
});

export const INDICATOR_BUNDLE = JSON.stringify({
  type: 'bundle',
  id: 'bundle--6b1a3c1e-8c0e-4a8e-9a52-9f7a9d3b2c12',
  objects: [indicator(1, 'relay-one.xyz'), indicator(2, 'relay-two.top')],
});

/** An item with nothing but a link the reports service refuses (not http). */
export const LINK_ONLY_RSS = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Odd feed</title>
<item><guid>odd-1</guid><title></title><link>ftp://files.example.org/notes.txt</link></item>
</channel></rss>`;
