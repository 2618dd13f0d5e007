/**
 * A fast path for the plainest bodies, which most records are: paragraphs and one-line
 * "- " points of text with no inline syntax at all. For such a body the tree is plain to
 * build, and this does it in a small fraction of micromark's time; for anything else —
 * any character that could open inline syntax, indentation, other list markers, a list
 * interrupting a paragraph, a loose list, a lazy line — it answers `undefined` and the
 * caller parses with remark. The tests hold the two trees equal, positions included, on
 * every record of the repository and on many thousands of generated bodies.
 */
import type { List, ListItem, Paragraph, Root } from 'mdast';
import type { Point } from 'unist';

/**
 * Characters that can open inline syntax or a block other than a paragraph or a "- " item
 * (code, emphasis, links, images, HTML, entities, escapes, headings, quotes, GFM's tables and
 * strikethrough), and control characters, tabs and CRs, whose handling has its own rules.
 */
const NOT_PLAIN = /[\\`*_[\]!<>&#|~\0-\x09\x0b-\x1f\x7f]/;

/** A line that begins something other than text: indentation, a marker, a setext underline. */
const BLOCK_START = /^(?:[ =+-]|\d{1,9}[.)])/;

export function parsePlainMarkdown(markdown: string): Root | undefined {
  if (NOT_PLAIN.test(markdown)) return undefined;
  const children: Root['children'] = [];
  let paragraph: Paragraph | undefined;
  let list: List | undefined;
  let blankAfterList = false;
  let afterItem = false;
  let offset = 0;
  let line = 1;

  for (;;) {
    const newline = markdown.indexOf('\n', offset);
    const end = newline === -1 ? markdown.length : newline;
    const text = markdown.slice(offset, end);
    if (text.endsWith(' ')) return undefined; // trailing spaces: hard breaks and stripping
    const start: Point = { line, column: 1, offset };
    const lineEnd: Point = { line, column: end - offset + 1, offset: end };

    if (text === '') {
      paragraph = undefined;
      afterItem = false;
      if (list) blankAfterList = true;
    } else if (text.startsWith('- ')) {
      const content = text.slice(2);
      if (paragraph || blankAfterList || BLOCK_START.test(content)) return undefined; // interrupts, loose, nested
      const contentStart: Point = { line, column: 3, offset: offset + 2 };
      const item: ListItem = {
        type: 'listItem',
        spread: false,
        checked: null,
        children: [
          {
            type: 'paragraph',
            children: [{ type: 'text', value: content, position: { start: contentStart, end: lineEnd } }],
            position: { start: { ...contentStart }, end: { ...lineEnd } },
          },
        ],
        position: { start, end: { ...lineEnd } },
      };
      if (!list) {
        list = { type: 'list', ordered: false, start: null, spread: false, children: [], position: { start: { ...start }, end: { ...lineEnd } } };
        children.push(list);
      }
      list.children.push(item);
      list.position!.end = { ...lineEnd };
      afterItem = true;
    } else {
      if (afterItem || BLOCK_START.test(text)) return undefined; // a lazy line, or not text
      if (paragraph) {
        const value = paragraph.children[0];
        if (value?.type !== 'text') return undefined;
        value.value += `\n${text}`;
        value.position!.end = lineEnd;
        paragraph.position!.end = { ...lineEnd };
      } else {
        list = undefined;
        blankAfterList = false;
        paragraph = {
          type: 'paragraph',
          children: [{ type: 'text', value: text, position: { start, end: lineEnd } }],
          position: { start: { ...start }, end: { ...lineEnd } },
        };
        children.push(paragraph);
      }
    }

    if (newline === -1) {
      return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { ...lineEnd } } };
    }
    offset = newline + 1;
    line++;
  }
}
