/** A saved briefing, plain text or an HTML page, as lines of text; list items start "• ". */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/**
 * A line that stands where a briefing page's body begins (its `<div class="body">`, as
 * phrg-brief's template writes it): the points start there whatever their first line says.
 */
export const BODY_MARK = '\u0001body';

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'blockquote', 'tr', 'section', 'article', 'header', 'footer', 'main']);

export function briefingLines(content: string, isHtml: boolean): string[] {
  const text = isHtml ? htmlToText(content) : content;
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\u00a0/g, ' ').trim());
}

/**
 * Block elements become lines (list items with a bullet); scripts, styles, navigation, forms
 * and asides go. A page whose text stands in an `<article>` (or `<main>`) is read from there:
 * a published briefing's page, phrg-brief's own among them, has the site's header, search
 * and downloads around it, which are no part of the briefing.
 */
function htmlToText(html: string): string {
  const tree: Root = fromHtml(html);
  const lines: string[] = [];
  const within = firstElement(tree, 'article') ?? firstElement(tree, 'main');
  const walk = (nodes: readonly (ElementContent | Root['children'][number])[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const element = node as Element;
      if (['script', 'style', 'nav', 'head', 'noscript', 'template', 'form', 'aside'].includes(element.tagName)) continue;
      if (
        element.tagName === 'div' &&
        String(element.properties.className ?? '')
          .split(/[ ,]/)
          .includes('body')
      ) {
        lines.push(BODY_MARK, '');
        walk(element.children);
        continue;
      }
      if (element.tagName === 'li') {
        // A list item is one bullet, whatever wraps its text (<p> from word processors); a
        // list inside it follows as bullets of its own.
        const nested = element.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol'));
        const own = { ...element, children: element.children.filter((child) => !nested.includes(child as Element)) };
        const text = toText(own).replace(/\s+/g, ' ').trim();
        if (text) lines.push(`• ${text}`, '');
        walk(nested);
        continue;
      }
      const hasBlocks = element.children.some(
        (child) => child.type === 'element' && (BLOCKS.has(child.tagName) || child.tagName === 'ul' || child.tagName === 'ol'),
      );
      if (BLOCKS.has(element.tagName) && !hasBlocks) {
        const text = toText(element).replace(/\s+/g, ' ').trim();
        if (text) lines.push(`${element.tagName === 'li' ? '• ' : ''}${text}`, '');
      } else {
        walk(element.children);
      }
    }
  };
  walk(within ? [within] : tree.children);
  return lines.join('\n');
}

/** The page's `<meta name="keywords">`, which a published briefing gives its tags in (phrg-brief's pages do). */
export function pageKeywords(html: string): string[] {
  const tree: Root = fromHtml(html);
  const found: string[] = [];
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'meta' && String(child.properties.name).toLowerCase() === 'keywords') found.push(String(child.properties.content ?? ''));
      visit(child);
    }
  };
  visit(tree);
  return [
    ...new Set(
      (found[0] ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

function firstElement(node: Root | Element, tagName: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) return child;
    const found = firstElement(child, tagName);
    if (found) return found;
  }
  return undefined;
}
