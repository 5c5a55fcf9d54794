import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base path, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves a built site on a free localhost port, under `base` as a static host would. */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const serve = sirv(dir, { dev: false, etag: true });
  const notFound = (response: import('node:http').ServerResponse): void => {
    response.statusCode = 404;
    response.end('Not found');
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
