/** The record's body as an mdast tree whose positions are those of the whole file. */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Parses `text` from `bodyOffset` on. The front-matter before it is blanked out (every
 * character but line ends becomes a space) rather than cut off, so the tree's lines, columns
 * and offsets are the file's own with no arithmetic.
 */
export function parseBody(text: string, bodyOffset: number): Root {
  const blanked = text.slice(0, bodyOffset).replace(/[^\n]/g, ' ') + text.slice(bodyOffset);
  return parser.parse(blanked);
}

export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}
