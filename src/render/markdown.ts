/**
 * The briefing as clean Markdown — for pasting into a website's editor or an e-mail — made
 * from the same composed article as the HTML and PDF, so the wording is the template's.
 */
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const stringifier = unified()
  .use(remarkGfm) // tables, autolinks and strikethrough, as the records may hold them
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', listItemIndent: 'one' })
  .freeze();

export function renderMarkdown(article: string): string {
  const hast: HastRoot = fromHtml(article, { fragment: true });
  const mdast = toMdast(hast) as Root;
  return stringifier.stringify(mdast);
}
