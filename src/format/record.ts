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
import { visit } from 'unist-util-visit';
import { isMap, isPair, isScalar, isSeq, parseDocument, visit as visitYaml, type Document, type YAMLMap } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { splitRecord } from '../load/frontmatter.js';
import { markdownLimitProblem } from '../load/limits.js';
import { parseMarkdown } from '../load/markdown.js';
import { PERSON_KEYS, RECORD_KEYS } from '../validate/schema.js';
import { errorMessage } from '../diagnostics/error-message.js';

export type Wrap = 'keep' | 'none';

export type FormatResult = { ok: true; text: string } | { ok: false; reason: string };

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, {
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
    // YAML's printer can settle a comment's place only on a second pass: format until nothing
    // moves, so that formatting twice changes nothing.
    let result = format(text, wrap);
    for (let pass = 0; pass < 3 && result.ok; pass++) {
      const again = format(result.text, wrap);
      if (!again.ok || again.text === result.text) break;
      result = again;
    }
    return result;
  } catch (error) {
    // Whatever the YAML library refuses (an alias bomb, say) leaves the file as it is.
    return { ok: false, reason: `the record cannot be formatted: ${errorMessage(error)} (run phrg-brief check)` };
  }
}

function format(text: string, wrap: Wrap): FormatResult {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const split = splitRecord(normalised);
  if (split.kind !== 'ok') return { ok: false, reason: 'the front-matter cannot be read (run phrg-brief check)' };
  const document = split.frontMatter.document;
  if (document.errors.length > 0) return { ok: false, reason: 'the front-matter is not valid YAML (run phrg-brief check)' };
  if (document.toString().includes('*') && hasAliases(document))
    return { ok: false, reason: 'the front-matter uses YAML aliases (*name), which records do not need (run phrg-brief check)' };

  // The body is parsed three times below: a hostile one is refused first, as check refuses it.
  if (markdownLimitProblem(split.body)) return { ok: false, reason: 'the body passes the bounds on Markdown nesting or marks (run phrg-brief check)' };

  const yaml = formatFrontMatter(document);
  const body = formatBody(split.body, wrap);
  const formatted = `---\n${yaml}---\n${body === '' ? '' : `\n${body}`}`;

  // The promise of fmt, checked rather than trusted: same data, same Markdown tree.
  const again = splitRecord(formatted);
  if (again.kind !== 'ok') return { ok: false, reason: 'formatting would break the front-matter; the file was left as it is' };
  if (!isDeepStrictEqual(again.frontMatter.document.toJS(), document.toJS()))
    return { ok: false, reason: 'formatting would change the front-matter’s data; the file was left as it is' };
  if (!isDeepStrictEqual(comparable(parseMarkdown(again.body), wrap), comparable(parseMarkdown(split.body), wrap))) {
    return { ok: false, reason: 'formatting would change the body; the file was left as it is' };
  }
  return { ok: true, text: formatted };
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

function formatBody(body: string, wrap: Wrap): string {
  const tree = parseMarkdown(body);
  if (tree.children.length === 0) return '';
  if (wrap === 'none') unwrap(tree);
  return stringifier.stringify(tree);
}

/** Joins the lines of each paragraph: a soft line break and a space read the same. */
function unwrap(tree: Root): void {
  visit(tree, 'text', (node) => {
    node.value = node.value.replace(/[ \t]*\n[ \t]*/g, ' ');
  });
}

/** The tree without positions (and, unwrapped, with line breaks read as spaces). */
function comparable(tree: Root, wrap: Wrap): unknown {
  if (wrap === 'none') unwrap(tree);
  return JSON.parse(JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value)));
}
