/** The preview only serves: anything but GET and HEAD is refused. */
import type { Middleware } from './chain.js';

export const readOnlyMethods: Middleware = (request, response, next) => {
  if (request.method === 'GET' || request.method === 'HEAD') return next();
  response.writeHead(405, { allow: 'GET, HEAD' });
  response.end();
};
