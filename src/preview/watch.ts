/**
 * Watches what a briefing is made from — the records, the project's templates and theme, the
 * config — and rebuilds once per burst of saves. A save during a rebuild is queued: one more
 * rebuild follows, so nothing saved is lost.
 *
 * The whole project folder is watched (less its dependencies and outputs) and events are
 * sorted here, because a config or a templates folder created while the preview runs must
 * be noticed too.
 */
import { watch } from 'chokidar';
import { relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from '../config/schema.js';
import { CONFIG_FILE } from '../config/schema.js';

export interface Watcher {
  close(): Promise<void>;
}

const SETTLE_MS = 20;
const IGNORED = /(^|[\\/])(node_modules|\.git|\.phrg-brief-cache|dist)([\\/]|$)/;

export function watchProject(
  cwd: string,
  path: string,
  config: () => ResolvedConfig | undefined,
  configFile: string | undefined,
  rebuild: (changed: ReadonlySet<string>) => Promise<void>,
  log: (line: string) => void,
): Watcher {
  let running = false;
  let queued = false;
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();

  const run = async (): Promise<void> => {
    if (running) {
      queued = true;
      return;
    }
    running = true;
    try {
      do {
        queued = false;
        const batch = changed;
        changed = new Set();
        await rebuild(batch);
      } while (queued);
    } catch (error) {
      log(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };

  const records = resolve(cwd, path);
  const configPath = resolve(cwd, configFile ?? CONFIG_FILE);
  const inside = (dir: string, file: string): boolean => file === dir || file.startsWith(dir + sep);
  const relevant = (file: string): boolean => {
    const templates = config()?.templatesDir;
    return file === configPath || (inside(records, file) && file.endsWith('.md')) || file === records || (templates !== undefined && inside(templates, file));
  };

  const watcher = watch(cwd, { ignoreInitial: true, ignored: (file) => IGNORED.test(relative(cwd, file)) });
  // Records kept outside the project folder are watched where they are.
  if (!inside(cwd, records)) watcher.add(records);
  watcher.on('all', (_event, file) => {
    const path = resolve(cwd, file);
    if (!relevant(path)) return;
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  });
  watcher.on('error', (error) => log(`watching failed: ${error instanceof Error ? error.message : String(error)}`));

  return { close: () => watcher.close() };
}
