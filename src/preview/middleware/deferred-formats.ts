/**
 * Formats the preview builds on first request (a save rebuilds the pages only): a request for
 * one of them, or for the feed, waits until they are up to date.
 */
import { FORMATS } from '../../render/formats.js';
import { onRequestRoute } from '../files.js';
import type { Middleware } from './chain.js';
import { pathOf } from './chain.js';

const ON_REQUEST = onRequestRoute(FORMATS);

export function deferredFormats(bringUpToDate: () => Promise<void>): Middleware {
  return async (request, _response, next) => {
    if (ON_REQUEST.test(pathOf(request))) await bringUpToDate();
    return next();
  };
}
