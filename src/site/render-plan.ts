/**
 * What a build renders. Every record's cache key starts from the settings key (phrg-brief's
 * version, the templates, the theme and its fonts, the config, the formats); a record is
 * rendered again when its key changed or an output it made went missing. A file whose stamp
 * (size, time, inode) is as it was is not even read: make and git's index decide the same way.
 */
import { readFileSync, statSync } from 'node:fs';
import type { ResolvedConfig } from '../config/schema.js';
import { buildId, packageVersion } from '../config/package-version.js';
import { displayPath } from '../load/discover.js';
import type { Format, RecordOutcome } from '../pipeline.js';
import { recordKey, settingsKey, type CacheEntry, type Manifest } from './cache.js';
import { sourceKey } from './neighbours.js';
import { outputNamer, presentIn } from './output-folder.js';

/** The build's settings key, and the PDF theme's fonts it was made with. */
export interface BuildSettings {
  settings: string;
  fontFiles: string[];
}

/**
 * The settings are keyed with the PDF theme's fonts as the last build found them. Should the
 * key come out as it did then, the theme (a template file, in the key) and the templates are
 * as they were when last built, and need not be read again: a build with nothing to render
 * loads neither the templates' compiler nor the theme's parser. `force` reads them all again,
 * whatever the key says. Throws what a missing or broken template throws, before any record.
 */
export async function buildSettings(
  config: ResolvedConfig,
  formats: readonly Format[],
  drafts: boolean,
  previous: Manifest,
  force: boolean,
): Promise<BuildSettings> {
  const keyWith = (fonts: readonly string[]): string => settingsKey(`${packageVersion()} ${buildId()}`, config, formats, drafts, fonts);
  let fontFiles = formats.includes('pdf') ? (previous.fonts ?? []) : [];
  let settings = keyWith(fontFiles);
  if (settings !== previous.settings || force) {
    const { loadTemplates } = await import('../compose/templates.js');
    loadTemplates(config.templatesDir);
    if (formats.includes('pdf') || formats.includes('docx')) {
      // Not pdfkit: the theme's values and font paths, found wrong here once, not for every record.
      const { loadTheme } = await import('../render/pdf/theme.js');
      const theme = loadTheme(config.templatesDir, config.pdf.pageSize);
      if (formats.includes('pdf')) fontFiles = Object.values(theme.fonts);
      settings = keyWith(fontFiles);
    }
  }
  return { settings, fontFiles };
}

export interface PlanInput {
  /** The records found, absolute paths in file order. */
  files: readonly string[];
  cwd: string;
  outDir: string;
  previous: Manifest;
  settings: string;
  /** Render every record, whatever the cache says. */
  force: boolean;
  /** Whether the last build's pack of entries is there to read (a dated record needs its entry). */
  lastPack: boolean;
  /** Told of each unchanged record as it is found, for progress. */
  onUnchanged: (file: string) => void;
}

export interface RenderPlan {
  /** The records to render, in file order. */
  toRender: string[];
  /** The records unchanged since the last build (by path), with what they built then. */
  unchanged: Map<string, RecordOutcome>;
  /** Each record's stamp as last seen, taken before it is read; none for a file changed too recently to tell. */
  stamps: Map<string, string>;
  /** Cache entries of unchanged records whose stamp moved (touched, not changed), by source. */
  restamped: Map<string, CacheEntry>;
}

/**
 * Which records must be rendered. Each changed record is hashed here and read again by its
 * renderer, which keys what it rendered by the bytes it read: holding every record's bytes
 * until its turn would cost an archive's size.
 */
export function planRenders(input: PlanInput): RenderPlan {
  const { cwd, previous, settings } = input;
  const plan: RenderPlan = { toRender: [], unchanged: new Map(), stamps: new Map(), restamped: new Map() };
  const exists = presentIn(input.outDir);
  const shownOutput = outputNamer(cwd, input.outDir);
  for (const path of input.files) {
    const source = sourceKey(cwd, path);
    const entry = previous.records[source];
    let key: string;
    try {
      const stamp = stampOf(path);
      if (!stamp.racy) plan.stamps.set(path, stamp.value);
      // A record new to the cache, or any under force, renders whatever its key: its
      // renderer reads it and keys what it read.
      if (input.force || entry === undefined) {
        plan.toRender.push(path);
        continue;
      }
      // A file as it was when last hashed, under the same settings, has that key still.
      if (entry.stamp === stamp.value && previous.settings === settings) key = entry.key;
      else key = recordKey(settings, readFileSync(path));
    } catch {
      plan.toRender.push(path); // the job reports the read error
      continue;
    }
    const current = entry.key === key && entry.outputs.every(exists) && (entry.date === undefined || (input.lastPack && entry.entry !== undefined));
    if (!current) {
      plan.toRender.push(path);
      continue;
    }
    const stamp = plan.stamps.get(path);
    if (entry.stamp !== stamp) {
      // Touched, not changed (or changed too recently for its time to tell: no stamp then).
      const { stamp: _old, ...rest } = entry;
      plan.restamped.set(source, stamp ? { ...rest, stamp } : rest);
    }
    const file = displayPath(path, cwd);
    plan.unchanged.set(path, {
      file,
      status: 'unchanged',
      ...(entry.slug ? { slug: entry.slug } : {}),
      ...(entry.draft ? { draft: true } : {}),
      diagnostics: entry.diagnostics,
      outputs: entry.outputs.map(shownOutput),
    });
    input.onUnchanged(file);
  }
  return plan;
}

/**
 * What changes when a file is written: its size, its modification time, its inode. A stamp
 * taken within two seconds of the file's last change is not to be kept: on a file system
 * with coarse times, a second edit of the same size in the same tick would go unseen (git's
 * "racily clean" entries, avoided the same way).
 */
function stampOf(path: string): { value: string; racy: boolean } {
  const stat = statSync(path, { bigint: true });
  const racy = BigInt(Date.now()) * 1_000_000n - stat.mtimeNs < 2_000_000_000n;
  return { value: `${stat.size} ${stat.mtimeNs} ${stat.ino}`, racy };
}
