/**
 * The build cache: a manifest in `.phrg-brief-cache/` of what each record last produced and
 * from what. A record is rendered again only when its bytes, the templates, the theme, the
 * config, the formats or phrg-brief itself changed — or an output it made has gone missing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { DEFAULT_TEMPLATES_DIR } from '../compose/template-files.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PackPlace } from './entry-pack.js';
import { writeChunksAtomic } from '../write/atomic.js';

export const CACHE_DIR = '.phrg-brief-cache';
const MANIFEST_VERSION = 5;

export interface CacheEntry {
  /** Hash of everything the outputs were made from. */
  key: string;
  /** The record file's size, modification time and inode when it was read for `key`. */
  stamp?: string;
  /** Where its entry of briefings.json, and its summary for the site pages, lie in the manifest's pack. */
  entry?: PackPlace;
  slug?: string;
  /** Output file names, relative to the output folder. */
  outputs: string[];
  /** The briefing's date, by which the archive is ordered (none for a record that built none). */
  date?: string;
  /** The briefing's title, for its neighbours' previous and next links, and its language. */
  title?: string;
  lang?: string;
  /** The previous and next briefings its page links to (neighboursKey), when it has a page. */
  neighbours?: string;
  /** The briefing is a draft, published only with --drafts. */
  draft?: true;
  /** Hash of the summary: the site pages are made again only when one of these changes. */
  summaryKey?: string;
  /** Warnings of the last build, shown again while the record is unchanged. */
  diagnostics: Diagnostic[];
}

export interface Manifest {
  version: number;
  /** Record path (relative to the project) → what it produced. */
  records: Record<string, CacheEntry>;
  /** Site files (index, tags, feed…) the last build wrote, to remove those no longer made. */
  siteFiles: string[];
  /** Hash of what the site pages were last made from: every summary and the settings. */
  siteKey?: string;
  /** Hash of what briefings.json was last made from: every record's key. */
  dataKey?: string;
  /** Person pages written with briefings.json (from the points), apart from the other pages. */
  dataFiles?: string[];
  /** Hash of what the search index was last made from. */
  searchKey?: string;
  /** The settings key of the last build, which every record's key starts from. */
  settings?: string;
  /** The PDF theme's font files that key was made with. */
  fonts?: string[];
  /** The file beside the manifest holding every record's entry of briefings.json. */
  pack?: string;
}

export function emptyManifest(): Manifest {
  return { version: MANIFEST_VERSION, records: {}, siteFiles: [] };
}

/**
 * One manifest per output folder, so that building into two folders keeps both current. The
 * folder is named as the cache sees it, so a project moved or copied whole (a CI cache
 * restored under another path) keeps its cache.
 */
export function manifestPath(cacheDir: string, outDir: string): string {
  const id = createHash('sha256')
    .update(relative(resolve(cacheDir), resolve(outDir)))
    .digest('hex')
    .slice(0, 16);
  return join(cacheDir, `build-${id}.json`);
}

export async function loadManifest(path: string): Promise<Manifest> {
  try {
    // Checked by hand rather than by a schema, which would copy an archive's worth of data.
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<Manifest> | null;
    const valid = value?.version === MANIFEST_VERSION && typeof value.records === 'object' && value.records !== null && Array.isArray(value.siteFiles);
    // An unreadable or older manifest only costs a full build.
    return valid ? (value as Manifest) : emptyManifest();
  } catch {
    return emptyManifest();
  }
}

/** Written record by record: the manifest of a large archive runs to megabytes. */
export async function saveManifest(path: string, manifest: Manifest): Promise<void> {
  const { records, ...rest } = manifest;
  const chunks = function* (): Generator<string> {
    yield `${JSON.stringify(rest).slice(0, -1)}${Object.keys(rest).length > 0 ? ',' : ''}"records":{`;
    let first = true;
    for (const [source, entry] of Object.entries(records)) {
      yield `${first ? '' : ','}${JSON.stringify(source)}:${JSON.stringify(entry)}`;
      first = false;
    }
    yield '}}';
  };
  await writeChunksAtomic(path, chunks());
}

/**
 * The hash of the build's settings: phrg-brief's version, every template and theme file
 * (default and the project's), the fonts, the config, the formats and whether drafts count.
 */
export function settingsKey(version: string, config: ResolvedConfig, formats: readonly string[], drafts: boolean, fontFiles: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(`phrg-brief ${version}\n`);
  for (const dir of [DEFAULT_TEMPLATES_DIR, config.templatesDir].filter((d): d is string => d !== undefined)) {
    for (const file of listFiles(dir)) hash.update(`${relative(dir, file)}\n`).update(readFileSync(file));
  }
  for (const font of fontFiles) {
    // Their bytes, not their times (a fresh install touches every file and changes none), and
    // their names, not where they lie: a project moved or copied keeps its cache.
    hash.update(`${basename(font)}\n`);
    try {
      hash.update(readFileSync(font));
    } catch {
      hash.update('(missing)');
    }
  }
  // Whether the site has a search index changes no briefing: left out, so turning it off
  // renders nothing again (and the key stays what it was before the setting came).
  const { root, file: _file, ...rest } = config;
  const { search: _search, ...site } = config.site;
  // The templates folder as the project names it, not where the project lies (its files are hashed above).
  const settings = { ...rest, site, ...(rest.templatesDir ? { templatesDir: relative(root, rest.templatesDir) } : {}) }; // `site` keeps its place among the keys

  hash.update(JSON.stringify(settings)).update(`\n${formats.join(',')}\n${drafts}`);
  return hash.digest('hex');
}

export function recordKey(settings: string, bytes: Uint8Array): string {
  return createHash('sha256').update(settings).update(bytes).digest('hex');
}

export function outputsExist(outDir: string, outputs: readonly string[]): boolean {
  return outputs.every((name) => existsSync(join(outDir, name)));
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
