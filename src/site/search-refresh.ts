/**
 * The search index, made only when the briefing pages may have changed: keyed by what they
 * were made from, so a build that changed nothing neither loads Pagefind nor re-indexes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_DIR } from './site-frame.js';

export interface SearchJob {
  outDir: string;
  force: boolean;
  /** Hash of what the pages were made from, and the last index's. */
  searchKey: string;
  previousKey: string | undefined;
  lang: string;
}

/** Indexes the pages when needed; returns the key the index now answers to. */
export async function refreshSearchIndex(job: SearchJob): Promise<string> {
  if (!job.force && job.previousKey === job.searchKey && existsSync(join(job.outDir, SEARCH_DIR, 'pagefind.js'))) return job.searchKey;
  const { writeSearchIndex } = await import('./search-index.js');
  await writeSearchIndex(job.outDir, job.lang);
  return job.searchKey;
}
