/**
 * The briefing as clean Markdown — for pasting into a website's editor or an e-mail — made
 * from the same composed article as the HTML and PDF, so the wording is the template's.
 */
import type { Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { parseArticle } from './article.js';
import type { RenderInput } from './formats.js';

const stringifier = unified()
  .use(remarkGfm) // tables, autolinks and strikethrough, as the records may hold them
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', listItemIndent: 'one' })
  .freeze();

/** `tree` is the article parsed already (see article.ts), when another renderer has done so. */
export function renderMarkdown(article: string, tree?: HastRoot): string {
  const hast: HastRoot = tree ?? parseArticle(article);
  const mdast = toMdast(hast) as Root;
  return stringifier.stringify(mdast);
}

export async function renderMarkdownFormat(input: RenderInput): Promise<string> {
  return renderMarkdown(input.composed.article, await input.tree());
}
