import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const PRODUCT_PAGE = `<!doctype html><html lang="en"><head>
<title>Acme Widgets - industrial widgets</title>
<meta name="description" content="Acme Widgets makes durable industrial widgets for factories in Europe and Asia.">
<meta property="og:site_name" content="Acme">
<script>var tracking = "do not read me";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav></header>
<main>
<h1>Acme Widgets</h1>
<p>Acme Widgets are durable industrial widgets built for factories that run around the clock.</p>
<h2>Materials</h2>
<p>Every widget is machined from marine-grade stainless steel and tested for ten thousand cycles.</p>
<ul><li>Stainless steel body</li><li>Ten year warranty</li></ul>
<h2>How long does delivery take?</h2>
<p>Orders ship within five working days from our warehouse in Rotterdam.</p>
<dl><dt>Do you ship to Asia?</dt><dd>Yes, Acme ships to Japan, Korea and Singapore.</dd></dl>
</main>
<footer><p>Copyright Acme. Cookie settings.</p></footer>
</body></html>`;

export const ABOUT_PAGE = `<!doctype html><html lang="en"><head><title>About Acme</title></head><body>
<article><h1>About Acme</h1><p>Acme was founded in 1999 in Rotterdam and employs two hundred people.</p>
<h2>Who are Acme's customers?</h2><p>Car makers, food processors and packaging plants.</p></article></body></html>`;

export interface SiteServer {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

/**
 * A small website on loopback: two readable pages, a robots.txt that disallows /private for our
 * crawler only, a page that never finishes, a page larger than the crawl limit, and a PDF.
 */
export async function startSite(options: { robots?: string | number } = {}): Promise<SiteServer> {
  const hits: string[] = [];
  const open = new Set<ServerResponse>();
  const robots = options.robots ?? 'User-agent: AssayBot\nDisallow: /private\n\nUser-agent: *\nAllow: /\n';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    hits.push(`${req.url} ${req.headers['user-agent']}`);
    const html = (body: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    switch (req.url) {
      case '/robots.txt':
        if (typeof robots === 'number') {
          res.writeHead(robots);
          return res.end('error');
        }
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(robots);
      case '/widgets':
        return html(PRODUCT_PAGE);
      case '/about':
        return html(ABOUT_PAGE);
      case '/private/secret':
        return html(
          '<html><body><main><h1>Secret</h1><p>Not for crawlers at all, really.</p></main></body></html>',
        );
      case '/slow':
        open.add(res);
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><p>Still');
        return; // never ends
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(`<html><body><p>${'x'.repeat(3 * 1024 * 1024)}</p></body></html>`);
      case '/moved':
        res.writeHead(302, { location: '/private/secret' });
        return res.end();
      case '/renamed':
        res.writeHead(301, { location: '/about' });
        return res.end();
      case '/file.pdf':
        res.writeHead(200, { 'content-type': 'application/pdf' });
        return res.end('%PDF-1.4');
      case '/llms.txt':
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('# Acme\n\n> Widgets.\n');
      case '/widgets.md':
        res.writeHead(200, { 'content-type': 'text/markdown' });
        return res.end('# Acme Widgets\n\nDurable industrial widgets.\n');
      default:
        res.writeHead(404, { 'content-type': 'text/html' });
        return res.end('<html><body>Not found</body></html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
