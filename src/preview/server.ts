/**
 * `phrg-brief preview`: builds into a temporary folder with the same functions as `build`,
 * serves it on loopback, and rebuilds and reloads the open page whenever a record, template,
 * theme or the config is saved. A bad record shows its diagnostics in the browser; nothing
 * that goes wrong in a build stops the server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { clearTemplateCache } from '../compose/templates.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { decodeRecord } from '../load/decode.js';
import { FORMAT_IDS, FORMATS } from '../render/formats.js';
import { clearThemeCache } from '../render/pdf/theme.js';
import { buildSite, type BuildResult } from '../site/build.js';
import { onRequestRoute, resolveRequestPath } from './files.js';
import { EVENTS_PATH, injectPreview } from './inject.js';
import { overlayPage } from './overlay.js';
import { templatesTouched, watchProject } from './watch.js';

const ON_REQUEST = onRequestRoute(FORMATS);

export interface PreviewOptions {
  cwd: string;
  /** A record or a folder of records. */
  path: string;
  port: number;
  host: string;
  configFile?: string;
  /** Told of each rebuild: for the terminal, and for tests measuring latency. */
  log: (line: string) => void;
}

export interface Preview {
  url: string;
  /** The page of a record, under the slug it was built with. */
  pageOf(file: string): string | undefined;
  close(): Promise<void>;
}

interface State {
  result?: BuildResult;
  config?: ResolvedConfig;
  configProblems: Diagnostic[];
  /** Record file (as reported) → the slug its page is served under. */
  slugs: Map<string, string>;
  /** The last save changed pages whose PDF, Markdown and JSON are not yet rebuilt. */
  otherFormatsStale: boolean;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  // The site and the build caches live apart, so that only built files can be served.
  const base = await mkdtemp(join(tmpdir(), 'phrg-brief-preview-'));
  const outDir = join(base, 'site');
  const state: State = { configProblems: [], slugs: new Map(), otherFormatsStale: true };
  const clients = new Set<ServerResponse>();

  // Builds never overlap: a save's rebuild and a request's PDF take turns on this chain.
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = turn.then(work, work);
    turn = next.catch(() => undefined);
    return next;
  };
  const common = (config: ResolvedConfig) => ({ paths: [options.path], cwd: options.cwd, config, outDir, drafts: true, jobs: 1 });

  /** A save rebuilds the pages only; the PDF, Markdown and JSON wait until they are asked for. */
  const build = (changed?: ReadonlySet<string>): Promise<void> =>
    exclusive(async () => {
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
        broadcast(clients);
        return;
      }
      state.config = loaded.config;
      try {
        state.result = await buildSite({ ...common(loaded.config), formats: ['html'], cacheDir: join(base, 'cache-html') });
        state.otherFormatsStale = true;
        for (const record of state.result.records) {
          state.slugs.set(record.file, record.slug ?? state.slugs.get(record.file) ?? basename(record.file).replace(/\.md$/i, ''));
        }
        const built = state.result.records.filter((record) => record.status === 'built').length;
        const failed = state.result.records.filter((record) => hasErrors(record.diagnostics)).length;
        options.log(`rebuilt in ${Math.round(performance.now() - started)} ms: ${built} built, ${failed} with errors`);
      } catch (error) {
        options.log(`build failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      broadcast(clients);
    });

  /** Brings the PDF, Markdown, JSON and feed up to date before one of them is served. */
  const otherFormats = (): Promise<void> =>
    exclusive(async () => {
      if (!state.otherFormatsStale || !state.config) return;
      try {
        await buildSite({ ...common(state.config), formats: FORMAT_IDS, cacheDir: join(base, 'cache-all') });
        state.otherFormatsStale = false;
      } catch (error) {
        options.log(`build failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });

  await build();
  const watcher = watchProject({ cwd: options.cwd, paths: [options.path], config: () => state.config, configFile: options.configFile, rebuild: build, log: options.log });

  const allowedHosts = new Set<string>();
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`phrg-brief preview: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a page elsewhere must not reach this server under another name.
    if (!allowedHosts.has((request.headers.host ?? '').toLowerCase())) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('phrg-brief preview answers only for its own address\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' });
      response.end();
      return;
    }
    const url = request.url ?? '/';
    if (url === EVENTS_PATH) return events(response);

    const overlay = await overlayFor(url);
    if (overlay) return send(response, 200, 'text/html; charset=utf-8', injectPreview(overlay, undefined), request.method);

    if (ON_REQUEST.test(url.split('?')[0]!)) await otherFormats();
    const resolved = await resolveRequestPath(outDir, url);
    if (!resolved.ok) {
      response.writeHead(resolved.status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`${resolved.status === 404 ? 'not found' : 'refused'}\n`);
      return;
    }
    if (resolved.type.startsWith('text/html')) {
      const html = await readFile(resolved.path, 'utf8');
      return send(response, 200, resolved.type, injectPreview(html, barFor(basename(resolved.path, '.html'))), request.method);
    }
    response.writeHead(200, { 'content-type': resolved.type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    if (request.method === 'HEAD') return void response.end();
    // The file may go between the check and the read (a rebuild removing it): answer, don't crash.
    const stream = createReadStream(resolved.path);
    stream.on('error', () => {
      if (!response.headersSent) response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end();
    });
    stream.pipe(response);
  }

  /** The diagnostics page, for the page of a record (or config) that has errors. */
  async function overlayFor(url: string): Promise<string | undefined> {
    const path = url.split('?')[0]!;
    if (state.configProblems.some((d) => d.severity === 'error') && path.endsWith('.html')) {
      return overlayPage(state.configProblems[0]!.file, state.configProblems, await sourceOf(state.configProblems[0]!.file));
    }
    for (const record of state.result?.records ?? []) {
      if (!hasErrors(record.diagnostics)) continue;
      const slug = state.slugs.get(record.file);
      const single = (state.result?.records.length ?? 0) === 1;
      if (path === `/${slug}.html` || (single && (path === '/' || path === '/index.html'))) {
        return overlayPage(record.file, record.diagnostics, await sourceOf(record.file));
      }
    }
    return undefined;
  }

  async function sourceOf(file: string): Promise<string | undefined> {
    try {
      const decoded = decodeRecord(await readFile(resolve(options.cwd, file)));
      return decoded.ok ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }

  function barFor(slug: string): { slug: string; formats: readonly string[]; warnings: number } | undefined {
    const record = state.result?.records.find((r) => r.slug === slug);
    if (!record) return undefined;
    return { slug, formats: FORMAT_IDS, warnings: record.diagnostics.filter((d) => d.severity === 'warning').length };
  }

  function events(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    clients.add(response);
    response.on('close', () => clients.delete(response));
  }

  const port = await listen(server, options.host, options.port);
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  // Listening on every address means answering under each of this machine's own addresses.
  const names = new Set([shown, 'localhost', '127.0.0.1', '[::1]']);
  if (options.host === '0.0.0.0' || options.host === '::') {
    for (const addresses of Object.values(networkInterfaces())) for (const address of addresses ?? []) names.add(address.family === 'IPv6' ? `[${address.address}]` : address.address);
  }
  for (const name of names) allowedHosts.add(`${name}:${port}`.toLowerCase());

  return {
    url: `http://${shown === '0.0.0.0' || shown === '[::]' ? '127.0.0.1' : shown}:${port}/`,
    pageOf: (file) => {
      const record = state.result?.records.find((r) => resolve(options.cwd, r.file) === resolve(options.cwd, file));
      const slug = record ? state.slugs.get(record.file) : undefined;
      return slug ? `${slug}.html` : undefined;
    },
    async close() {
      await watcher.close();
      await exclusive(async () => undefined); // let a build in hand finish before its folder goes
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(base, { recursive: true, force: true });
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string, method: string | undefined): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  response.end(method === 'HEAD' ? undefined : body);
}

function broadcast(clients: Set<ServerResponse>): void {
  for (const client of clients) client.write(`event: reload\ndata: ${Date.now()}\n\n`);
}

/** Listens on `port`, or the next free one when it is taken (port 0: any free port). */
async function listen(server: ReturnType<typeof createServer>, host: string, port: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = port === 0 ? 0 : port + attempt;
    const bound = await new Promise<number | undefined>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE') resolve(undefined);
        else reject(error);
      };
      const onListening = (): void => {
        server.off('error', onError);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : candidate);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(candidate, host);
    });
    if (bound !== undefined) return bound;
  }
  throw new Error(`no free port from ${port} to ${port + 19}`);
}
