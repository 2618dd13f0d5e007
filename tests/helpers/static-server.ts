/**
 * A plain static file server on 127.0.0.1, serving a folder under a sub-path as GitHub Pages
 * serves a project's site (`https://owner.github.io/<repository>/`): what the published
 * archive meets, where the preview serves from the root.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

export interface StaticSite {
  /** `http://127.0.0.1:<port><prefix>`, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/** `notFound`: a file of the folder given, with 404, for an address under the prefix with none, as GitHub Pages gives 404.html. */
export async function serveFolder(folder: string, prefix = '/', { notFound }: { notFound?: string } = {}): Promise<StaticSite> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const inside = path.startsWith(prefix) ? normalize(path.slice(prefix.length)) : undefined;
    if (inside === undefined || inside.startsWith('..') || inside.includes(`${sep}..`)) {
      response.writeHead(404).end();
      return;
    }
    const file = join(folder, inside === '.' || inside.endsWith(sep) ? join(inside, 'index.html') : inside);
    const missing = (): void => {
      if (!notFound) return void response.writeHead(404).end();
      readFile(join(folder, notFound)).then(
        (body) => response.writeHead(404, { 'content-type': TYPES[extname(notFound)] ?? 'application/octet-stream' }).end(body),
        () => response.writeHead(404).end(),
      );
    };
    readFile(file).then((body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body), missing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
