/**
 * The briefing as clean Markdown — for pasting into a website's editor or an e-mail — made
 * from the same composed article as the HTML and PDF, so the wording is the template's.
 */
import type { Element, Root as HastRoot } from 'hast';
import { defaultHandlers, toMdast, type Handle } from 'hast-util-to-mdast';
import type { FootnoteDefinition, ListItem, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { parseArticle } from './article.js';
import type { RenderInput } from './formats.js';
import { isFootnoteBackref } from './web-only.js';
import { emphasisInWords } from './markdown-emphasis.js';

const stringifier = unified()
  .use(remarkGfm) // tables, autolinks and strikethrough, as the records may hold them
  .use(remarkStringify, { handlers: { emphasis: emphasisInWords }, bullet: '-', emphasis: '_', strong: '*', rule: '-', listItemIndent: 'one' })
  .freeze();

/** `tree` is the article parsed already (see article.ts), when another renderer has done so. */
export function renderMarkdown(article: string, tree?: HastRoot): string {
  return hastToMarkdown(tree ?? parseArticle(article));
}

/** HTML as Markdown, its footnotes as Markdown's own: import reads a briefing page's body back with it. */
export function hastToMarkdown(tree: HastRoot): string {
  const mdast = toMdast(tree, { handlers: { sup: footnoteReference, section: footnoteDefinitions, li: listItem } }) as Root;
  return stringifier.stringify(mdast);
}

/**
 * A list item spread out (blank lines between its blocks) only where the page's has paragraphs,
 * as a record's loose list gives: hast-util-to-mdast also spreads out one that holds a list of
 * two items, and a tight list with points under a point came out loose, read back with <p>s.
 */
const listItem: Handle = (state, node) => {
  const item = defaultHandlers.li(state, node) as ListItem;
  item.spread = node.children.some((child) => child.type === 'element' && child.tagName === 'p');
  return item;
};

/**
 * Footnotes as Markdown's own (`[^1]`, `[^1]: …`), as the record has them: the page's links to
 * `#user-content-fn-1` and back (↩) lead nowhere in a Markdown file or an e-mail.
 */
const footnoteId = (value: unknown): string | undefined => {
  const match = typeof value === 'string' ? /^#?user-content-fn-(.+)$/.exec(value) : null;
  return match?.[1];
};

const footnoteReference: Handle = (state, node) => {
  const link = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'a');
  const identifier = link && footnoteId(link.properties.href);
  return identifier ? { type: 'footnoteReference', identifier, label: identifier } : state.all(node);
};

const footnoteDefinitions: Handle = (state, node) => {
  if (node.properties.dataFootnotes === undefined) return state.toFlow(state.all(node));
  const items = node.children.flatMap((child) => (child.type === 'element' && child.tagName === 'ol' ? child.children : []));
  return items.flatMap((item): FootnoteDefinition[] => {
    if (item.type !== 'element') return [];
    const identifier = footnoteId(item.properties.id);
    if (!identifier) return [];
    const withoutBackref = structuredClone(item);
    visit(withoutBackref, 'element', (element, index, parent) => {
      if (!isFootnoteBackref(element) || !parent || index === undefined) return undefined;
      parent.children.splice(index, 1);
      return index; // go on from the node that took its place
    });
    return [{ type: 'footnoteDefinition', identifier, label: identifier, children: state.toFlow(state.all(withoutBackref)) as FootnoteDefinition['children'] }];
  });
};

export async function renderMarkdownFormat(input: RenderInput): Promise<string> {
  return renderMarkdown(input.composed.article, await input.tree());
}
