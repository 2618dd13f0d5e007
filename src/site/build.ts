/**
 * Building an archive, in stages: the settings key and what to render (render-plan.ts); the
 * records rendered on worker threads (pool.ts), each result settled as it arrives — its
 * output name claimed (output-owners.ts), its files written atomically and its cache entry
 * made (settle-records.ts); the pages whose neighbours moved rendered again; then the site
 * files made from every briefing (site-files.ts) and the cache saved (cache-update.ts). A
 * record with errors leaves its earlier files as they were while the others are built.
 */
import { join, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/schema.js';
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { templateDiagnostic } from '../diagnostics/errors.js';
import { discoverRecords, displayPath } from '../load/discover.js';
import type { Format, RecordStatus, RunResult } from '../pipeline.js';
import { removeStaleTemporaryFiles } from '../write/atomic.js';
import { CACHE_DIR, loadManifest, manifestPath } from './cache.js';
import { CacheUpdate } from './cache-update.js';
import { guessNeighbours, neighboursKey, neighboursOf, placedBriefings, renderAgainBatches } from './neighbours.js';
import { lastCommitDates } from './git-dates.js';
import { takeBuildLock } from './build-lock.js';
import { outputOverlap, removeOutputs, unownedBriefings } from './output-folder.js';
import { FORMATS } from '../render/formats.js';
import { OutputOwners } from './output-owners.js';
import { defaultJobs, renderRecords } from './pool.js';
import type { RenderSettings } from './record-job.js';
import { buildSettings, planRenders, type BuildSettings } from './render-plan.js';
import { DeferredSearch } from './search-refresh.js';
import { RecordSettler } from './settle-records.js';
import { writeSiteFiles } from './site-files.js';

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
  /** Threads rendering records; 1 renders in this thread alone. Default: `defaultJobs` (pool.ts). */
  jobs?: number;
  /**
   * Leave a due search index out of the build and hand it back as `indexSearch`, for a build
   * that keeps running (`--watch`) to report first and index after.
   */
  deferSearch?: boolean;
  /** Told of each record as it is settled, for progress. */
  onRecord?: (event: { done: number; total: number; file: string; status: RecordStatus }) => void;
  /** Told when another process's build into the same folder is under way, and this one waits for it. */
  onWait?: (pid: number) => void;
}

export interface BuildResult extends RunResult {
  /** Site files written or confirmed (relative to cwd). */
  siteFiles: string[];
  /** Outputs removed because their record is gone (relative to cwd). */
  removed: string[];
  /** With `deferSearch`, the search index still to make. */
  indexSearch?: DeferredSearch;
}

export { warmUp } from './pool.js';

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const { cwd } = options;
  const outDir = resolve(cwd, options.outDir);
  const drafts = options.drafts ?? false;
  const discovered = await discoverRecords(options.paths, cwd);
  const diagnostics = [...discovered.diagnostics];
  const overlap = outputOverlap(
    outDir,
    options.paths.map((path) => resolve(cwd, path)),
    discovered.files,
  );
  if (overlap) {
    diagnostics.push(fileDiagnostic(options.outDir, { severity: 'error', rule: 'usage', message: overlap, note: 'choose another --out, such as dist' }));
    return { records: [], diagnostics, siteFiles: [], removed: [] };
  }

  const manifestFile = manifestPath(options.cacheDir ?? join(cwd, CACHE_DIR), outDir);
  const lock = await takeBuildLock(`${manifestFile}.lock`, options.onWait);
  try {
    return await buildLocked(options, outDir, drafts, discovered.files, diagnostics, manifestFile);
  } finally {
    lock.release();
  }
}

/** The build, once it alone is writing into `outDir`. */
async function buildLocked(
  options: BuildOptions,
  outDir: string,
  drafts: boolean,
  files: string[],
  diagnostics: Diagnostic[],
  manifestFile: string,
): Promise<BuildResult> {
  const { cwd, config, formats } = options;
  // Another build's temporary files are stale only now that no other build is running.
  await removeStaleTemporaryFiles(outDir);
  // --force renders everything, but still knows what the last build wrote, to tidy it.
  const previous = await loadManifest(manifestFile);
  let keyed: BuildSettings;
  try {
    keyed = await buildSettings(config, formats, drafts, previous, options.force ?? false);
  } catch (error) {
    // A missing or broken template stops the build before any record.
    diagnostics.push(templateDiagnostic(error, cwd));
    return {
      records: files.map((path) => ({ file: displayPath(path, cwd), status: 'failed', diagnostics: [], outputs: [] })),
      diagnostics,
      siteFiles: [],
      removed: [],
    };
  }
  const cache = CacheUpdate.open(manifestFile, previous, options.force ?? false);
  try {
    return await buildRecords({ options, outDir, drafts, files, diagnostics, keyed, cache });
  } finally {
    // Closed on every way out, a build that fails part-way too (preview runs many in one process).
    cache.close();
  }
}

interface BuildContext {
  options: BuildOptions;
  outDir: string;
  drafts: boolean;
  /** The records found, absolute paths in file order. */
  files: string[];
  /** Problems not tied to one record, added to as the build goes. */
  diagnostics: Diagnostic[];
  keyed: BuildSettings;
  cache: CacheUpdate;
}

/** The records, then the site made of them, written into `outDir`. */
async function buildRecords(context: BuildContext): Promise<BuildResult> {
  const { options, outDir, drafts, files, diagnostics, cache } = context;
  const { settings, fontFiles } = context.keyed;
  const { cwd, config, formats } = options;
  const force = options.force ?? false;
  const { previous } = cache;
  const total = files.length;
  let done = 0;
  // For the feed, from git, which runs while the records render.
  const commits = lastCommitDates(cwd);

  const plan = planRenders({
    files,
    cwd,
    outDir,
    previous,
    settings,
    force,
    lastPack: cache.last !== undefined,
    onUnchanged: (file) => options.onRecord?.({ done: ++done, total, file, status: 'unchanged' }),
  });
  for (const [source, entry] of plan.restamped) cache.set(source, entry);
  const owners = new OutputOwners(cwd, files, previous.records, plan.unchanged);
  const settler = new RecordSettler(cwd, outDir, cache, owners, plan.unchanged, plan.stamps);
  const { toRender } = plan;

  // Pages link to their neighbours by date: rendered with those the last build and the new
  // records' front-matter suggest, then again for the few that turn out otherwise.
  const htmlPages = formats.includes('html');
  const placed = (records: typeof previous.records) => placedBriefings(records, drafts, (source) => owners.recordExists(source));
  const guessed = htmlPages ? guessNeighbours(placed(previous.records), toRender, cwd, drafts, config.site.lang) : new Map();
  const renderSettings: RenderSettings = { cwd, config, formats, drafts, settingsKey: settings, neighbours: Object.fromEntries(guessed) };
  const jobs = Math.max(1, options.jobs ?? defaultJobs(toRender.length));
  // Each result is settled as it arrives, its files written by its worker or behind this
  // thread: the next record is already on its way.
  const told = (outcome: { status: RecordStatus }, result: { file: string }): void =>
    options.onRecord?.({ done: ++done, total, file: result.file, status: outcome.status });
  await renderRecords(toRender, renderSettings, outDir, jobs, {
    claim: (result) => settler.claim(result),
    finish: (result, failure) => told(settler.finish(result, failure), result),
  });
  settler.removeGone();
  // With no cache (lost, or never kept), the output folder's briefings whose records are gone
  // are known only by their data files, which name their records: they go, so that a deleted
  // record does not stay published.
  if (Object.keys(previous.records).length === 0) {
    const owned = new Set(Object.values(cache.manifest.records).flatMap((entry) => entry.outputs));
    settler.removed.push(
      ...removeOutputs(
        outDir,
        unownedBriefings(
          outDir,
          cwd,
          owned,
          FORMATS.map((format) => format.extension),
        ),
        cwd,
      ),
    );
  }
  let renderedAgain = 0;
  if (htmlPages) {
    const actual = neighboursOf(placed(cache.manifest.records));
    const again = [...actual]
      .filter(([source, near]) => cache.manifest.records[source]?.neighbours !== neighboursKey(near))
      .map(([source]) => join(cwd, source));
    // Counted already: these are not told of again.
    for (const batch of renderAgainBatches(again, new Set(files), previous.records, cwd, formats))
      await renderRecords(batch.files, { ...renderSettings, formats: batch.formats, neighbours: Object.fromEntries(actual) }, outDir, jobs, {
        claim: (result) => settler.claim(result),
        finish: (result, failure) => void settler.finish(result, failure),
      });
    renderedAgain = again.length;
  }
  cache.carryOver(settings);

  const site = await writeSiteFiles({
    cwd,
    outDir,
    config,
    settings,
    force,
    drafts,
    htmlPages,
    records: cache.manifest.records,
    previous,
    entries: cache.entries,
    commits,
    ...(options.deferSearch ? { deferSearch: true } : {}),
  });
  diagnostics.push(...site.diagnostics);
  const removed = [...settler.removed, ...site.removed];
  // An unchanged build leaves the manifest as it was: no need to write it again.
  await cache.save(settings, fontFiles, site.state, plan.restamped.size > 0 || toRender.length + renderedAgain > 0 || removed.length > 0);

  const records = files.map((path) => settler.outcomes.get(path)!);
  const built: BuildResult = { records, diagnostics, siteFiles: site.state.siteFiles.map((name) => displayPath(join(outDir, name), cwd)), removed };
  const search = site.search;
  if (search) built.indexSearch = new DeferredSearch(search, cache.manifestFile);
  return built;
}
