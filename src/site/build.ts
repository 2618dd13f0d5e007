/**
 * Building an archive: every record (rendered again only when something it depends on
 * changed), then the site files made from all of them. Records render on worker threads;
 * everything is written atomically, and a record with errors leaves its earlier files as
 * they were while the others are built.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { TemplateError } from '../compose/template-files.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { discoverRecords, displayPath } from '../load/discover.js';
import { internalError, templateDiagnostic } from '../diagnostics/errors.js';
import type { Format, RecordOutcome, RecordStatus, RunResult } from '../pipeline.js';
import { removeStaleTemporaryFiles, writeChunksAtomic, writeFileAtomicSync } from '../write/atomic.js';
import { CACHE_DIR, emptyManifest, loadManifest, manifestPath, outputsExist, saveManifest, type CacheEntry, type Manifest } from './cache.js';
import { PackReader, PackWriter, removeOtherPacks, type PackPlace } from './entry-pack.js';
import { newestFirst } from './model.js';
import { guessPlace, neighboursKey, neighboursOf, sourceKey, type Placed } from './neighbours.js';
import { refreshSearchIndex } from './search-refresh.js';
import { archiveData, ARCHIVE_DATA } from './archive-data.js';
import type { SiteSettings } from './pages.js';
import { renderRecords } from './pool.js';
import type { RecordResult, RenderSettings } from './record-job.js';
import type { BriefingSummary } from '../render/summary-schema.js';
import { lastCommitDates } from './git-dates.js';
import { OutputOwners } from './output-owners.js';
import { buildSettings, planRenders, type BuildSettings } from './render-plan.js';
import { outputNamer, outputOverlap, removeOutputs } from './output-folder.js';

export interface BuildOptions {
  /** Files or folders of records, relative to `cwd`. */
  paths: readonly string[];
  cwd: string;
  config: ResolvedConfig;
  /** Output folder, relative to `cwd`. */
  outDir: string;
  formats: readonly Format[];
  /** Ignore the cache and render every record. */
  force?: boolean;
  /** Build drafts too. */
  drafts?: boolean;
  /** Where the build cache lives; default `.phrg-brief-cache/` in `cwd`. */
  cacheDir?: string;
  /** Worker threads; 1 renders in this thread. Default: one per core. */
  jobs?: number;
  /** Told of each record as it is settled, for progress. */
  onRecord?: (event: { done: number; total: number; file: string; status: RecordStatus }) => void;
}

export type { RecordOutcome, RecordStatus } from '../pipeline.js';

export interface BuildResult extends RunResult {
  /** Site files written or confirmed (relative to cwd). */
  siteFiles: string[];
  /** Outputs removed because their record is gone (relative to cwd). */
  removed: string[];
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const { cwd, config, formats } = options;
  const outDir = resolve(cwd, options.outDir);
  const drafts = options.drafts ?? false;
  const discovered = await discoverRecords(options.paths, cwd);
  const diagnostics = [...discovered.diagnostics];
  const overlap = outputOverlap(outDir, options.paths.map((path) => resolve(cwd, path)), discovered.files);
  if (overlap) {
    diagnostics.push({ file: options.outDir, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'usage', message: overlap, note: 'choose another --out, such as dist' });
    return { records: [], diagnostics, siteFiles: [], removed: [] };
  }

  await removeStaleTemporaryFiles(outDir);
  const manifestFile = manifestPath(options.cacheDir ?? join(cwd, CACHE_DIR), outDir);
  // --force renders everything, but still knows what the last build wrote, to tidy it.
  const previous = await loadManifest(manifestFile);

  let keyed: BuildSettings;
  try {
    keyed = await buildSettings(config, formats, drafts, previous, options.force ?? false);
  } catch (error) {
    // A missing or broken template stops the build before any record.
    diagnostics.push(templateDiagnostic(error, cwd));
    return { records: discovered.files.map((path) => ({ file: displayPath(path, cwd), status: 'failed', diagnostics: [], outputs: [] })), diagnostics, siteFiles: [], removed: [] };
  }
  const { settings, fontFiles } = keyed;
  // The last build's entries of briefings.json; a record whose entry cannot be had renders again.
  const packs: Packs = { last: PackReader.open(manifestFile, previous.pack, Object.values(previous.records)) };
  try {
    return await buildRecords({ options, outDir, drafts, discovered, diagnostics, settings, fontFiles, manifestFile, previous, packs });
  } finally {
    // Closed on every way out, a build that fails part-way too (preview runs many in one process).
    packs.next?.close();
    packs.last?.close();
  }
}

/**
 * Renders the first record to memory and lets the result go: a build that keeps running
 * (`--watch`) so pays for loading the parsers and fonts, and warming them up, before the
 * first save rather than on it.
 */
export async function warmUp(options: BuildOptions): Promise<void> {
  const { files } = await discoverRecords(options.paths, options.cwd);
  if (files[0] === undefined) return;
  const { renderRecordJob } = await import('./record-job.js');
  const { cwd, config, formats } = options;
  await renderRecordJob(files[0], { cwd, config, formats, drafts: true, settingsKey: '' });
}

/** The last build's pack of entries, and this build's once it has one. */
interface Packs {
  last: PackReader | undefined;
  next?: PackWriter;
}

interface BuildContext {
  options: BuildOptions;
  outDir: string;
  drafts: boolean;
  discovered: { files: string[] };
  diagnostics: Diagnostic[];
  /** The build's settings key, and the PDF theme's fonts it was made with. */
  settings: string;
  fontFiles: string[];
  manifestFile: string;
  previous: Manifest;
  packs: Packs;
}

/** The records, then the site made of them, written into `outDir`. */
async function buildRecords(context: BuildContext): Promise<BuildResult> {
  const { options, outDir, drafts, discovered, diagnostics, settings, fontFiles, manifestFile, previous, packs } = context;
  const { cwd, config, formats } = options;
  const lastPack = packs.last;
  let pack: PackWriter | undefined;
  // Add to the last pack while most of it is still in use; else start afresh, compacted.
  const openPack = (): PackWriter => {
    const inUse = Object.values(previous.records).reduce((sum, entry) => sum + (entry.entry ? entry.entry[1] + entry.entry[2] : 0), 0);
    return new PackWriter(manifestFile, lastPack && !options.force && lastPack.size <= 2 * inUse + (1 << 20) ? lastPack : undefined);
  };
  /** Records whose entry is in the new pack already. */
  const packed = new Set<string>();
  const manifest: Manifest = { ...emptyManifest(), records: { ...previous.records } };

  const total = discovered.files.length;
  let done = 0;
  const plan = planRenders({ files: discovered.files, cwd, outDir, previous, settings, force: options.force ?? false, lastPack: lastPack !== undefined, onUnchanged: (file) => options.onRecord?.({ done: ++done, total, file, status: 'unchanged' }) });
  const { toRender, stamps } = plan;
  const outcomes = new Map<string, RecordOutcome>(plan.unchanged);
  for (const [source, entry] of plan.restamped) manifest.records[source] = entry;
  const restamped = plan.restamped.size > 0;
  const shownOutput = outputNamer(cwd, outDir);

  // Each result is settled — its files written — as it arrives, one at a time, while the
  // workers go on. Output names go to the record first in file order: when a later record
  // claimed a name first, the earlier one overwrites its files and the later one is failed.
  const owners = new OutputOwners(cwd, discovered.files, previous.records, outcomes);
  const recordExists = (source: string): boolean => owners.recordExists(source);
  const ownFiles = (names: readonly string[], source: string): string[] => owners.ownFiles(names, source);
  const removed: string[] = [];

  const settle = (result: RecordResult): void => {
    const source = sourceKey(cwd, result.path);
    const outcome: RecordOutcome = { file: result.file, status: 'failed', diagnostics: result.diagnostics, outputs: [] };
    outcomes.set(result.path, outcome);
    if (result.skippedDraft) {
      outcome.status = 'draft';
      removed.push(...removeOutputs(outDir, ownFiles(previous.records[source]?.outputs ?? [], source), cwd));
      delete manifest.records[source];
      return;
    }
    if (!result.files || !result.summary || result.key === undefined || result.archiveEntry === undefined || hasErrors(result.diagnostics)) return; // earlier files stay as they were
    const slug = result.summary.slug;
    const claim = owners.claim(slug, source, result.file, outcome);
    if (!claim.granted) {
      outcome.diagnostics.push(claim.clash);
      return;
    }
    if (claim.displaced !== undefined) delete manifest.records[claim.displaced];
    const targets = result.files.map((file) => join(outDir, file.name));
    const write = (target: string, data: string | Uint8Array): void => {
      try {
        writeFileAtomicSync(target, data);
      } catch (error) {
        throw new WriteError(displayPath(target, cwd), error);
      }
    };
    result.files.forEach((file, i) => write(targets[i]!, file.data));
    let place: PackPlace;
    try {
      pack ??= packs.next = openPack();
      place = pack.append(result.archiveEntry, result.summary.json);
    } catch (error) {
      throw new WriteError(displayPath(manifestFile.replace(/\.json$/, '.*.pack'), cwd), error);
    }
    packed.add(source);
    const names = result.files.map((file) => file.name);
    outcome.outputs.push(...names.map(shownOutput));
    const earlier = previous.records[source];
    if (earlier?.slug && earlier.slug !== slug) owners.release(earlier.slug, source);
    removed.push(...removeOutputs(outDir, ownFiles((earlier?.outputs ?? []).filter((name) => !names.includes(name)), source), cwd));
    outcome.status = 'built';
    outcome.slug = slug;
    const stamp = stamps.get(result.path);
    const { date, draft } = result.summary;
    const { title } = result.summary;
    const entry: CacheEntry = { key: result.key, ...(stamp ? { stamp } : {}), slug, outputs: names, entry: place, date, title, ...(result.neighbours ? { neighbours: result.neighbours } : {}), ...(draft ? { draft } : {}), ...(result.summaryKey ? { summaryKey: result.summaryKey } : {}), diagnostics: result.diagnostics };
    manifest.records[source] = entry;
  };

  const htmlPages = formats.includes('html');
  // Pages link to their neighbours by date: rendered with those the last build and the new
  // records' front-matter suggest, then again for the few that turn out otherwise.
  const placed = (records: Manifest['records']): Placed[] =>
    Object.entries(records).flatMap(([source, entry]) => (entry.date !== undefined && entry.slug && (drafts || !entry.draft) && recordExists(source) ? [{ source, slug: entry.slug, title: entry.title ?? entry.slug, date: entry.date }] : []));
  const rendering = new Set(toRender.map((path) => sourceKey(cwd, path)));
  const guessed = htmlPages ? neighboursOf([...placed(previous.records).filter((p) => !rendering.has(p.source)), ...toRender.flatMap((path) => guessPlace(path, sourceKey(cwd, path), drafts) ?? [])]) : new Map();
  const renderSettings: RenderSettings = { cwd, config, formats, drafts, settingsKey: settings, neighbours: Object.fromEntries(guessed) };
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  // Each result is written as it arrives, at once: the next record is already on its way.
  const settleOrFail = (result: RecordResult): void => {
    try {
      settle(result);
    } catch (error) {
      const outcome = outcomes.get(result.path) ?? { file: result.file, status: 'failed', diagnostics: result.diagnostics, outputs: [] };
      outcome.status = 'failed';
      outcome.diagnostics.push(writeError(result.file, error));
      outcomes.set(result.path, outcome);
    }
  };
  const onResult = (result: RecordResult): void => {
    settleOrFail(result);
    options.onRecord?.({ done: ++done, total, file: result.file, status: outcomes.get(result.path)?.status ?? 'failed' });
  };
  await renderRecords(toRender, renderSettings, jobs, onResult);

  // Records whose file is gone take their outputs with them.
  for (const [source, entry] of Object.entries(manifest.records)) {
    if (recordExists(source)) continue;
    removed.push(...removeOutputs(outDir, ownFiles(entry.outputs, source), cwd));
    delete manifest.records[source];
  }

  // The pages whose neighbours turned out other than they were rendered with, rendered again.
  if (htmlPages) {
    const actual = neighboursOf(placed(manifest.records));
    const again = [...actual].filter(([source, near]) => manifest.records[source]?.neighbours !== neighboursKey(near)).map(([source]) => join(cwd, source));
    await renderRecords(again, { ...renderSettings, neighbours: Object.fromEntries(actual) }, jobs, settleOrFail); // counted already
    toRender.push(...again);
  }

  // A new pack takes the entries of the records not rendered this time from the last one.
  if (pack && !pack.extends) {
    for (const [source, entry] of Object.entries(manifest.records)) {
      if (packed.has(source) || !entry.entry) continue;
      const bytes = lastPack?.tryReadRecord(entry.entry);
      if (bytes) manifest.records[source] = { ...entry, entry: pack.appendRecord(bytes, entry.entry[1]) };
      else delete manifest.records[source]; // nothing to place it by: rendered next time
    }
  }
  // An entry left from before new settings (its record failed this time) was keyed under the
  // old ones: without its stamp, the record is read and rendered again next time.
  if (previous.settings !== settings) {
    for (const [source, entry] of Object.entries(manifest.records)) {
      if (packed.has(source) || entry.stamp === undefined) continue;
      const { stamp: _stale, ...rest } = entry;
      manifest.records[source] = rest;
    }
  }
  const entries = pack ?? lastPack;
  const published = Object.entries(manifest.records)
    .filter(([, entry]) => entry.date !== undefined && (drafts || !entry.draft))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Each entry's `updated` in the feed: its record's last commit, from one git call.
  const commits = lastCommitDates(cwd);
  const committed: Record<string, string> = {};
  for (const [source, entry] of published) {
    const date = commits.get(source.split(sep).join('/'));
    if (date && entry.slug) committed[entry.slug] = date;
  }
  // The pages are made from the summaries alone, briefings.json from every record's entry:
  // an edit to a record's points rewrites briefings.json but leaves the pages be.
  const siteKey = createHash('sha256')
    .update(settings)
    .update(JSON.stringify(siteSettings(config)))
    .update(JSON.stringify(committed))
    .update(published.map(([source, entry]) => `${source}\u0000${entry.summaryKey ?? entry.key}`).join('\n'))
    .digest('hex');
  const dataKey = createHash('sha256')
    .update(settings)
    .update(JSON.stringify(siteSettings(config))) // the person pages are made with it
    .update(published.map(([source, entry]) => `${source}\u0000${entry.key}`).join('\n'))
    .digest('hex');
  const previousData = [ARCHIVE_DATA, ...(previous.dataFiles ?? [])];
  const previousPages = previous.siteFiles.filter((name) => !previousData.includes(name));
  let dataFiles = previous.dataFiles ?? [];
  let siteFiles: string[] = previous.siteFiles;
  // With the last pack gone and no render this time to start another (every render failed,
  // or only some records were asked for), no briefing's summary or entry can be had: the site
  // files stay as they were, and the next build, which renders every record again, makes them.
  const unreadable = published.length > 0 && entries === undefined;
  if (!unreadable) {
    try {
      let pages = previousPages;
      if (options.force || previous.siteKey !== siteKey || !outputsExist(outDir, previousPages)) {
        const places = published.map(([, entry]) => entry.entry!);
        const { writeSitePages } = await import('./site-pages.js');
        pages = await writeSitePages({ pack: entries?.path, places, templatesDir: config.templatesDir, site: siteSettings(config), outDir, committed });
        removed.push(...removeOutputs(outDir, previousPages.filter((name) => !pages.includes(name)), cwd));
      }
      manifest.siteKey = siteKey;
      if (options.force || previous.dataKey !== dataKey || !outputsExist(outDir, [ARCHIVE_DATA, ...dataFiles])) {
        const ordered = published.map(([, entry]) => entry).sort((a, b) => newestFirst({ date: a.date!, slug: a.slug ?? '' }, { date: b.date!, slug: b.slug ?? '' }));
        // The person pages list points, so they are made with briefings.json, not with the other pages.
        const { writePersonPages } = await import('./person-pages.js');
        const { fullDate } = await import('../compose/helpers.js');
        const briefings = function* (): Generator<BriefingSummary> {
          for (const entry of ordered) if (entries && entry.entry) yield JSON.parse(entries.read(entry.entry).toString('utf8')) as BriefingSummary;
        };
        const written = await writePersonPages(briefings(), { templatesDir: config.templatesDir, site: siteSettings(config), outDir, dateText: fullDate });
        removed.push(...removeOutputs(outDir, dataFiles.filter((name) => !written.includes(name)), cwd));
        dataFiles = written;
        // Each entry is read as it is written: the archive's data is never whole in memory.
        const read = function* (): Generator<Uint8Array> {
          for (const entry of ordered) {
            if (!entries || !entry.entry) throw new Error('a briefing has no entry in the build cache; build again with --force');
            yield entries.read(entry.entry);
          }
        };
        await writeChunksAtomic(join(outDir, ARCHIVE_DATA), archiveData(read()));
      }
      manifest.dataKey = dataKey;
      siteFiles = [...pages, ARCHIVE_DATA, ...dataFiles];
      manifest.dataFiles = dataFiles;
      // The search index, made again only when a briefing's page is.
      const searchKey = createHash('sha256').update(dataKey).update(manifest.siteKey ?? '').digest('hex');
      if (htmlPages && published.length > 0) {
        const search = await refreshSearchIndex({ outDir, force: options.force ?? false, searchKey, previousKey: previous.searchKey, lang: config.site.lang });
        if (search.key) manifest.searchKey = search.key;
        if (search.warning) diagnostics.push(search.warning);
      }
    } catch (error) {
      // A broken index or feed template is reported like any other; the briefings still stand.
      diagnostics.push(error instanceof TemplateError ? templateDiagnostic(error, cwd) : internalError('site', error));
      delete manifest.siteKey;
      delete manifest.dataKey;
    }
  }
  manifest.siteFiles = siteFiles;
  // An unchanged build leaves the manifest as it was: no need to write it again.
  manifest.settings = settings;
  if (fontFiles.length > 0) manifest.fonts = fontFiles;
  else delete manifest.fonts;
  pack?.close();
  lastPack?.close();
  const packName = pack?.name ?? previous.pack;
  if (packName) manifest.pack = packName;
  const unchanged = !restamped && previous.searchKey === manifest.searchKey && previous.settings === settings && String(previous.fonts) === String(manifest.fonts) && toRender.length === 0 && removed.length === 0 && previous.siteKey === manifest.siteKey && previous.dataKey === manifest.dataKey && Object.keys(previous.records).length === Object.keys(manifest.records).length;
  if (!unchanged) {
    await saveManifest(manifestFile, manifest);
    removeOtherPacks(manifestFile, manifest.pack);
  }

  const records = discovered.files.map((path) => outcomes.get(path)!);
  return { records, diagnostics, siteFiles: siteFiles.map((name) => displayPath(join(outDir, name), cwd)), removed };
}

function siteSettings(config: ResolvedConfig): SiteSettings {
  return { title: config.site.title, lang: config.site.lang, ...(config.site.baseUrl ? { baseUrl: config.site.baseUrl } : {}) };
}

/** A file of the build that could not be written, named as the user sees it. */
class WriteError extends Error {
  constructor(
    readonly target: string,
    readonly reason: unknown,
  ) {
    super(`cannot write ${target}`);
  }
}

function writeError(file: string, error: unknown): Diagnostic {
  const reason = error instanceof WriteError ? error.reason : error;
  const code = reason instanceof Error && 'code' in reason ? String(reason.code) : reason instanceof Error ? reason.message : String(reason);
  const what = error instanceof WriteError ? error.target : "this record's outputs";
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'write-error', message: `cannot write ${what} (${code})`, note: 'check that the folder is writable, has room, and holds no folder of that name' };
}

