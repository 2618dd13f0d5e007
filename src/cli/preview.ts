/** `phrg-brief preview`: serve the briefings, rebuilt and reloaded in the browser on each save. */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { PreviewListenError, startPreview, type Preview } from '../preview/server.js';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import type { ConfigOption, DebugOption } from './options.js';

export interface PreviewCommandOptions extends ConfigOption, DebugOption {
  port: number;
  host: string;
  open?: boolean;
}

export async function runPreview(path: string, options: PreviewCommandOptions): Promise<number> {
  const cwd = process.cwd();
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    process.stderr.write(`phrg-brief preview: ${path}: no such file or folder\n`);
    // Bad usage, as build, check and fmt say of a path with no records.
    return EXIT_USAGE;
  }
  const time = () => new Date().toLocaleTimeString('en-GB');
  // Ctrl-C in the first build stops the preview once that build ends, its temporary folder taken
  // away (killed by the signal there, it was left in the system's temporary folder for good).
  let interrupted: NodeJS.Signals | undefined;
  const interrupt = (signal: NodeJS.Signals): void => {
    if (!interrupted) process.stderr.write('phrg-brief preview: stopping once the first build ends\n');
    interrupted = signal;
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  let preview: Preview;
  try {
    preview = await startPreview({
      cwd,
      path,
      port: options.port,
      host: options.host,
      ...(options.config ? { configFile: options.config } : {}),
      debug: options.debug ?? false,
      log: (line) => process.stderr.write(`[${time()}] ${line}\n`),
    });
  } catch (error) {
    if (!(error instanceof PreviewListenError)) throw error;
    process.stderr.write(`phrg-brief preview: ${error.message}\n`);
    return EXIT_USAGE;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
  if (interrupted) {
    await preview.close();
    process.stderr.write('phrg-brief preview: stopped\n');
    return interrupted === 'SIGINT' ? 130 : 143;
  }
  const page = isFile ? `${preview.url}${preview.pageOf(path) ?? `${basename(path).replace(/\.md$/i, '')}.html`}` : preview.url;
  process.stdout.write(`phrg-brief preview: ${page}\n  (edit and save a record to see it update; Ctrl-C to stop)\n`);
  if (options.open) openBrowser(page);

  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    stopWhenOrphaned(stop);
  });
  // The server stops answering at once; a build in hand is let finish, unless told twice or it
  // runs past STOP_WAIT_MS (its files are in the preview's own temporary folder: nothing of the
  // project's is lost).
  const forced = (): void => {
    process.stderr.write('phrg-brief preview: stopped without waiting for the build in hand\n');
    process.exit(EXIT_OK);
  };
  process.once('SIGINT', forced);
  process.once('SIGTERM', forced);
  const guard = setTimeout(forced, STOP_WAIT_MS);
  await preview.close();
  clearTimeout(guard);
  process.stderr.write('phrg-brief preview: stopped\n');
  return EXIT_OK;
}

/** How long a stopped preview waits for a build in hand before it ends regardless. */
const STOP_WAIT_MS = 10_000;

/**
 * `npx phrg-brief preview` runs the server under `sh -c`, and a SIGTERM to npm ends npm and
 * that shell but never reaches the server, which would serve on, orphaned. A server whose
 * parent has gone stops as if signalled. (A SIGINT to npm alone is passed to the shell, which
 * keeps it: the README says how to run preview so that it reaches the server.)
 */
function stopWhenOrphaned(stop: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      stop();
    }
  }, 500);
  timer.unref();
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  // No such command, or one that found no browser (xdg-open on a machine without a desktop).
  const failed = (): void => void process.stderr.write(`phrg-brief preview: could not open a browser; visit ${url}\n`);
  child.on('error', failed);
  child.on('exit', (code) => code !== 0 && code !== null && failed());
  child.unref();
}
