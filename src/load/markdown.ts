/** The record's body as an mdast tree whose positions are those of the whole file. */
import type { FootnoteDefinition, Image, ImageReference, Root, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node, Parent } from 'unist';
import { parsePlainMarkdown } from './plain-markdown.js';
import { parsePlainTable } from './plain-table.js';

const commonmark = unified().use(remarkParse).freeze();
const gfm = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Text that could hold a GitHub extension other than an autolink literal: a table's pipe (or
 * a one-column table's delimiter row, `:-`, which needs none), strikethrough, a footnote or a
 * task box. Without any of them, or an address in the text, both parsers give the same tree,
 * and plain CommonMark parses in half the time — the GFM autolink scanner looks at every
 * character.
 */
const MAY_USE_GFM = /[|~]|\[\^|\[[ xX]\]|^[ \t]*:-|-:[ \t]*$/im;

/** What an autolink literal (`www.`, a URL, an e-mail address) needs in the text, and more. */
const MAY_HOLD_ADDRESS = /[@]|www\.|https?:|mailto:|xmpp:/i;

/**
 * Constructs that can tie blocks on either side of a blank line together: fenced code and
 * HTML blocks may hold blank lines, and a link or footnote definition serves the whole file
 * (wherever it stands: in a list or a quote too, its label over several lines).
 */
const SPANS_BLANK_LINES = /```|~~~|<|\[\^|\]:/;

/** A line that continues a list across a blank line, or is no block's first line at all. */
const CONTINUES = /^(?:[ \t]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/**
 * Parses Markdown; positions are the text's own. A body is parsed in sections — blocks that
 * start at the margin after a blank line — so that the plain sections, most of any record,
 * take the fast path and only a section with a table or a link goes through micromark. A
 * section boundary closes every open block in CommonMark, so the trees are the same as one
 * parse of the whole (the tests compare them on thousands of bodies); where something could
 * reach across a blank line, the whole text is parsed at once.
 */
export function parseMarkdown(markdown: string): Root {
  return parseAt(markdown, 0, 0);
}

/**
 * The `intro` override's Markdown, parsed knowing the notes the body defines: micromark reads
 * `[^b]` as a footnote's reference only where `b` is defined in the text it parses, and an
 * intro may cite a note of the body's. Each of the body's labels is defined after the intro
 * for the parse, and those definitions taken out again.
 */
export function parseIntro(intro: string, body: Root): Root {
  const labels = nodesIn(body, 'footnoteDefinition').map((definition) => definition.label ?? definition.identifier);
  if (labels.length === 0 || !intro.includes('[^')) return parseMarkdown(intro);
  const tree = parseMarkdown(`${intro}\n\n${labels.map((label) => `[^${label}]: .`).join('\n')}\n`);
  const borrowed = (node: RootContent): boolean => node.type === 'footnoteDefinition' && (node.position?.start.offset ?? 0) >= intro.length;
  // An intro left open (a fence not closed) would have taken the definitions in as its text.
  if (tree.children.filter(borrowed).length !== labels.length) return parseMarkdown(intro);
  tree.children = tree.children.filter((node) => !borrowed(node));
  return tree;
}

/** The footnote definitions anywhere in a tree (a list or a quote may hold one). */
function nodesIn(node: Node, type: 'footnoteDefinition'): FootnoteDefinition[] {
  if (node.type === type) return [node as FootnoteDefinition];
  return ((node as Partial<Parent>).children ?? []).flatMap((child) => nodesIn(child, type));
}

/**
 * Parses `text` from `bodyOffset` on and places the tree's positions in the whole file. The
 * body starts after the closing fence's line end, or within the line when spaces follow it.
 */
export function parseBody(text: string, bodyOffset: number): Root {
  let lineShift = 0;
  for (let i = 0; i < bodyOffset; i++) if (text.charCodeAt(i) === 10) lineShift++;
  const tree = parseAt(text.slice(bodyOffset), lineShift, bodyOffset);
  if (tree.position) shift(tree.position.start, lineShift, bodyOffset);
  const columnShift = bodyOffset - (text.lastIndexOf('\n', bodyOffset - 1) + 1);
  if (columnShift > 0) moveFirstLine(tree, lineShift + 1, columnShift);
  return tree;
}

function moveFirstLine(node: Node, line: number, columnShift: number): void {
  for (const point of node.position ? [node.position.start, node.position.end] : []) if (point.line === line) point.column += columnShift;
  const children = (node as { children?: Node[] }).children;
  if (children) for (const child of children) moveFirstLine(child, line, columnShift);
}

function parseAt(markdown: string, lineShift: number, offsetShift: number): Root {
  // Carriage returns end lines of their own in CommonMark; such text is parsed whole.
  if (SPANS_BLANK_LINES.test(markdown) || markdown.includes('\r')) {
    const tree = parseSection(markdown);
    for (const child of tree.children) shiftTree(child, lineShift, offsetShift);
    if (tree.position) shift(tree.position.end, lineShift, offsetShift);
    return tree;
  }
  const sections = sectionStarts(markdown);
  const children: RootContent[] = [];
  let line = 0;
  let from = 0;
  for (let i = 0; i < sections.length; i++) {
    const start = sections[i]!;
    for (let at = from; at < start; at++) if (markdown.charCodeAt(at) === 10) line++;
    from = start;
    const part = parseSection(markdown.slice(start, sections[i + 1] ?? markdown.length));
    for (const child of part.children) shiftTree(child, lineShift + line, offsetShift + start);
    children.push(...part.children);
  }
  const end = endOf(markdown);
  shift(end, lineShift, offsetShift);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

function parseSection(markdown: string): Root {
  if (MAY_USE_GFM.test(markdown)) return parsePlainTable(markdown) ?? gfm.parse(markdown);
  // Most addresses are a link's destination, which GFM reads as CommonMark does: an autolink
  // literal is found only in text (a paragraph's, a heading's, a link's or an image's words,
  // escapes and references decoded: GFM looks for them there too), so where no text holds
  // one, CommonMark's tree is GFM's.
  const tree = parsePlainMarkdown(markdown) ?? commonmark.parse(markdown);
  return textHoldsAddress(tree) ? gfm.parse(markdown) : tree;
}

function textHoldsAddress(node: Node): boolean {
  if (node.type === 'text' && MAY_HOLD_ADDRESS.test((node as Text).value)) return true;
  if ((node.type === 'image' || node.type === 'imageReference') && MAY_HOLD_ADDRESS.test((node as Image | ImageReference).alt ?? '')) return true;
  const children = (node as { children?: Node[] }).children;
  return children !== undefined && children.some(textHoldsAddress);
}

/** Offsets where a section starts: the first, and every margin line after a blank line. */
function sectionStarts(markdown: string): number[] {
  const starts = [0];
  let blank = false;
  let offset = 0;
  while (offset <= markdown.length) {
    const newline = markdown.indexOf('\n', offset);
    const end = newline === -1 ? markdown.length : newline;
    const text = markdown.slice(offset, end);
    const isBlank = /^[ \t]*$/.test(text);
    if (blank && !isBlank && offset > 0 && !CONTINUES.test(text)) starts.push(offset);
    blank = isBlank;
    if (newline === -1) break;
    offset = newline + 1;
  }
  return starts;
}

function endOf(markdown: string): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = markdown.indexOf('\n'); i !== -1; i = markdown.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: markdown.length - lineStart + 1, offset: markdown.length };
}

function shiftTree(node: Node, lineShift: number, offsetShift: number): void {
  if (node.position) {
    shift(node.position.start, lineShift, offsetShift);
    shift(node.position.end, lineShift, offsetShift);
  }
  const children = (node as { children?: Node[] }).children;
  if (children) for (const child of children) shiftTree(child, lineShift, offsetShift);
}

function shift(point: { line: number; offset?: number | undefined }, lineShift: number, offsetShift: number): void {
  point.line += lineShift;
  if (point.offset !== undefined) point.offset += offsetShift;
}
