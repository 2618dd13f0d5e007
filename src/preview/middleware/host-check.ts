/** DNS rebinding: a page elsewhere must not reach the preview under another name. */
import type { Middleware } from './chain.js';
import { sendText } from './chain.js';

/** `allowed` holds `host:port` in lower case; it is filled once the port is known. */
export function hostCheck(allowed: ReadonlySet<string>): Middleware {
  return (request, response, next) => {
    if (allowed.has((request.headers.host ?? '').toLowerCase())) return next();
    sendText(response, 403, 'phrg-brief preview answers only for its own address');
  };
}
