/**
 * Maps a request path to a file the preview built, refusing anything else: `..` in any
 * spelling, encoded slashes and backslashes, NUL bytes, absolute paths, and symbolic links
 * that lead out of the output folder.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, extname, join, posix, sep } from 'node:path';
import { FORMATS, type FormatSpec } from '../render/formats.js';

/** Types of the files the site itself writes beside the briefings. */
const SITE_FILE_TYPES: Record<string, string> = {
  // The sitemap; the feed (feed.xml) is Atom, below.
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  // The pages' fonts, and the search's script and index (Pagefind).
  '.woff2': 'font/woff2',
  '.js': 'text/javascript; charset=utf-8',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Extension → content type for every file the preview serves; anything else is a 404. */
export function contentTypes(formats: readonly FormatSpec[]): Record<string, string> {
  return Object.fromEntries([...formats.map((format) => [`.${format.extension}`, format.contentType]), ...Object.entries(SITE_FILE_TYPES)]);
}

/**
 * The request paths the preview brings up to date before serving: the formats built on
 * request, and the feed (made only by a build of every format). Only the site's top level,
 * where briefings and the feed are: the search index's own JSON (pagefind/) waits only for the
 * index (middleware/search-index.ts), and waiting for every record's PDF too would hold up a
 * reader's first search.
 */
export function onRequestRoute(formats: readonly FormatSpec[]): RegExp {
  const extensions = [...formats.filter((format) => format.preview === 'on-request').map((format) => format.extension), 'xml'];
  return new RegExp(`^/[^/]+\\.(?:${extensions.join('|')})$`, 'i');
}

export const CONTENT_TYPES = contentTypes(FORMATS);

export type Resolved = { ok: true; path: string; type: string } | { ok: false; status: 400 | 403 | 404 };

export async function resolveRequestPath(root: string, rawPath: string): Promise<Resolved> {
  const pathname = rawPath.split('?')[0]!.split('#')[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // Decoding once must give plain text: "%252e" would decode again to "%2e" elsewhere.
  if (/%[0-9a-f]{2}/i.test(decoded) || decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return { ok: false, status: 400 };
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return { ok: false, status: 403 };
  let relative = posix.normalize(decoded).replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';

  const candidate = join(root, ...relative.split('/'));
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (realFile !== realRoot && !realFile.startsWith(realRoot + sep)) return { ok: false, status: 403 };
    if (!(await stat(realFile)).isFile()) return { ok: false, status: 404 };
    const type = basename(realFile) === 'feed.xml' ? 'application/atom+xml; charset=utf-8' : CONTENT_TYPES[extname(realFile).toLowerCase()];
    if (!type) return { ok: false, status: 404 };
    return { ok: true, path: realFile, type };
  } catch {
    return { ok: false, status: 404 };
  }
}
