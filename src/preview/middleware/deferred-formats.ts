/**
 * Formats the preview builds on first request (a save rebuilds the pages only): a request for
 * one of them, or for the feed, waits until they are up to date. A format the project does not
 * build (Word, say) is added to them when it is first asked for.
 */
import { FORMATS, type Format } from '../../render/formats.js';
import { onRequestRoute } from '../files.js';
import type { Middleware } from './chain.js';
import { pathOf } from './chain.js';
import { escapeHtml } from '../overlay.js';
import { decodedComponent } from '../../compose/body.js';
import { RESERVED_SLUGS } from '../../validate/schema.js';

const ON_REQUEST = onRequestRoute(FORMATS);

/** `bringUpToDate` answers with the slugs whose files are out of date, their records having errors. */
export function deferredFormats(bringUpToDate: (format: Format | undefined) => Promise<ReadonlySet<string>>): Middleware {
  return async (request, response, next) => {
    const path = pathOf(request);
    if (ON_REQUEST.test(path)) {
      const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
      const outOfDate = await bringUpToDate(FORMATS.find((format) => format.extension === extension)?.id);
      const name = path.slice(path.lastIndexOf('/') + 1);
      const slug = decodedComponent(name.slice(0, name.lastIndexOf('.')));
      // The archive's own files (the feed, briefings.json) are no record's, whatever a record asked to be named.
      if (outOfDate.has(slug) && !RESERVED_SLUGS.includes(slug)) {
        // An earlier build's file would be served as the record's: the page says what is wrong.
        response.writeHead(409, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          `<!DOCTYPE html><html lang="en-GB"><meta charset="utf-8"><title>Out of date</title><p>${escapeHtml(name)} is not served: its record has errors, and the file is an earlier build’s. <a href="${escapeHtml(encodeURIComponent(slug))}.html">See the errors on its page</a>; it is made again once they are mended.</p></html>`,
        );
        return;
      }
    }
    return next();
  };
}
