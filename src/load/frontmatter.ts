/**
 * Splits a record into its YAML front-matter and Markdown body.
 *
 * The YAML is read with the `yaml` package as YAML 1.2 (core schema: `no`, `on`, `1:30` stay
 * strings), keeping node ranges. The fences are checked here, because gray-matter, which
 * this split once went through and still cuts alike (its test compares them), takes `----`
 * or `--- x` for a closing fence and an unclosed block for a whole file of front-matter; an
 * editor deserves to hear of both. gray-matter itself is no longer called: once the fences
 * are known, what it would hand its YAML engine is one slice, and it cost a sixth of reading
 * the YAML (profiled, 1,000 records).
 */
import { parseDocument, type Document } from 'yaml';
import { quickYaml } from './quick-yaml.js';

export interface FrontMatter {
  /** The parsed YAML document, with node ranges relative to `offset`. */
  document: Document.Parsed;
  /** Offset in the file's text at which the YAML source begins. */
  offset: number;
}

/**
 * A record's front-matter as the checks use it: read quickly, without positions, when that
 * read is sure (see quick-yaml.ts), and with positions only when something asks for them —
 * most records have nothing to point at.
 */
export interface RecordFrontMatter {
  /** Offset in the file's text at which the YAML source begins. */
  offset: number;
  /** The YAML source, as read (empty for a block of nothing but comments). */
  yaml: string;
  /** The value, when the quick read answered: then `document()` has no errors or warnings and the same value. */
  quick?: Record<string, unknown>;
  /** The parsed YAML document, with node ranges relative to `offset`; parsed on the first call. */
  document(): Document.Parsed;
}

export type SplitResult =
  | { kind: 'ok'; frontMatter: FrontMatter; body: string; bodyOffset: number }
  | { kind: 'empty' }
  | { kind: 'missing' }
  | { kind: 'unclosed' }
  | { kind: 'bad-fence'; offset: number; length: number };

const FENCE = '---';

/** Alias expansions allowed when reading YAML: enough for any record, too few for a bomb. */
export const MAX_ALIAS_COUNT = 100;

export type FencedSplit =
  { kind: 'ok'; /** The YAML to read. */ yaml: string; offset: number; body: string; bodyOffset: number } | Exclude<SplitResult, { kind: 'ok' }>;

export function splitRecord(text: string): SplitResult {
  const split = splitAtFences(text);
  if (split.kind !== 'ok') return split;
  const { yaml, offset, body, bodyOffset } = split;
  return { kind: 'ok', frontMatter: { document: parseYaml(yaml), offset }, body, bodyOffset };
}

/** The record split as splitRecord does it, its front-matter read quickly when it can be. */
export function splitRecordQuickly(
  text: string,
): { kind: 'ok'; frontMatter: RecordFrontMatter; body: string; bodyOffset: number } | Exclude<SplitResult, { kind: 'ok' }> {
  const split = splitAtFences(text);
  if (split.kind !== 'ok') return split;
  const { yaml, offset, body, bodyOffset } = split;
  let document: Document.Parsed | undefined;
  const quick = quickYaml(yaml);
  const frontMatter: RecordFrontMatter = { offset, yaml, document: () => (document ??= parseYaml(yaml)) };
  if (quick) frontMatter.quick = quick;
  return { kind: 'ok', frontMatter, body, bodyOffset };
}

/** The fences checked, and the YAML between them cut out as gray-matter would have it. */
export function splitAtFences(text: string): FencedSplit {
  if (text.trim() === '') return { kind: 'empty' };
  if (!/^---[ \t]*\n/.test(text)) return { kind: 'missing' };

  const fence = findClosingFence(text);
  if (fence.kind !== 'ok') return fence;

  const fenceEnd = fence.lineStart + FENCE.length;
  // What gray-matter handed its engine: everything between the opening `---` and the `\n` of
  // the closing fence; a block of nothing but blank lines and comments it never parsed.
  const source = text.slice(FENCE.length, fence.lineStart - 1);

  // The body begins after the fence and one line break, as gray-matter would have it.
  let bodyOffset = fenceEnd;
  if (text[bodyOffset] === '\r') bodyOffset++;
  if (text[bodyOffset] === '\n') bodyOffset++;
  return { kind: 'ok', yaml: blockIsEmpty(source) ? '' : source, offset: FENCE.length, body: text.slice(bodyOffset), bodyOffset };
}

/** gray-matter's test for a block with nothing to parse: its comment lines removed, only blanks. */
function blockIsEmpty(source: string): boolean {
  // Any line that starts (after blanks) with something other than `#` survives that removal,
  // so the block is not empty: the usual case, decided without the regular expression, whose
  // `\s*` across lines made it a tenth of the split's time.
  if (/^[ \t\r]*[^\s#]/m.test(source)) return false;
  return source.replace(/^\s*#[^\n]+/gm, '').trim() === '';
}

function parseYaml(source: string): Document.Parsed {
  return parseDocument(source, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    // Problems become diagnostics; nothing may be printed behind the reporter's back.
    logLevel: 'silent',
    prettyErrors: false,
    strict: true,
  });
}

type FenceResult = { kind: 'ok'; lineStart: number } | { kind: 'unclosed' } | { kind: 'bad-fence'; offset: number; length: number };

/** The closing fence is the first later line that starts with `---`; it must be exactly that. */
function findClosingFence(text: string): FenceResult {
  let lineStart = text.indexOf('\n') + 1;
  while (lineStart > 0 && lineStart <= text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    if (line.startsWith(FENCE)) {
      if (line.trimEnd() === FENCE) return { kind: 'ok', lineStart };
      return { kind: 'bad-fence', offset: lineStart, length: line.length };
    }
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
  }
  return { kind: 'unclosed' };
}
