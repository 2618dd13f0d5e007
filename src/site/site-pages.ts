/**
 * Writing the archive's pages (index, tags, people, feed, schemas, sitemap). A large archive's
 * pages are made on a worker thread with a heap of its own, bounded: the pages of ten
 * thousand briefings run to megabytes each, and V8 would otherwise let the main thread's heap
 * grow to several times what they need before collecting. Should the bound prove too small,
 * the pages are made here after all.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadTemplates } from '../compose/templates.js';
import { TemplateError } from '../compose/template-files.js';
import type { SiteSummary } from '../render/summary-schema.js';
import { writeFileIfChanged } from '../write/atomic.js';
import { PackReader, type PackPlace } from './entry-pack.js';
import { LARGE_ARCHIVE } from './large-archive.js';
import { renderSite, type SiteSettings } from './pages.js';
import { writeSiteAssets } from './site-assets.js';

export interface SitePagesJob {
  /** The pack holding each briefing's summary (none when there are no briefings), and their places in it. */
  pack: string | undefined;
  places: PackPlace[];
  templatesDir: string | undefined;
  site: SiteSettings;
  outDir: string;
  /** Each briefing's last commit date, by slug, for the feed's `updated`. */
  committed: Record<string, string>;
}

/** Below this many briefings the pages are small, and a worker's start costs more than it saves. */
const WORKER_FROM = LARGE_ARCHIVE;

/** Heap for the pages worker: a base and room for each briefing (measured: a live peak of ~107 MB at 10,000). */
const heapFor = (briefings: number): number => Math.ceil(48 + briefings * 0.008);

/** Renders and writes every page; returns their names. Unchanged pages keep their dates. */
export async function writeSitePages(job: SitePagesJob): Promise<string[]> {
  const assets = await writeSiteAssets(job.outDir); // the pages' fonts
  if (job.places.length < WORKER_FROM) return [...(await writePagesHere(job)), ...assets];
  try {
    return [...(await writePagesOnWorker(job)), ...assets];
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY') return [...(await writePagesHere(job)), ...assets];
    throw error;
  }
}

export async function writePagesHere(job: SitePagesJob): Promise<string[]> {
  const written: string[] = [];
  for (const file of renderSite(readSummaries(job), loadTemplates(job.templatesDir), job.site, job.committed)) {
    await writeFileIfChanged(join(job.outDir, file.name), file.data);
    written.push(file.name);
  }
  return written;
}

/** The summaries from the pack, read here rather than kept by the build all along. */
function readSummaries({ pack, places }: SitePagesJob): SiteSummary[] {
  if (places.length === 0 || pack === undefined) return [];
  const reader = PackReader.at(pack, places);
  if (!reader) throw new Error('the build cache’s pack of summaries is shorter than its manifest says; build again with --force');
  try {
    return places.map((place) => JSON.parse(reader.readSummary(place)) as SiteSummary);
  } finally {
    reader.close();
  }
}

/** What the worker posts back: the pages written, or why it could not. */
export type SitePagesReply = { written: string[] } | { templateError: { file: string; message: string } } | { error: string };

function writePagesOnWorker(job: SitePagesJob): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pages-worker.js', import.meta.url), {
      workerData: job,
      // Its young generation small too: the pages are made once, and memory is the point here.
      resourceLimits: { maxOldGenerationSizeMb: heapFor(job.places.length), maxYoungGenerationSizeMb: 8 },
    });
    let settled = false;
    worker.once('message', (reply: SitePagesReply) => {
      settled = true;
      if ('written' in reply) resolve(reply.written);
      else if ('templateError' in reply) reject(new TemplateError(reply.templateError.file, reply.templateError.message));
      else reject(new Error(reply.error));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the pages worker stopped with code ${code}`));
    });
  });
}
