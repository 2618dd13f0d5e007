/**
 * `phrg-brief preview`: builds into a temporary folder with the same functions as `build`,
 * serves it on loopback, and rebuilds and reloads the open page whenever a record, template,
 * theme or the config is saved. A bad record shows its diagnostics in the browser; nothing
 * that goes wrong in a build stops the server.
 *
 * This file puts the parts together: the builds (builds.ts), the watcher (watch.ts), and the
 * request handling, one middleware a file in middleware/.
 */
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { errorMessage } from '../diagnostics/error-message.js';
import { PreviewBuilds } from './builds.js';
import { listen, ownHostNames, shownHost } from './listen.js';
import { chain } from './middleware/chain.js';
import { deferredFormats } from './middleware/deferred-formats.js';
import { errorOverlay } from './middleware/error-overlay.js';
import { hostCheck } from './middleware/host-check.js';
import { LiveReload } from './middleware/live-reload.js';
import { readOnlyMethods } from './middleware/methods.js';
import { searchIndex } from './middleware/search-index.js';
import { staticFiles } from './middleware/static-files.js';
import { watchProject } from './watch.js';

export interface PreviewOptions {
  cwd: string;
  /** A record or a folder of records. */
  path: string;
  port: number;
  host: string;
  configFile?: string;
  /** Told of each rebuild: for the terminal, and for tests measuring latency. */
  log: (line: string) => void;
  /** Stack traces of failed builds in the log. */
  debug?: boolean;
}

export interface Preview {
  url: string;
  /** The page of a record, under the slug it was built with. */
  pageOf(file: string): string | undefined;
  close(): Promise<void>;
}

/** The preview could not listen where it was asked to: a usage error, said in words. */
export class PreviewListenError extends Error {
  constructor(host: string, port: number, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRNOTAVAIL'
        ? 'that address is not one of this machine’s'
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? 'no such host name is known'
          : code === 'EACCES'
            ? 'listening on that port needs more permissions (use a port above 1023)'
            : errorMessage(cause);
    super(`cannot listen on ${shownHost(host)}:${port}: ${why} (--host 127.0.0.1 serves this machine alone, --host 0.0.0.0 the network too)`);
  }
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const base = await mkdtemp(join(tmpdir(), 'phrg-brief-preview-'));
  const liveReload = new LiveReload();
  const builds = new PreviewBuilds({ ...options, base, debug: options.debug ?? false, rebuilt: () => liveReload.broadcast() });
  const { state } = builds;
  await builds.first();
  const watcher = watchProject({
    cwd: options.cwd,
    paths: [options.path],
    config: () => state.config,
    configFailed: () => state.configProblems.some((problem) => problem.severity === 'error'),
    configFile: options.configFile,
    queue: builds.queue,
    log: options.log,
  });

  // Filled once the port is known; until then no request can arrive.
  const allowedHosts = new Set<string>();
  const handle = chain([
    hostCheck(allowedHosts),
    readOnlyMethods,
    liveReload.middleware,
    errorOverlay(state, options.cwd),
    deferredFormats((format) => builds.otherFormats(format)),
    searchIndex(() => builds.search.idle()),
    staticFiles(builds.outDir, state),
  ]);
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`phrg-brief preview: ${errorMessage(error)}\n`);
    });
  });
  let port: number;
  try {
    port = await listen(server, options.host, options.port);
  } catch (error) {
    // Nothing to serve on: stop watching, and take away the preview's folder, or the process
    // would wait for ever on a watcher with no server (an address not this machine's).
    await watcher.close();
    await builds.queue.idle();
    await builds.search.idle();
    await rm(base, { recursive: true, force: true });
    throw new PreviewListenError(options.host, options.port, error);
  }
  for (const name of ownHostNames(options.host, port)) allowedHosts.add(name);
  const shown = shownHost(options.host);

  return {
    url: `http://${shown === '0.0.0.0' || shown === '[::]' ? '127.0.0.1' : shown}:${port}/`,
    pageOf: (file) => {
      const record = state.result?.records.find((r) => resolve(options.cwd, r.file) === resolve(options.cwd, file));
      const slug = record ? state.slugs.get(record.file) : undefined;
      return slug ? `${slug}.html` : undefined;
    },
    async close() {
      // Stop serving at once, open connections too (live-reload streams, kept-alive sockets):
      // a stopped preview must not answer, nor hold its port, while a build in hand finishes.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      liveReload.close();
      server.closeAllConnections();
      await watcher.close();
      // Let a build in hand, and the search index it left, finish before their folder goes.
      await builds.queue.idle();
      await builds.search.idle();
      await closed;
      await rm(base, { recursive: true, force: true });
    },
  };
}
