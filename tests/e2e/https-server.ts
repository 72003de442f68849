import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One answer of the test server. */
export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpsServer {
  origin: string;
  /** What each path answers; change it between requests. Unknown paths answer 404. */
  routes: Map<string, Route>;
  /** The request headers of every request, in order, by path. */
  requests: { path: string; headers: Record<string, string | string[] | undefined> }[];
  close(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1, made with openssl (Debian's ca-certificates depends on it). */
async function selfSignedCertificate(): Promise<{ key: Buffer; cert: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'crossread-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) };
  } catch (error) {
    throw new Error(`The dataset-update tests need openssl to make a test certificate: ${String(error)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * An https server on 127.0.0.1 that answers from a route table, for the
 * dataset-update tests (Crossread accepts https dataset URLs only). The
 * browser must be started with --ignore-certificate-errors to trust it.
 */
export async function serveHttps(): Promise<HttpsServer> {
  const routes = new Map<string, Route>();
  const requests: HttpsServer['requests'] = [];
  const server = createServer(await selfSignedCertificate(), (request, response) => {
    const path = new URL(request.url ?? '/', 'https://127.0.0.1').pathname;
    requests.push({ path, headers: request.headers });
    const route = routes.get(path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(route.status ?? 200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...route.headers,
    });
    response.end(route.body ?? '');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    origin: `https://127.0.0.1:${address.port}`,
    routes,
    requests,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
