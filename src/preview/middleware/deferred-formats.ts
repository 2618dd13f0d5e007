/**
 * Formats the preview builds on first request (a save rebuilds the pages only): a request for
 * one of them, or for the feed, waits until they are up to date. A format the project does not
 * build (Word, say) is added to them when it is first asked for.
 */
import { FORMATS, type Format } from '../../render/formats.js';
import { onRequestRoute } from '../files.js';
import type { Middleware } from './chain.js';
import { pathOf } from './chain.js';

const ON_REQUEST = onRequestRoute(FORMATS);

export function deferredFormats(bringUpToDate: (format: Format | undefined) => Promise<void>): Middleware {
  return async (request, _response, next) => {
    const path = pathOf(request);
    if (ON_REQUEST.test(path)) {
      const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
      await bringUpToDate(FORMATS.find((format) => format.extension === extension)?.id);
    }
    return next();
  };
}
