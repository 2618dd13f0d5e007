/**
 * The site files made from every published briefing: the pages (index, tags, feed) from
 * their summaries, briefings.json and the person pages from their entries, and the search
 * index from the pages. Each group is keyed by what it is made from and made again only when
 * that changed or a file of it went missing: an edit to a record's points rewrites
 * briefings.json but leaves the other pages be.
 */
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { TemplateError } from '../compose/template-files.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { internalError, templateDiagnostic, writeErrorDiagnostic } from '../diagnostics/errors.js';
import { displayPath } from '../diagnostics/paths.js';
import type { BriefingSummary } from '../render/summary-schema.js';
import { writeChunksAtomic } from '../write/atomic.js';
import { archiveData, ARCHIVE_DATA } from './archive-data.js';
import { outputsExist, type CacheEntry, type Manifest } from './cache.js';
import type { SiteState } from './cache-update.js';
import type { PackReader, PackWriter } from './entry-pack.js';
import { lastCommitDates } from './git-dates.js';
import { newestFirst } from './model.js';
import { removeOutputs } from './output-folder.js';
import type { SiteSettings } from './pages.js';
import { refreshSearchIndex, searchIndexDue, type SearchJob } from './search-refresh.js';
import { SEARCH_DIR } from './site-frame.js';

export interface SiteFilesJob {
  cwd: string;
  outDir: string;
  config: ResolvedConfig;
  /** The build's settings key. */
  settings: string;
  force: boolean;
  drafts: boolean;
  /** Whether the briefings have pages (and so the site a search index). */
  htmlPages: boolean;
  /** This build's cache entries, and the last build's manifest. */
  records: Manifest['records'];
  previous: Manifest;
  /** The pack holding every briefing's entry and summary. */
  entries: PackReader | PackWriter | undefined;
  /** Leave a due search index to the caller (`SiteFiles.search`), to make once the build is reported. */
  deferSearch?: boolean;
  /** Each record's last commit date (git-dates.ts), asked for when the build began; else asked for here. */
  commits?: Promise<ReadonlyMap<string, string>>;
}

export interface SiteFiles {
  /** What the manifest keeps of them. */
  state: SiteState;
  /** Site files no longer made, removed (as the user sees them). */
  removed: string[];
  diagnostics: Diagnostic[];
  /** A search index due and left to the caller (with `deferSearch`); `state` keeps the old key meanwhile. */
  search?: SearchJob;
}

export async function writeSiteFiles(job: SiteFilesJob): Promise<SiteFiles> {
  const { config, cwd, outDir, previous, entries, force } = job;
  const site = siteSettings(config);
  const published = Object.entries(job.records)
    .filter(([, entry]) => entry.date !== undefined && (job.drafts || !entry.draft))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Each entry's `updated` in the feed: its record's last commit, from one git call.
  const commits = await (job.commits ?? lastCommitDates(cwd));
  const committed: Record<string, string> = {};
  for (const [source, entry] of published) {
    const date = commits.get(source.split(sep).join('/'));
    if (date && entry.slug) committed[entry.slug] = date;
  }
  const siteKey = createHash('sha256')
    .update(job.settings)
    .update(JSON.stringify(site))
    .update(JSON.stringify(committed))
    .update(published.map(([source, entry]) => `${source}\u0000${entry.summaryKey ?? entry.key}`).join('\n'))
    .digest('hex');
  const dataKey = createHash('sha256')
    .update(job.settings)
    .update(JSON.stringify(site)) // the person pages are made with it
    .update(published.map(([source, entry]) => `${source}\u0000${entry.key}`).join('\n'))
    .digest('hex');
  const previousData = [ARCHIVE_DATA, ...(previous.dataFiles ?? [])];
  const previousPages = previous.siteFiles.filter((name) => !previousData.includes(name));
  const result: SiteFiles = { state: { siteFiles: previous.siteFiles }, removed: [], diagnostics: [] };
  // With the last pack gone and no render this time to start another (every render failed,
  // or only some records were asked for), no briefing's summary or entry can be had: the site
  // files stay as they were, and the next build, which renders every record again, makes them.
  if (published.length > 0 && entries === undefined) return result;
  const remove = (names: readonly string[]): void => void result.removed.push(...removeOutputs(outDir, names, cwd));
  // The search index reads only the briefing pages, all written by now: Pagefind, a process
  // of its own, indexes them while this thread makes the site's pages beside it.
  const searchKey = createHash('sha256').update(dataKey).update(siteKey).digest('hex');
  const searching = searchIndex(job, searchKey, published.length > 0, result).catch((error: unknown) => ({
    key: undefined,
    warning: siteFailure(error, outDir, cwd),
  }));
  try {
    let pages = previousPages;
    if (force || previous.siteKey !== siteKey || !outputsExist(outDir, previousPages)) {
      const places = published.map(([, entry]) => entry.entry!);
      const { writeSitePages } = await import('./site-pages.js');
      pages = await writeSitePages({ pack: entries?.path, places, templatesDir: config.templatesDir, site, outDir, committed });
      remove(previousPages.filter((name) => !pages.includes(name)));
    }
    let dataFiles = previous.dataFiles ?? [];
    if (force || previous.dataKey !== dataKey || !outputsExist(outDir, [ARCHIVE_DATA, ...dataFiles])) {
      const ordered = published
        .map(([, entry]) => entry)
        .sort((a, b) => newestFirst({ date: a.date!, slug: a.slug ?? '' }, { date: b.date!, slug: b.slug ?? '' }));
      // The person pages list points, so they are made with briefings.json, not with the other pages.
      const people = await writePeople(ordered, entries, { config, site, outDir });
      remove(dataFiles.filter((name) => !people.includes(name)));
      dataFiles = people;
      await writeBriefingsJson(ordered, entries, outDir);
    }
    result.state = { siteFiles: [...pages, ARCHIVE_DATA, ...dataFiles], siteKey, dataKey, dataFiles };
  } catch (error) {
    // A broken index or feed template is reported like any other; the briefings still stand.
    result.diagnostics.push(error instanceof TemplateError ? templateDiagnostic(error, cwd) : siteFailure(error, outDir, cwd));
  }
  const searched = await searching;
  if (searched.key) result.state.searchKey = searched.key;
  else if (result.search && previous.searchKey !== undefined) result.state.searchKey = previous.searchKey;
  if (searched.warning) result.diagnostics.push(searched.warning);
  return result;
}

/**
 * The search index, made again only when a briefing's page is; removed when turned off
 * (site.search: false), when the build makes no pages, or when no briefing is left. With `deferSearch`, a due index is left in `result.search` and the
 * manifest keeps the last index's key until it is made: should it never be, the next build
 * makes it.
 */
async function searchIndex(job: SiteFilesJob, searchKey: string, anyBriefing: boolean, result: SiteFiles): Promise<{ key?: string; warning?: Diagnostic }> {
  const { config, outDir, previous, force } = job;
  // Turned off, no briefing page made this time (`--format docx` alone), or no briefing left
  // (the last record deleted): an index an earlier build made would find pages that are gone.
  if (!config.site.search || !job.htmlPages || !anyBriefing) {
    if (previous.searchKey !== undefined || existsSync(join(outDir, SEARCH_DIR))) rmSync(join(outDir, SEARCH_DIR), { recursive: true, force: true });
    return {};
  }
  const searchJob: SearchJob = { outDir, force, searchKey, previousKey: previous.searchKey, lang: config.site.lang };
  if (job.deferSearch && searchIndexDue(searchJob)) {
    result.search = searchJob;
    return {};
  }
  return refreshSearchIndex(searchJob);
}

/** The person pages, made from the briefings' entries; returns the files written. */
async function writePeople(
  ordered: readonly CacheEntry[],
  entries: PackReader | PackWriter | undefined,
  where: { config: ResolvedConfig; site: SiteSettings; outDir: string },
): Promise<string[]> {
  const { writePersonPages } = await import('./person-pages.js');
  const { fullDate } = await import('../compose/helpers.js');
  const briefings = function* (): Generator<BriefingSummary> {
    for (const entry of ordered) if (entries && entry.entry) yield JSON.parse(entries.read(entry.entry).toString('utf8')) as BriefingSummary;
  };
  return writePersonPages(briefings(), { templatesDir: where.config.templatesDir, site: where.site, outDir: where.outDir, dateText: fullDate });
}

/** briefings.json, each entry read as it is written: the archive's data is never whole in memory. */
async function writeBriefingsJson(ordered: readonly CacheEntry[], entries: PackReader | PackWriter | undefined, outDir: string): Promise<void> {
  const read = function* (): Generator<Uint8Array> {
    for (const entry of ordered) {
      if (!entries || !entry.entry) throw new Error('a briefing has no entry in the build cache; build again with --force');
      yield entries.read(entry.entry);
    }
  };
  await writeChunksAtomic(join(outDir, ARCHIVE_DATA), archiveData(read()));
}

export function siteSettings(config: ResolvedConfig): SiteSettings {
  return { title: config.site.title, lang: config.site.lang, ...(config.site.baseUrl ? { baseUrl: config.site.baseUrl } : {}) };
}

/** File-system errors that are the folder's, not phrg-brief's: said as such, not as a fault to report. */
const WRITE_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EEXIST', 'ENOTDIR', 'EISDIR']);

/** Why the site's own files could not be made: a write refused, named at the output folder, or phrg-brief's own failure. */
function siteFailure(error: unknown, outDir: string, cwd: string): Diagnostic {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  if (code === undefined || !WRITE_ERRORS.has(code)) return internalError('site', error);
  return writeErrorDiagnostic(displayPath(outDir, cwd), "the site's pages in this folder", code);
}
