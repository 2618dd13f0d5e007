/**
 * Two records that would write the same files (a `slug:` given twice, or a slug taken from
 * another's file name). The first in file order keeps the name; check reports the later ones
 * as the build does, so that a pull request that passes check does not fail the build on main.
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar } from 'yaml';
import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { decodeRecord } from '../load/decode.js';
import { splitRecord } from '../load/frontmatter.js';

const MESSAGE = (slug: string, owner: string) => ({
  severity: 'error' as const,
  rule: 'duplicate-slug',
  message: `the output name ${slug} is already taken by ${owner}`,
  note: 'give one of the records its own slug in the front-matter',
});

/**
 * The clash of the record at `path` (shown as `file`), placed on its `slug:` line when it gives
 * one, else over the front-matter's opening `---`: its slug then comes from its file name. The
 * record is read again for it, as clashes are rare and their records small.
 */
export function slugClash(file: string, slug: string, owner: string, path?: string): Diagnostic {
  const placed = path === undefined ? undefined : slugKeyRange(path);
  if (placed) return diagnosticAt(file, placed.source, placed.start, placed.end, MESSAGE(slug, owner));
  return { file, line: 1, column: 1, endLine: 1, endColumn: 4, ...MESSAGE(slug, owner) };
}

/** Where the record's front-matter gives `slug:`, key to value; undefined when it gives none or cannot be read. */
function slugKeyRange(path: string): { source: SourceText; start: number; end: number } | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const decoded = decodeRecord(bytes);
  if (!decoded.ok) return undefined;
  const split = splitRecord(decoded.text);
  if (split.kind !== 'ok') return undefined;
  const { document, offset } = split.frontMatter;
  const pair = isMap(document.contents) ? document.contents.items.find((item) => isScalar(item.key) && item.key.value === 'slug') : undefined;
  const key = isScalar(pair?.key) ? pair.key.range : undefined;
  if (!key) return undefined;
  const value = isScalar(pair!.value) ? pair!.value.range : undefined;
  return { source: new SourceText(decoded.text), start: offset + key[0], end: offset + (value ? value[1] : key[1]) };
}

/** For each record whose slug an earlier one (in `records`' order) has, its clash. */
export function slugClashes(records: readonly { file: string; path?: string; slug?: string }[]): Map<string, Diagnostic> {
  const owners = new Map<string, string>();
  const clashes = new Map<string, Diagnostic>();
  for (const { file, path, slug } of records) {
    if (slug === undefined) continue;
    const owner = owners.get(slug);
    if (owner === undefined) owners.set(slug, file);
    else clashes.set(file, slugClash(file, slug, owner, path));
  }
  return clashes;
}
