/** `phrg-brief build`: validate records, write their briefings and the archive site. */
import { extname, resolve } from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { rebuildFailure } from '../diagnostics/error-message.js';
import type { ResolvedConfig } from '../config/schema.js';
import { FORMATS, isFormat } from '../render/formats.js';
import type { SearchBehind } from '../preview/search-behind.js';
import { buildSite, warmUp } from '../site/build.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { refuseWithoutRecords } from './no-records.js';
import { Progress } from './progress.js';
import { report, resolveConfig, type CommonOptions } from './report.js';
import { haltWrites, removeOwnTemporaryFilesSync } from '../write/atomic.js';
import { releaseHeldLocks } from '../site/build-lock.js';

export interface BuildCommandOptions extends CommonOptions {
  out: string;
  /** Ids checked by --format's parser against the list of formats it was given. */
  format?: string[];
  force?: boolean;
  drafts?: boolean;
  /** --base-url: the published site's address, over the config's site.baseUrl. */
  baseUrl?: string;
  jobs?: number;
  watch?: boolean;
}

export async function runBuild(paths: string[], options: BuildCommandOptions): Promise<number> {
  const refused = await refuseWithoutRecords('build', paths, process.cwd());
  if (refused !== undefined) return refused;
  if (options.watch) return watch(paths, options);
  const stopBuild = stoppingBuilds(options.out);
  try {
    return (await buildOnce(paths, options)).code;
  } finally {
    stopBuild();
  }
}

/**
 * Until the returned function is called, Ctrl-C (or a CI runner's SIGTERM) stops the build:
 * said, the progress line ended, and this build's half-written temporary files and its lock
 * taken away; every file in the output folder is whole.
 */
function stoppingBuilds(out: string): () => void {
  let stopping = false;
  const stopped = (signal: NodeJS.Signals): void => {
    if (stopping) return; // a second Ctrl-C while the writes under way end
    stopping = true;
    void haltWrites(2000).then(() => {
      removeOwnTemporaryFilesSync(resolve(process.cwd(), out));
      releaseHeldLocks();
      process.stderr.write(
        `\nphrg-brief: stopped by ${signal === 'SIGINT' ? 'Ctrl-C' : signal}; the files built so far are whole, and the next build renders again every record changed since the last build that ended\n`,
      );
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.on('SIGINT', stopped);
  process.on('SIGTERM', stopped);
  return () => {
    process.off('SIGINT', stopped);
    process.off('SIGTERM', stopped);
  };
}

/** One build with the config as it is now; says how it ended, and the config it read. */
async function buildOnce(
  paths: string[],
  options: BuildCommandOptions,
  showProgress = true,
  searchBehind?: SearchBehind,
): Promise<{ code: number; config?: ResolvedConfig }> {
  const { config, diagnostics: configDiagnostics } = await buildConfig(options);
  if (!config) {
    await report(configDiagnostics, options.reporter, options.debug);
    return { code: EXIT_ERRORS };
  }
  const started = performance.now();
  const progress = new Progress(process.stderr, showProgress && options.reporter === 'pretty');
  const result = await buildSite({
    paths,
    cwd: process.cwd(),
    config,
    outDir: options.out,
    formats: chosenFormats(options, config),
    force: options.force ?? false,
    drafts: options.drafts ?? false,
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(searchBehind ? { deferSearch: true } : {}),
    onRecord: (event) => progress.update(event),
    onWait: (pid) => void process.stderr.write(`phrg-brief: waiting for the build already writing to ${options.out}/ (process ${pid}) to end\n`),
  });
  progress.done();

  const diagnostics = [...configDiagnostics, ...result.diagnostics, ...result.records.flatMap((record) => record.diagnostics)];
  await report(diagnostics, options.reporter, options.debug);
  // A build that could not start as asked (an output folder among the records) is bad usage,
  // and wrote nothing to sum up.
  if (result.diagnostics.some((d) => d.rule === 'usage' && d.severity === 'error')) return { code: EXIT_USAGE, config };

  const count = (status: string) => result.records.filter((record) => record.status === status).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const parts = [`built ${count('built')}`, `unchanged ${count('unchanged')}`, `failed ${count('failed')}`];
  if (count('draft') > 0) parts.push(`drafts left out ${count('draft')}`);
  if (result.removed.length > 0) parts.push(`removed ${result.removed.length} old ${result.removed.length === 1 ? 'file' : 'files'}`);
  process.stderr.write(`${parts.join(', ')} in ${seconds} s → ${options.out}/\n`);
  const chosen = chosenFormats(options, config);
  const leftOut = formatsLeftOut(result.removed, chosen);
  if (leftOut.length > 0) {
    // Formats the project's own list lacks: naming those already in it would change nothing.
    const all = [...leftOut, ...chosen];
    const missing = all.filter((format) => !config.formats.includes(format as (typeof config.formats)[number]));
    const how =
      missing.length === 0
        ? 'build without --format (the project’s formats include them all)'
        : `give --format ${all.join(',')}, or add ${listed(missing)} to formats: in phrg-brief.yaml`;
    const why = options.format
      ? `--format ${chosen.join(',')} builds ${listed(chosen)} alone, and removed the ${listed(leftOut)} files of the last build`
      : `the project’s formats are ${listed(chosen)}: the ${listed(leftOut)} files of the last build were removed`;
    process.stderr.write(`phrg-brief: ${why}; to build them all, ${how}\n`);
  }
  // Watching: the briefings are reported as soon as they are written, and the search index
  // is made behind the next build.
  if (result.indexSearch) searchBehind?.add(result.indexSearch);
  return { code: hasErrors(diagnostics) ? EXIT_ERRORS : EXIT_OK, config };
}

/** The formats, not among those chosen, of the briefing files the build removed. */
function formatsLeftOut(removed: readonly string[], chosen: readonly string[]): string[] {
  const extensions = new Set(removed.map((file) => extname(file).slice(1)));
  return FORMATS.filter((format) => !chosen.includes(format.id) && extensions.has(format.extension)).map((format) => format.id);
}

const listed = (items: readonly string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The project's config, with --base-url's address in place of its site.baseUrl. */
async function buildConfig(options: BuildCommandOptions): ReturnType<typeof resolveConfig> {
  const resolved = await resolveConfig(options);
  if (!resolved.config || options.baseUrl === undefined) return resolved;
  return { ...resolved, config: { ...resolved.config, site: { ...resolved.config.site, baseUrl: options.baseUrl } } };
}

/** --format's formats, else the config's. (A test's program may know more formats than the build.) */
function chosenFormats(options: BuildCommandOptions, config: ResolvedConfig) {
  return options.format?.filter(isFormat) ?? config.formats;
}

/**
 * Builds again after every burst of saves to a record, a template, the theme or the config,
 * until Ctrl-C. The process stays warm, so an edit costs only its own record's render and
 * the archive files it touches (the cache decides, as for any build).
 */
async function watch(paths: string[], options: BuildCommandOptions): Promise<number> {
  const cwd = process.cwd();
  const [{ templatesTouched, watchProject }, { RebuildQueue }, { SearchBehind }] = await Promise.all([
    import('../preview/watch.js'),
    import('../preview/rebuild-queue.js'),
    import('../preview/search-behind.js'),
  ]);
  const log = (line: string): void => void process.stderr.write(`phrg-brief: ${line}\n`);
  // The config as each build last read it: the watcher asks it which templates folder to follow.
  let config = (await buildConfig(options)).config;
  // Builds take turns (the first, the warm-up, and one per burst of saves), as in preview.
  const searchBehind = new SearchBehind(
    (work) => queue.exclusive(work),
    (warnings) => report(warnings, options.reporter, options.debug),
  );
  const queue = new RebuildQueue(
    async (changed) => {
      // Templates and the theme are compiled once per process: a change to them, or to the
      // config that may name others, has them read again.
      if (templatesTouched(changed, config?.templatesDir)) {
        const [{ clearTemplateCache }, { clearThemeCache }] = await Promise.all([import('../compose/templates.js'), import('../render/pdf/theme.js')]);
        clearTemplateCache();
        clearThemeCache();
      }
      ({ config } = await buildOnce(paths, { ...options, force: false }, false, searchBehind));
    },
    (error) => log(`rebuild failed: ${rebuildFailure(error)}`),
  );
  const watcher = watchProject({
    cwd,
    paths,
    config: () => config,
    configFailed: () => config === undefined,
    configFile: options.config,
    outDir: options.out,
    queue,
    log,
  });
  // Watching from before the first build, so that a save made during it is built after it.
  await watcher.ready;
  // Ctrl-C stops the first build as it would any build (it left its temporary files and its
  // lock, and said nothing); from here on it stops the watching.
  const stopBuild = stoppingBuilds(options.out);
  try {
    await queue.exclusive(async () => ({ config } = await buildOnce(paths, options)));
  } finally {
    stopBuild();
  }
  const stopped = new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const first = config; // as the first build read it: each rebuild reads it again
  if (first) await queue.exclusive(() => warmUp({ paths, cwd, config: first, formats: chosenFormats(options, first) }).catch(() => undefined));
  const shown = paths.map((path) => (resolve(cwd, path) === cwd ? '.' : path)).join(', ');
  process.stderr.write(`phrg-brief: watching ${shown}, the templates and the config (Ctrl-C to stop)\n`);
  await stopped;
  await watcher.close();
  // A build under way finishes its files, and the search index its pages.
  await queue.idle();
  await searchBehind.idle();
  process.stderr.write('phrg-brief: stopped watching\n');
  return EXIT_OK;
}
