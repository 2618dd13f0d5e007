/**
 * Live reload: open pages hold a server-sent event stream (the script inject.ts adds), and
 * every finished rebuild tells them to reload.
 */
import type { ServerResponse } from 'node:http';
import { EVENTS_PATH } from '../inject.js';
import type { Middleware } from './chain.js';

export class LiveReload {
  private readonly clients = new Set<ServerResponse>();

  readonly middleware: Middleware = (request, response, next) => {
    if (request.url !== EVENTS_PATH) return next();
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  };

  broadcast(): void {
    for (const client of this.clients) client.write(`event: reload\ndata: ${Date.now()}\n\n`);
  }

  /** Ends every stream, so that the server can close. */
  close(): void {
    for (const client of this.clients) client.end();
  }
}
