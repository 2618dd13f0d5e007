/**
 * Full-text search over every briefing, attributed points included, with Pagefind: its Node
 * API indexes the briefing pages once they are written (each page marks its briefing with
 * `data-pagefind-body`) and writes the index and its script into `pagefind/`. Pagefind folds
 * accents both ways ("tomas" finds "Tomás"). The index is written beside the old one and
 * swapped in, so a reader never meets half an index.
 */
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SEARCH_DIR } from './site-frame.js';

/** Pages sent to Pagefind at once: enough to keep it busy, few enough to hold in memory. */
const BATCH = 64;

/** Indexes the pages (names relative to `outDir`) into `outDir/pagefind/`. */
export async function writeSearchIndex(outDir: string, pages: readonly string[], lang: string): Promise<void> {
  const pagefind = await import('pagefind');
  const fresh = join(outDir, `.${SEARCH_DIR}.${process.pid}.tmp`);
  const old = join(outDir, `.${SEARCH_DIR}.${process.pid}.old`);
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: lang.split('-')[0]!.toLowerCase(), keepIndexUrl: true });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Pagefind runs as a process of its own: pages are sent a batch at a time, not one by one,
    // and without their <head> (the inlined styles are half of each page and none of its text).
    for (let start = 0; start < pages.length; start += BATCH) {
      await Promise.all(
        pages.slice(start, start + BATCH).map(async (name) => {
          // A page that could not be written this time (its record reports why) is left out.
          const html = await readFile(join(outDir, name), 'utf8').catch(() => undefined);
          if (html === undefined) return;
          // Results link by this address, relative to the site's root (the search page resolves it).
          const added = await index.addHTMLFile({ url: `/${name}`, content: html.replace(/<head>[\s\S]*?<\/head>/, '<head></head>') });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${name}: ${added.errors.join('; ')}`);
        }),
      );
    }
    const written = await index.writeFiles({ outputPath: fresh });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    await rm(old, { recursive: true, force: true });
    await rename(join(outDir, SEARCH_DIR), old).catch(() => undefined);
    await rename(fresh, join(outDir, SEARCH_DIR));
  } finally {
    await rm(fresh, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
    await pagefind.close();
  }
}
