/**
 * Previous and next briefings, by date. A briefing's page links to its neighbours, so adding,
 * removing or redating one record changes the pages of up to four others. The build renders
 * with the neighbours it expects (the last build's order, and the dates of the records to
 * render read from their front-matter lines), then renders again the few whose neighbours
 * turned out otherwise.
 */
import { readFileSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { FORMATS, type Format } from '../render/formats.js';
import type { Neighbour, Neighbours } from './briefing-page.js';
import type { Manifest } from './cache.js';
import { newestFirst } from './model.js';

/** Records are keyed by their path relative to the project. */
export function sourceKey(cwd: string, path: string): string {
  return relative(cwd, path);
}

/** The same, as `source` in the JSON: with forward slashes on every system. */
export function sourcePath(cwd: string, path: string): string {
  return sourceKey(cwd, path).split(sep).join('/');
}

/** What a page was rendered with, to compare with what it should have been. */
export function neighboursKey(neighbours: Neighbours): string {
  const part = (n: Neighbour | undefined): string[] => (n ? [n.slug, n.title, n.date, ...(n.lang ? [n.lang] : [])] : []);
  return JSON.stringify([part(neighbours.prev), part(neighbours.next)]);
}

export interface Placed extends Neighbour {
  source: string;
}

/** Each briefing's neighbours: previous is the meeting before it, next the one after. */
export function neighboursOf(briefings: readonly Placed[]): Map<string, Neighbours> {
  const ordered = [...briefings].sort(newestFirst);
  const found = new Map<string, Neighbours>();
  const strip = ({ source: _source, ...neighbour }: Placed): Neighbour => neighbour;
  ordered.forEach((briefing, i) => {
    const newer = ordered[i - 1];
    const older = ordered[i + 1];
    found.set(briefing.source, { ...(older ? { prev: strip(older) } : {}), ...(newer ? { next: strip(newer) } : {}) });
  });
  return found;
}

/** The dated briefings of the manifest's `records` that are published and still there. */
export function placedBriefings(records: Manifest['records'], drafts: boolean, exists: (source: string) => boolean): Placed[] {
  return Object.entries(records).flatMap(([source, entry]) =>
    entry.date !== undefined && entry.slug && (drafts || !entry.draft) && exists(source)
      ? [{ source, slug: entry.slug, title: entry.title ?? entry.slug, date: entry.date, ...(entry.lang ? { lang: entry.lang } : {}) }]
      : [],
  );
}

/**
 * A record's slug, title and date as its front-matter lines give them, read without a YAML
 * parser: only a guess, good for the usual plain lines, that spares a second render of most
 * pages on a first build. Its render says what the record really holds.
 */
export function guessPlace(path: string, source: string, drafts: boolean, siteLang = 'en-GB'): Placed | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const end = text.indexOf('\n---', 3);
  const head = end > 0 ? text.slice(0, end) : text;
  const line = (key: string): string | undefined => new RegExp(`^${key}:[ \\t]*(.+?)[ \\t]*$`, 'm').exec(head)?.[1];
  const date = line('date');
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  if (!drafts && line('draft') === 'true') return undefined;
  const title = (line('title') ?? '').replace(/^(["'])(.*)\1$/, '$2');
  const slug = line('slug') ?? basename(path).replace(/\.md$/i, '');
  return { source, slug, title, date, lang: (line('lang') ?? siteLang).replace(/^(["'])(.*)\1$/, '$2') };
}

/**
 * Each page's neighbours before rendering: the last build's places for the records not
 * rendered now, and for those that are, the place their front-matter suggests.
 */
export function guessNeighbours(
  placedBefore: readonly Placed[],
  toRender: readonly string[],
  cwd: string,
  drafts: boolean,
  siteLang = 'en-GB',
): Map<string, Neighbours> {
  const rendering = new Set(toRender.map((path) => sourceKey(cwd, path)));
  return neighboursOf([
    ...placedBefore.filter((p) => !rendering.has(p.source)),
    ...toRender.flatMap((path) => guessPlace(path, sourceKey(cwd, path), drafts, siteLang) ?? []),
  ]);
}

/** Records to render again, with the formats to make them in. */
export interface RenderBatch {
  files: string[];
  formats: Format[];
}

/**
 * The records whose neighbours turned out otherwise, in batches by the formats to make. One of
 * this build's records is made in the build's formats. A record outside the paths the build was
 * given is made in those and in the formats its files are in, so that building one record in
 * fewer formats (`build -f html meetings/new.md`) takes no file from the records beside it.
 */
export function renderAgainBatches(
  again: readonly string[],
  asked: ReadonlySet<string>,
  records: Manifest['records'],
  cwd: string,
  formats: readonly Format[],
): RenderBatch[] {
  const ours = again.filter((path) => asked.has(path));
  const theirs = again.filter((path) => !asked.has(path));
  const had = new Set<Format>(formats);
  for (const path of theirs)
    for (const name of records[sourceKey(cwd, path)]?.outputs ?? []) {
      const format = FORMATS.find((spec) => name.endsWith(`.${spec.extension}`));
      if (format) had.add(format.id);
    }
  const batches = [
    { files: ours, formats: [...formats] },
    { files: theirs, formats: FORMATS.map((spec) => spec.id).filter((id) => had.has(id)) },
  ];
  return batches.filter((batch) => batch.files.length > 0);
}
