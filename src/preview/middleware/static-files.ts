/**
 * The built files themselves: pages with the preview's bar and live-reload script added,
 * everything else streamed as it is. Only files the build wrote are served (files.ts).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FORMAT_IDS } from '../../render/formats.js';
import type { PreviewState } from '../builds.js';
import { resolveRequestPath } from '../files.js';
import { injectPreview, type BarInfo } from '../inject.js';
import type { Middleware } from './chain.js';
import { send, sendText } from './chain.js';

export function staticFiles(outDir: string, state: PreviewState): Middleware {
  const barFor = (slug: string): BarInfo | undefined => {
    const record = state.result?.records.find((r) => r.slug === slug);
    if (!record) return undefined;
    return { slug, formats: FORMAT_IDS, warnings: record.diagnostics.filter((d) => d.severity === 'warning').length, ...(record.draft ? { draft: true } : {}) };
  };

  return async (request, response) => {
    const resolved = await resolveRequestPath(outDir, request.url ?? '/');
    if (!resolved.ok) {
      // A reader who follows a link to a page not made (yet) gets a page, with the way back,
      // and the live reload that brings up the page once a save makes it.
      if (resolved.status === 404 && request.headers.accept?.includes('text/html'))
        return send(response, 404, 'text/html; charset=utf-8', injectPreview(notFoundPage(request.url ?? '/'), undefined), request.method);
      return sendText(response, resolved.status, resolved.status === 404 ? 'not found' : 'refused');
    }
    if (resolved.type.startsWith('text/html')) {
      const html = await readFile(resolved.path, 'utf8');
      return send(response, 200, resolved.type, injectPreview(html, barFor(basename(resolved.path, '.html'))), request.method);
    }
    response.writeHead(200, { 'content-type': resolved.type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    if (request.method === 'HEAD') return void response.end();
    // The file may go between the check and the read (a rebuild removing it): answer, don't crash.
    const stream = createReadStream(resolved.path);
    stream.on('error', () => {
      if (!response.headersSent) response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end();
    });
    stream.pipe(response);
  };
}

function notFoundPage(path: string): string {
  const shown = path.split('?')[0]!.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>Not found</title>\n</head>\n<body>\n<h1>Not found</h1>\n<p>This build has no page at <code>${shown}</code>. <a href="/index.html">All briefings</a></p>\n</body>\n</html>\n`;
}
