import { createServer } from 'node:http';
import type { BenchPage } from './pages';

export interface PageServer {
  origin: string;
  urlOf(page: BenchPage): string;
  close(): Promise<void>;
}

/**
 * Serves the bench pages from memory on 127.0.0.1 (never another interface).
 * Anything else is a 404 at once: the pages' relative stylesheets and images
 * do not exist here, and waiting for them would only slow every load.
 */
export async function servePages(pages: readonly BenchPage[]): Promise<PageServer> {
  const bodies = new Map(pages.map((page) => [`/${page.name}.html`, Buffer.from(page.html, 'utf8')]));
  const server = createServer((request, response) => {
    const body = bodies.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    // The header's charset wins over the page's own <meta>: qq.html is UTF-8 but says gb2312.
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bench server has no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    urlOf: (page) => `${origin}/${page.name}.html`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
