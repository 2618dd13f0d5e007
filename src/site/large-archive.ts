/**
 * From how many records an archive is built as a large one: its records rendered on workers
 * alone (pool.ts) and its pages on a worker of their own (site-pages.ts). Below it a worker's
 * start costs more than it saves (measured on 2 cores). PHRG_BRIEF_LARGE_ARCHIVE lowers it, so
 * that the tests build a small archive the way a large one is built.
 */
export const LARGE_ARCHIVE = Number(process.env.PHRG_BRIEF_LARGE_ARCHIVE) || 2000;
