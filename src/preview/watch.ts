/**
 * Watches what a briefing is made from — the records, the project's templates and theme, the
 * config — and asks for a rebuild once per burst of saves, for `preview` and `build --watch`.
 * The queue they share (rebuild-queue.ts) runs it, after any build under way.
 *
 * The whole project folder is watched (less its dependencies and outputs) and events are
 * sorted here, because a config or a templates folder created while the preview runs must
 * be noticed too.
 */
import { watch } from 'chokidar';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from '../config/schema.js';
import { CONFIG_FILE } from '../config/defaults.js';
import { errorMessage } from '../diagnostics/error-message.js';
import type { RebuildQueue } from './rebuild-queue.js';

export interface Watcher {
  /** Settles once the watcher has taken stock of the project: saves from then on are seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

const SETTLE_MS = 20;
/** chokidar reports one change of a file in any 50 ms and drops the others. */
const CHOKIDAR_THROTTLE_MS = 50;
const IGNORED = /(^|[\\/])(node_modules|\.git|\.phrg-brief-cache|dist)([\\/]|$)/;

export interface WatchOptions {
  cwd: string;
  /** Record files or folders of records, relative to `cwd`. */
  paths: readonly string[];
  /** The config as last read, for the templates folder it names. */
  config: () => ResolvedConfig | undefined;
  /**
   * Whether the config last read had errors: any save in the project may then be what mends
   * it (the templates folder it names, made after it), and is built.
   */
  configFailed: () => boolean;
  configFile: string | undefined;
  /** An output folder inside the project, left unwatched. */
  outDir?: string;
  /** Where the saves go to be built. */
  queue: RebuildQueue;
  log: (line: string) => void;
}

/**
 * Whether saves touch what the compiled templates and the theme were made from: anything but
 * a record (a template, the theme, a font, or the config, which may name other templates).
 */
export function templatesTouched(changed: ReadonlySet<string>, templatesDir: string | undefined): boolean {
  return [...changed].some((file) => !file.endsWith('.md') || (templatesDir !== undefined && file.startsWith(templatesDir)));
}

export function watchProject({ cwd, paths, config, configFailed, configFile, outDir, queue, log }: WatchOptions): Watcher {
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();

  /** The burst has settled: its saves go to the queue; the rebuild may name a new templates folder. */
  const run = (): void => {
    const batch = changed;
    changed = new Set();
    void queue.request(batch).then(() => watchPath(config()?.templatesDir));
  };

  const records = paths.map((path) => resolve(cwd, path));
  const configPath = resolve(cwd, configFile ?? CONFIG_FILE);
  const output = outDir === undefined ? undefined : resolve(cwd, outDir);
  const inside = (dir: string, file: string): boolean => file === dir || file.startsWith(dir + sep);
  const relevant = (file: string): boolean => {
    if (configFailed()) return true;
    const templates = config()?.templatesDir;
    return (
      file === configPath ||
      records.some((dir) => (inside(dir, file) && file.endsWith('.md')) || file === dir) ||
      (templates !== undefined && inside(templates, file))
    );
  };

  const ignored = (file: string): boolean => IGNORED.test(relative(cwd, file)) || (output !== undefined && inside(output, resolve(cwd, file)));
  const watcher = watch(cwd, { ignoreInitial: true, ignored });
  // Records, a config or templates kept outside the project folder are watched where they are.
  // The templates folder the config names is added after each rebuild that may have changed
  // it, inside the project too: a folder made and filled at once can slip past the watch of
  // the project (seen under load), and adding it again makes the watcher read it afresh.
  const added = new Set<string>();
  const watchPath = (path: string | undefined): void => {
    if (path === undefined || added.has(path)) return;
    added.add(path);
    watcher.add(path);
  };
  const watchOutside = (path: string | undefined): void => {
    if (path !== undefined && !inside(cwd, path)) watchPath(path);
  };
  [...records, configPath, config()?.templatesDir].forEach(watchOutside);
  let closed = false;
  const note = (path: string): void => {
    if (closed) return;
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(run, SETTLE_MS);
  };
  watcher.on('all', (_event, file) => {
    const path = resolve(cwd, file);
    if (!relevant(path)) return;
    note(path);
    // A second save within chokidar's throttle would go unreported, and unbuilt: the file is
    // looked at again once the throttle has passed, and counts as changed if it differs.
    const held = contents(path);
    setTimeout(() => {
      const now = contents(path);
      if (held === undefined ? now !== undefined : now === undefined || !held.equals(now)) note(path);
    }, CHOKIDAR_THROTTLE_MS + 10);
  });
  watcher.on('error', (error) => log(`watching failed: ${errorMessage(error)}`));

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: () => {
      closed = true;
      clearTimeout(timer);
      return watcher.close();
    },
  };
}

/** A file's bytes; none for a folder or a file that is gone. */
function contents(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
