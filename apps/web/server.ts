/**
 * The web app's production server: Next.js behind a plain HTTP server that records who connected.
 * Next keeps an X-Forwarded-For header as the visitor sent it, and the API believes the web app's
 * header (it calls from loopback), so a visitor could otherwise name the address the API's per-IP
 * limits count. Behind a load balancer, add its address to the API's TRUST_PROXY.
 */
import { createServer } from 'node:http';
import next from 'next';
import { withPeer } from './lib/forwarded-for.ts';

const port = Number(process.env.WEB_PORT ?? 3000);
const app = next({ dev: false, dir: import.meta.dirname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  const chain = withPeer(request.headers['x-forwarded-for'], request.socket.remoteAddress);
  if (chain) request.headers['x-forwarded-for'] = chain;
  else delete request.headers['x-forwarded-for'];
  void handle(request, response);
});
server.listen(port, () => console.log(`web app listening on http://localhost:${port}`));

for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.once(signal, () => server.close(() => process.exit(0)));
