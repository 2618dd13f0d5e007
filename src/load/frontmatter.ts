/**
 * Splits a record into its YAML front-matter and Markdown body.
 *
 * gray-matter does the split, with the `yaml` package as its engine so that the YAML is read
 * as YAML 1.2 (core schema: `no`, `on`, `1:30` stay strings) and keeps node ranges. The fences
 * are checked here first, because gray-matter takes `----` or `--- x` for a closing fence and
 * an unclosed block for a whole file of front-matter; an editor deserves to hear of both.
 */
import matter from 'gray-matter';
import { parseDocument, type Document } from 'yaml';

export interface FrontMatter {
  /** The parsed YAML document, with node ranges relative to `offset`. */
  document: Document.Parsed;
  /** Offset in the file's text at which the YAML source begins. */
  offset: number;
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

export function splitRecord(text: string): SplitResult {
  if (text.trim() === '') return { kind: 'empty' };
  if (!/^---[ \t]*\n/.test(text)) return { kind: 'missing' };

  const fence = findClosingFence(text);
  if (fence.kind !== 'ok') return fence;

  let document: Document.Parsed | undefined;
  const engine = {
    parse(source: string): object {
      document = parseYaml(source);
      // gray-matter wants the data, which nothing reads: validation turns the document into
      // data itself (and reports an alias that cannot be resolved), so it is done once, there.
      return {};
    },
  };
  // gray-matter is given the text up to the closing fence only: it copies and hashes what it
  // is given, and the body, most of a record, is none of its business.
  const fenceEnd = fence.lineStart + FENCE.length;
  matter(text.slice(0, fenceEnd), { engines: { yaml: engine }, language: 'yaml' });

  // gray-matter hands the engine everything between the opening `---` and the `\n` of the
  // closing fence; an empty block never reaches the engine. The body begins after the fence
  // and one line break, as gray-matter would have it.
  const offset = FENCE.length;
  document ??= parseYaml('');
  let bodyOffset = fenceEnd;
  if (text[bodyOffset] === '\r') bodyOffset++;
  if (text[bodyOffset] === '\n') bodyOffset++;
  return { kind: 'ok', frontMatter: { document, offset }, body: text.slice(bodyOffset), bodyOffset };
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
