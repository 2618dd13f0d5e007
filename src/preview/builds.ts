/**
 * What the preview has built, and how: a save rebuilds the pages only (HTML, fast); the
 * formats built on first request are brought up to date when one of them is asked for. Both
 * go through the rebuild queue, so builds never overlap.
 */
import { basename, join } from 'node:path';
import { clearTemplateCache } from '../compose/templates.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { rebuildFailure } from '../diagnostics/error-message.js';
import type { Format } from '../render/formats.js';
import { clearThemeCache } from '../render/pdf/theme.js';
import { buildSite, type BuildResult } from '../site/build.js';
import { RebuildQueue } from './rebuild-queue.js';
import { SearchBehind } from './search-behind.js';
import { templatesTouched } from './watch.js';

export interface PreviewBuildOptions {
  cwd: string;
  /** A record or a folder of records. */
  path: string;
  configFile?: string;
  /** The temporary folder: the site in site/, the build caches beside it. */
  base: string;
  /** Told of each rebuild: for the terminal, and for tests measuring latency. */
  log: (line: string) => void;
  /** Stack traces of failed builds in the log. */
  debug: boolean;
  /** After every rebuild, whatever its outcome: the open pages reload. */
  rebuilt: () => void;
}

/** What the last builds left: read by the overlay, the bar and the record pages. */
export interface PreviewState {
  result?: BuildResult;
  config?: ResolvedConfig;
  configProblems: Diagnostic[];
  /** Record file (as reported) → the slug its page is served under. */
  slugs: Map<string, string>;
}

export class PreviewBuilds {
  readonly state: PreviewState = { configProblems: [], slugs: new Map() };
  readonly outDir: string;
  readonly queue: RebuildQueue;
  /** The search index, made behind the builds: a save's pages are served, and reloaded, before it. */
  readonly search: SearchBehind;
  /** The last save changed pages whose formats built on request are not yet rebuilt. */
  private otherFormatsStale = true;
  /**
   * The formats a build on request makes: the project's own, and each other one asked for
   * since the preview started (a Word file, say). It only grows, so that no build on request
   * removes what an earlier one made.
   */
  private readonly requested = new Set<Format>();

  constructor(private readonly options: PreviewBuildOptions) {
    // The site and the build caches live apart, so that only built files can be served.
    this.outDir = join(options.base, 'site');
    this.queue = new RebuildQueue(
      (changed) => this.rebuild(changed),
      (error) => this.failed(error),
    );
    this.search = new SearchBehind(
      (work) => this.queue.exclusive(work),
      async (warnings) => warnings.forEach((warning) => options.log(`${warning.file}: ${warning.message}`)),
    );
  }

  /** The first build: templates and theme read afresh. */
  first(): Promise<void> {
    return this.queue.exclusive(() => this.rebuild(undefined));
  }

  /**
   * Brings the formats built on request, and the feed, up to date before one is served: the
   * project's formats and `format`, the one asked for, which need not be among them.
   */
  otherFormats(format?: Format): Promise<ReadonlySet<string>> {
    return this.queue.exclusive(async () => {
      const config = this.state.config;
      if (!config) return this.outOfDate;
      const formats = new Set<Format>(['html', ...config.formats, ...this.requested]);
      if (format && !formats.has(format)) {
        this.requested.add(format);
        formats.add(format);
        this.otherFormatsStale = true;
      }
      if (!this.otherFormatsStale) return this.outOfDate;
      try {
        const result = await buildSite({ ...this.common(config), formats: [...formats], cacheDir: join(this.options.base, 'cache-all') });
        if (result.indexSearch) this.search.add(result.indexSearch);
        this.otherFormatsStale = false;
        // A record with errors keeps the files an earlier build made of it: they are not served
        // as if they were its, and what is wrong is said (a theme's error shows in the PDF alone).
        const everyRecord = hasErrors(result.diagnostics);
        const failed = result.records.filter((record) => everyRecord || hasErrors(record.diagnostics));
        this.outOfDate = new Set(failed.map((record) => record.slug ?? this.state.slugs.get(record.file) ?? basename(record.file).replace(/\.md$/i, '')));
        if (failed.length > 0) this.options.log(`built ${[...formats].join(', ')}: ${failed.length} with errors${this.errorLines(result)}`);
      } catch (error) {
        this.failed(error);
      }
      return this.outOfDate;
    });
  }

  /** The slugs whose files other than the page are out of date: their records had errors when last built. */
  private outOfDate: ReadonlySet<string> = new Set();

  /** A build's errors as the log shows them, a few at most, each on its line. */
  private errorLines(result: BuildResult): string {
    const errors = [...result.diagnostics, ...result.records.flatMap((record) => record.diagnostics)].filter((d) => d.severity === 'error');
    const shown = errors.slice(0, 5).map((d) => `\n  ${d.file}:${d.line}:${d.column} ${d.message} (${d.rule})`);
    return `${shown.join('')}${errors.length > 5 ? `\n  and ${errors.length - 5} more` : ''}`;
  }

  private common(config: ResolvedConfig) {
    return { paths: [this.options.path], cwd: this.options.cwd, config, outDir: this.outDir, drafts: true, jobs: 1, deferSearch: true };
  }

  /** The pages again after saves (all of them when `changed` is not given). */
  private async rebuild(changed: ReadonlySet<string> | undefined): Promise<void> {
    const { options, state } = this;
    const started = performance.now();
    // Templates and theme are compiled once; only a change to them (or the config) recompiles.
    if (!changed || templatesTouched(changed, state.config?.templatesDir)) {
      clearTemplateCache();
      clearThemeCache();
    }
    const loaded = await loadConfig(options.cwd, options.configFile);
    state.configProblems = loaded.diagnostics;
    if (!loaded.config) {
      options.log(`phrg-brief.yaml has errors: ${loaded.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('; ')}`);
      options.rebuilt();
      return;
    }
    state.config = loaded.config;
    try {
      state.result = await buildSite({ ...this.common(loaded.config), formats: ['html'], cacheDir: join(options.base, 'cache-html') });
      if (state.result.indexSearch) this.search.add(state.result.indexSearch);
      this.otherFormatsStale = true;
      for (const record of state.result.records) {
        state.slugs.set(record.file, record.slug ?? state.slugs.get(record.file) ?? basename(record.file).replace(/\.md$/i, ''));
      }
      const built = state.result.records.filter((record) => record.status === 'built').length;
      const failed = state.result.records.filter((record) => hasErrors(record.diagnostics)).length;
      // Each error where it is, so that a new record with one is found without guessing its address.
      options.log(`rebuilt in ${Math.round(performance.now() - started)} ms: ${built} built, ${failed} with errors${this.errorLines(state.result)}`);
    } catch (error) {
      this.failed(error);
    }
    options.rebuilt();
  }

  private failed(error: unknown): void {
    this.options.log(`build failed: ${rebuildFailure(error)}`);
    if (this.options.debug && error instanceof Error && error.stack) this.options.log(error.stack);
  }
}
