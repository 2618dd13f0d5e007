/**
 * The search index, made only when the briefing pages may have changed: keyed by what they
 * were made from, so a build that changed nothing neither loads Pagefind nor re-indexes.
 * Search is an addition to pages that work without it: should Pagefind fail (no binary for
 * this system, say), the build warns and goes on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { errorMessage } from '../diagnostics/error-message.js';
import { loadManifest, saveManifest } from './cache.js';
import { SEARCH_DIR } from './site-frame.js';

export interface SearchJob {
  outDir: string;
  force: boolean;
  /** Hash of what the pages were made from, and the last index's. */
  searchKey: string;
  previousKey: string | undefined;
  lang: string;
}

/** Whether the pages changed since the index was made (or it is missing). */
export function searchIndexDue(job: SearchJob): boolean {
  return job.force || job.previousKey !== job.searchKey || !existsSync(join(job.outDir, SEARCH_DIR, 'pagefind.js'));
}

/** Indexes the pages when needed; returns the key the index now answers to, or why there is none. */
export async function refreshSearchIndex(job: SearchJob): Promise<{ key?: string; warning?: Diagnostic }> {
  if (!searchIndexDue(job)) return { key: job.searchKey };
  try {
    const { writeSearchIndex } = await import('./search-index.js');
    await writeSearchIndex(job.outDir, job.lang);
    return { key: job.searchKey };
  } catch (error) {
    return {
      warning: fileDiagnostic(SEARCH_DIR, {
        severity: 'warning',
        rule: 'search-index',
        message: `the search index could not be made: ${errorMessage(error)}`,
        note: 'the pages and their filter work without it; if the disk is full, make room and build again, else reinstall phrg-brief to restore Pagefind',
      }),
    };
  }
}

/**
 * A search index a build left to be made after it (`deferSearch`): by a build that keeps
 * running, which reports the build first and may start the next before this is made.
 */
export class DeferredSearch {
  constructor(
    readonly job: SearchJob,
    private readonly manifestFile: string,
  ) {}

  /** Makes the index (it reads the pages and writes only the index's folder): its key, or why there is none. */
  make(): Promise<{ key?: string; warning?: Diagnostic }> {
    return refreshSearchIndex(this.job);
  }

  /** Records in the build's manifest that the index answers to `key`: a write to the cache, so in a build's turn. */
  async record(key: string): Promise<void> {
    const manifest = await loadManifest(this.manifestFile);
    manifest.searchKey = key;
    await saveManifest(this.manifestFile, manifest);
  }
}
