/**
 * The preview's request handling as a chain of middlewares, one a file (as Vite and connect
 * arrange theirs): each answers the request or passes it on with `next()`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Next = () => Promise<void>;
export type Middleware = (request: IncomingMessage, response: ServerResponse, next: Next) => Promise<void> | void;

/** One handler running the middlewares in order; the last `next()` answers 404. */
export function chain(middlewares: readonly Middleware[]): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return (request, response) => {
    const at = async (index: number): Promise<void> => {
      const middleware = middlewares[index];
      if (!middleware) return sendText(response, 404, 'not found');
      await middleware(request, response, () => at(index + 1));
    };
    return at(0);
  };
}

/** The request's path, without its query. */
export const pathOf = (request: IncomingMessage): string => (request.url ?? '/').split('?')[0]!;

/** A whole body, never cached (every answer may change with the next save). */
export function send(response: ServerResponse, status: number, type: string, body: string, method: string | undefined): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  response.end(method === 'HEAD' ? undefined : body);
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}
