/** The record's body as an mdast tree whose positions are those of the whole file. */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const commonmark = unified().use(remarkParse).freeze();
const gfm = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Text that could hold a GitHub extension: a table's pipe, strikethrough, an autolink
 * literal, a footnote or a task box. Without any of them both parsers give the same tree, and
 * plain CommonMark parses in half the time — the GFM autolink scanner looks at every character.
 */
const MAY_USE_GFM = /[|~@]|www\.|https?:|mailto:|xmpp:|\[\^|\[[ xX]\]/i;

export function parseMarkdown(markdown: string): Root {
  return (MAY_USE_GFM.test(markdown) ? gfm : commonmark).parse(markdown);
}

/**
 * Parses `text` from `bodyOffset` on and moves the tree's positions to the whole file's
 * lines, columns and offsets. The body starts on its own line (after the closing fence), so
 * only nodes on that first line would need their column moved; the fence line holds none.
 */
export function parseBody(text: string, bodyOffset: number): Root {
  const tree = parseMarkdown(text.slice(bodyOffset));
  let line = 1;
  for (let i = 0; i < bodyOffset; i++) if (text.charCodeAt(i) === 10) line++;
  const lineShift = line - 1;
  const lineStart = text.lastIndexOf('\n', bodyOffset - 1) + 1;
  const columnShift = bodyOffset - lineStart;
  visit(tree, (node) => {
    const position = node.position;
    if (!position) return;
    for (const point of [position.start, position.end]) {
      if (point.line === 1) point.column += columnShift;
      point.line += lineShift;
      if (point.offset !== undefined) point.offset += bodyOffset;
    }
  });
  return tree;
}
