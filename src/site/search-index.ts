/**
 * Full-text search over every briefing, attributed points included, with Pagefind: its Node
 * API indexes the briefing pages once they are written (each page marks its briefing with
 * `data-pagefind-body`; the archive's own pages have none and are left out) and writes the
 * index and its script into `pagefind/`. Pagefind folds accents both ways ("tomas" finds
 * "Tomás"). The index is written beside the old one and swapped in, so a reader never meets
 * half an index.
 */
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SEARCH_DIR } from './site-frame.js';

/** The index last asked for in this process, settled either way. */
let last: Promise<unknown> = Promise.resolve();

/**
 * Indexes the briefing pages of `outDir` into `outDir/pagefind/`. One index at a time in a
 * process: Pagefind's Node API runs one service for the whole process, and `close()` ends it
 * under every index still being made on it (a preview's two builds, an index made behind a
 * rebuild, a test run's many builds), which then waits for an answer that never comes.
 */
export function writeSearchIndex(outDir: string, lang: string): Promise<void> {
  const turn = last.then(() => makeSearchIndex(outDir, lang));
  last = turn.catch(() => undefined);
  return turn;
}

async function makeSearchIndex(outDir: string, lang: string): Promise<void> {
  const pagefind = await import('pagefind');
  const fresh = join(outDir, `.${SEARCH_DIR}.${process.pid}.tmp`);
  const old = join(outDir, `.${SEARCH_DIR}.${process.pid}.old`);
  try {
    const { index, errors } = await unlessStranded(pagefind.createIndex({ forceLanguage: lang.split('-')[0]!.toLowerCase(), keepIndexUrl: true }));
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Pagefind reads the folder itself, in its own threads and in a fixed order, so the same
    // pages give the same index, byte for byte. Results link by `/<slug>.html`, which the
    // search page resolves against the site's root.
    const added = await unlessStranded(index.addDirectory({ path: outDir, glob: '*.html' }));
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the pages: ${added.errors.join('; ')}`);
    const written = await unlessStranded(index.writeFiles({ outputPath: fresh }));
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

/**
 * `work`, or an error when the process would end while it is pending. Pagefind's Node API
 * waits on its backend process for ever once that has died (a full disk makes it panic): the
 * build then had nothing left to run and ended at once, with code 13 and no word of its own.
 */
function unlessStranded<T>(work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stranded = (): void => reject(new Error('Pagefind stopped before it had finished (its own message, if it gave one, is above)'));
    process.once('beforeExit', stranded);
    work.then(resolve, reject).finally(() => process.off('beforeExit', stranded));
  });
}
