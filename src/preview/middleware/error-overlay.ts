/**
 * The error overlay: the page of a record (or, for the config, every page) that has errors is
 * answered with its diagnostics and the source around them, until it is fixed.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { decodeRecord } from '../../load/decode.js';
import type { PreviewState } from '../builds.js';
import { injectPreview } from '../inject.js';
import { overlayPage } from '../overlay.js';
import type { Middleware } from './chain.js';
import { pathOf, send } from './chain.js';

export function errorOverlay(state: PreviewState, cwd: string): Middleware {
  const sourceOf = async (file: string): Promise<string | undefined> => {
    try {
      const decoded = decodeRecord(await readFile(resolve(cwd, file)));
      return decoded.ok ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  };

  /** The text of each file the diagnostics name: a record's error may be its template's, framed in the template. */
  const sourcesOf = async (diagnostics: readonly Diagnostic[]): Promise<Map<string, string>> => {
    const files = [...new Set(diagnostics.map((d) => d.file))];
    const texts = await Promise.all(files.map(sourceOf));
    return new Map(files.flatMap((file, i) => (texts[i] === undefined ? [] : [[file, texts[i]!] as const])));
  };

  const overlayFor = async (path: string): Promise<string | undefined> => {
    // The config's, or the build's own (a broken template): every page is made from them, the
    // front page (`/`) among them.
    for (const problems of [state.configProblems, state.result?.diagnostics ?? []]) {
      const first = problems.find((d) => d.severity === 'error');
      if (first && (path.endsWith('.html') || path.endsWith('/'))) {
        const own = problems.filter((d) => d.file === first.file);
        return overlayPage(first.file, own, await sourcesOf(own));
      }
    }
    const records = state.result?.records ?? [];
    for (const record of records) {
      if (!hasErrors(record.diagnostics)) continue;
      const slug = state.slugs.get(record.file);
      if (path === `/${slug}.html` || (records.length === 1 && (path === '/' || path === '/index.html'))) {
        return overlayPage(record.file, record.diagnostics, await sourcesOf(record.diagnostics));
      }
    }
    return undefined;
  };

  return async (request, response, next) => {
    const overlay = await overlayFor(pathOf(request));
    if (!overlay) return next();
    send(response, 200, 'text/html; charset=utf-8', injectPreview(overlay, undefined), request.method);
  };
}
