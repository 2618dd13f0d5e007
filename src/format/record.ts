/**
 * `fmt`: one canonical form for records. Front-matter keys in the contract's order (a
 * person's too), strings plain where YAML allows and double-quoted where not, lists in block
 * style, comments kept; the body through remark-stringify with one list marker and one
 * emphasis style. Meaning is preserved exactly: the result is checked to parse to the same
 * data and the same Markdown tree before it is offered, and formatting twice changes nothing.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { isMap, isPair, isScalar, isSeq, parseDocument, visit as visitYaml, type Document, type YAMLMap } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { splitAtFences, splitRecord, type SplitResult } from '../load/frontmatter.js';
import { markdownLimitProblem } from '../load/limits.js';
import { parseMarkdown } from '../load/markdown.js';
import { MAX_YAML_NESTING, yamlLimitProblem } from '../load/yaml-limits.js';
import { PERSON_KEYS, RECORD_KEYS } from '../validate/schema.js';
import { errorMessage } from '../diagnostics/error-message.js';
import { emphasisInWords } from '../render/markdown-emphasis.js';

export type Wrap = 'keep' | 'none';

export type FormatResult = { ok: true; text: string } | { ok: false; reason: string };

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, {
    handlers: { emphasis: emphasisInWords },
    bullet: '-',
    bulletOther: '*',
    emphasis: '_',
    strong: '*',
    rule: '-',
    listItemIndent: 'one',
    fences: true,
    incrementListMarker: true,
  })
  .freeze();

export function formatRecord(text: string, wrap: Wrap = 'keep'): FormatResult {
  try {
    // Each distinct body is parsed once per call: the second pass's input is the first pass's
    // output, whose tree (and front-matter) the first pass's check has already read.
    const bodies = new BodyTrees(wrap);
    // The YAML is composed on reading: a hostile one is refused first, as check refuses it.
    const fenced = splitAtFences(normalised(text));
    if (fenced.kind === 'ok' && yamlLimitProblem(fenced.yaml))
      return { ok: false, reason: `the front-matter nests lists and mappings more than ${MAX_YAML_NESTING} deep (run phrg-brief check)` };
    // YAML's printer can settle a comment's place only on a second pass: format until nothing
    // moves, so that formatting twice changes nothing.
    const record = readRecord(text);
    let result = format(record, bodies);
    // A pass is a function of its input alone: on text it leaves as it is, a second pass would
    // repeat the first exactly (the usual case for fmt --check on a formatted archive).
    for (let pass = 0; pass < 3 && result.ok && result.reread !== record; pass++) {
      const again = format(result.reread, bodies);
      if (!again.ok || again.text === result.text) break;
      result = again;
    }
    return result.ok ? { ok: true, text: result.text } : result;
  } catch (error) {
    // Whatever the YAML library refuses (an alias bomb, say) leaves the file as it is.
    return { ok: false, reason: `the record cannot be formatted: ${errorMessage(error)} (run phrg-brief check)` };
  }
}

/** A record as read: its text (BOM and carriage returns gone) split into front-matter and body. */
interface ReadRecord {
  text: string;
  split: SplitResult;
}

function readRecord(text: string): ReadRecord {
  const read = normalised(text);
  return { text: read, split: splitRecord(read) };
}

/** The text without its BOM, its line breaks \n. */
function normalised(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** A pass's result; `reread` is the formatted text as split for its check, the next pass's input. */
type PassResult = { ok: true; text: string; reread: ReadRecord } | { ok: false; reason: string };

function format(record: ReadRecord, bodies: BodyTrees): PassResult {
  const { split } = record;
  if (split.kind !== 'ok') return { ok: false, reason: 'the front-matter cannot be read (run phrg-brief check)' };
  const document = split.frontMatter.document;
  if (document.errors.length > 0) return { ok: false, reason: 'the front-matter is not valid YAML (run phrg-brief check)' };
  if (hasAliases(document)) return { ok: false, reason: 'the front-matter uses YAML aliases (*name), which records do not need (run phrg-brief check)' };

  // The body is parsed below: a hostile one is refused first, as check refuses it.
  if (markdownLimitProblem(split.body)) return { ok: false, reason: 'the body passes the bounds on Markdown nesting or marks (run phrg-brief check)' };

  const yaml = formatFrontMatter(document);
  const tree = bodies.comparable(split.body);
  const body = bodies.printed(split.body) ?? (tree.children.length === 0 ? '' : stringifier.stringify(tree));
  const formatted = `---\n${yaml}---\n${body === '' ? '' : `\n${body}`}`;
  // Unchanged text has the same data and tree as itself: the check below would compare equals.
  if (formatted === record.text) return { ok: true, text: formatted, reread: record };

  // The promise of fmt, checked rather than trusted: same data, same Markdown tree.
  const reread: ReadRecord = { text: formatted, split: splitRecord(formatted) };
  const again = reread.split;
  if (again.kind !== 'ok') return { ok: false, reason: 'formatting would break the front-matter; the file was left as it is' };
  if (!isDeepStrictEqual(again.frontMatter.document.toJS(), document.toJS()))
    return { ok: false, reason: 'formatting would change the front-matter’s data; the file was left as it is' };
  if (!isDeepStrictEqual(bodies.comparable(again.body), tree)) {
    return { ok: false, reason: 'formatting would change the body; the file was left as it is' };
  }
  // The printer reads nothing but the tree, and the formatted body's tree is this one: printed
  // again, it is this body. The next pass need not print it to know.
  bodies.settle(again.body, body);
  return { ok: true, text: formatted, reread };
}

function formatFrontMatter(source: Document.Parsed): string {
  const document = parseDocument(source.toString(), { version: '1.2', schema: 'core', keepSourceTokens: false });
  if (isMap(document.contents)) {
    // Comments above the first key head the front-matter (a yaml-language-server line, say):
    // they stay at the top, whichever key comes first after ordering.
    const first = document.contents.items[0];
    const header = first && isScalar(first.key) ? first.key.commentBefore : undefined;
    if (first && isScalar(first.key)) first.key.commentBefore = undefined;
    orderKeys(document.contents, RECORD_KEYS);
    const top = document.contents.items[0];
    if (header && top && isScalar(top.key)) top.key.commentBefore = [header, top.key.commentBefore].filter(Boolean).join('\n');
    for (const field of ['speakers', 'chair']) {
      const value = document.contents.get(field, true);
      if (isMap(value)) orderKeys(value, PERSON_KEYS);
      if (isSeq(value)) for (const item of value.items) if (isMap(item)) orderKeys(item, PERSON_KEYS);
    }
  }
  visitYaml(document, {
    Scalar(_key, node) {
      // Let YAML choose: plain where it reads back the same, double quotes where not.
      if (typeof node.value === 'string') node.type = node.value.includes('\n') ? 'BLOCK_LITERAL' : undefined;
    },
    Seq(_key, node) {
      if (node.items.length > 0) node.flow = false;
    },
    Map(_key, node) {
      if (node.items.length > 0) node.flow = false;
    },
  });
  const text = document.toString({ lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', doubleQuotedAsJSON: false, indentSeq: true });
  return text === '{}\n' || text.trim() === '' ? '' : text;
}

function hasAliases(document: Document.Parsed): boolean {
  let found = false;
  visitYaml(document, {
    Alias: () => {
      found = true;
      return visitYaml.BREAK;
    },
  });
  return found;
}

/** Keys in the contract's order; keys it does not know keep their places at the end. */
function orderKeys(map: YAMLMap, order: readonly string[]): void {
  const rank = (item: unknown): number => {
    const key = isPair(item) && isScalar(item.key) ? String(item.key.value) : '';
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  map.items = map.items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i)
    .map(({ item }) => item);
}

/**
 * The body's trees as fmt compares and prints them, by text: without positions and, unwrapped,
 * with line breaks read as spaces. Nobody changes a tree once it is here (the printer only reads).
 */
class BodyTrees {
  private readonly trees = new Map<string, Root>();
  private readonly prints = new Map<string, string>();
  constructor(private readonly wrap: Wrap) {}

  /** The printed form of a body whose tree is known to be that of `printed`. */
  settle(body: string, printed: string): void {
    this.prints.set(body, printed);
  }

  printed(body: string): string | undefined {
    return this.prints.get(body);
  }

  comparable(body: string): Root {
    let tree = this.trees.get(body);
    if (!tree) {
      tree = withoutPositions(parseMarkdown(body), this.wrap === 'none') as Root;
      this.trees.set(body, tree);
    }
    return tree;
  }
}

/**
 * A copy of the tree without positions, and without keys whose value is undefined (as a JSON
 * round-trip would drop them); `unwrap` joins the lines of each text: a soft line break and a
 * space read the same.
 */
function withoutPositions(value: unknown, unwrap: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutPositions(item, unwrap));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) if (key !== 'position' && inner !== undefined) copy[key] = withoutPositions(inner, unwrap);
  if (unwrap && copy.type === 'text' && typeof copy.value === 'string') copy.value = copy.value.replace(/[ \t]*\n[ \t]*/g, ' ');
  return copy;
}
