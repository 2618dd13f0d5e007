/**
 * The search index (pagefind/), made behind the builds (search-behind.ts): a request for it
 * waits until it is made, so that a reader's first search, or one just after a save, finds the
 * index of the pages served rather than none or an older one.
 */
import type { Middleware } from './chain.js';
import { pathOf } from './chain.js';

export function searchIndex(made: () => Promise<void>): Middleware {
  return async (request, _response, next) => {
    if (pathOf(request).startsWith('/pagefind/')) await made();
    return next();
  };
}
