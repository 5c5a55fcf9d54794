import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base path, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Answer a missing path with this page of the site (`404.html`) and status 404, as static hosts do. */
  notFoundPage?: string;
}

/** Serves a built site on a free localhost port, under `base` as a static host would. */
export async function serveStatic(dir: string, base = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const serve = sirv(dir, { dev: false, etag: true });
  const notFoundBody = options.notFoundPage ? readFileSync(join(dir, options.notFoundPage)) : 'Not found';
  const notFound = (response: import('node:http').ServerResponse): void => {
    response.statusCode = 404;
    if (options.notFoundPage) response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(notFoundBody);
  };
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(base)) return notFound(response);
    request.url = `/${url.slice(base.length)}`;
    serve(request, response, () => notFound(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
