/** A saved briefing, plain text or an HTML page, as lines of text; list items start "• ". */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { hastToMarkdown } from '../render/markdown.js';

/**
 * A line that stands where a briefing page's body begins (its `<div class="body">`, as
 * phrg-brief's template writes it): the points start there whatever their first line says.
 */
export const BODY_MARK = '\u0001body';

const BLOCKS = new Set('p h1 h2 h3 h4 h5 h6 li div blockquote tr section article header footer main dt dd figcaption caption td th'.split(' '));
/** Elements that stand within a line of text: text between blocks with these is a paragraph of its own. */
const PHRASING = new Set('a abbr b bdi bdo br cite code data del dfn em font i img ins kbd mark q s samp small span strong sub sup time u var'.split(' '));
/** Blocks taken whole, whatever they hold: their Markdown keeps what their lines alone would lose. */
const WHOLE = new Set(['table', 'blockquote', 'pre']);

/** A line of a saved briefing. */
export interface BriefingLine {
  /** Its words, by which the briefing's parts are recognised; a list item's start "• ". */
  text: string;
  /**
   * From a web page: the block as Markdown, so that links, emphasis, headings, tables and a
   * list item's marker and depth are kept in the record's body.
   */
  markdown?: string;
  /** Set apart from an item before it by a blank line: a numbered list from 2 on cannot interrupt a paragraph. */
  apart?: boolean;
  /** Plain text: the line began with a space or a tab (a wrapped line's continuation, or an item's). */
  indented?: boolean;
}

export function briefingLines(content: string, isHtml: boolean): BriefingLine[] {
  if (isHtml) return htmlLines(content);
  return content
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (/^[ \t]/.test(line) && line.trim() !== '' ? { text: tidy(line), indented: true } : { text: tidy(line) }));
}

const tidy = (text: string): string => text.replace(/\u00a0/g, ' ').trim();
const wordsOf = (node: Element | Root): string => tidy(toText(node).replace(/\s+/g, ' '));
const markdownOf = (children: readonly ElementContent[]): string => hastToMarkdown({ type: 'root', children: withoutComments(children) }).trimEnd();

/** Comments taken out: Word's saved pages wrap each list bullet in `<![if !supportLists]>`. */
function withoutComments(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes
    .filter((node) => node.type !== 'comment')
    .map((node) => (node.type === 'element' ? { ...node, children: withoutComments(node.children) } : node));
}

/**
 * A paragraph Word saved as a list's item (`class="MsoListParagraph…"`, `mso-list: l0 level2`):
 * its depth, for the bullet it is; undefined for any other element.
 */
function wordListLevel(element: Element): number | undefined {
  const style = String(element.properties.style ?? '');
  const classes = String(element.properties.className ?? '');
  if (!/mso-list:/.test(style) && !/\bMsoList/.test(classes)) return undefined;
  return Number(/level(\d)/.exec(style)?.[1] ?? 1) - 1;
}

/**
 * Block elements become lines (list items with a bullet); scripts, styles, navigation, forms
 * and asides go. A page whose text stands in an `<article>` (or `<main>`) is read from there:
 * a published briefing's page, phrg-brief's own among them, has the site's header, search
 * and downloads around it, which are no part of the briefing.
 */
function htmlLines(html: string): BriefingLine[] {
  const tree: Root = fromHtml(html);
  absoluteLinks(tree, pageAddress(html, tree));
  const lines: BriefingLine[] = [];
  const block = (text: string, markdown: string, apart = false): void => {
    // A paragraph of an image alone has no words, but is no less the page's.
    const words = text || markdown.trim();
    if (words) lines.push({ text: words, markdown, ...(apart ? { apart } : {}) }, { text: '' });
  };
  const within = firstElement(tree, 'article') ?? firstElement(tree, 'main');
  /** A list's items, each marked and indented as Markdown nests it (`indent` is its parent item's). */
  const list = (element: Element, indent: string): void => {
    const start = typeof element.properties.start === 'number' ? element.properties.start : 1;
    const items = element.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
    items.forEach((item, index) => {
      const marker = element.tagName === 'ol' ? `${start + index}.` : '-';
      const inner = indent + ' '.repeat(marker.length + 1);
      // A list item is one bullet, whatever wraps its text (<p> from word processors); a list
      // inside it follows as items of its own, one level in.
      const nested = item.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol'));
      const own: Element = { ...item, children: item.children.filter((child) => !nested.includes(child as Element)) };
      const text = wordsOf(own);
      if (text) block(`• ${text}`, `${indent}${marker} ${markdownOf(own.children).replace(/\n(?=[^\n])/g, `\n${inner}`)}`, index === 0 && start !== 1);
      for (const sublist of nested) list(sublist, text ? inner : indent);
    });
  };
  const walk = (nodes: readonly (ElementContent | Root['children'][number])[]): void => {
    // Text and inline elements between blocks (a page's loose text, a <span>, an image) are
    // a paragraph of their own, which would otherwise be lost.
    let loose: ElementContent[] = [];
    const flush = (): void => {
      if (loose.length > 0)
        block(
          wordsOf({ type: 'element', tagName: 'p', properties: {}, children: loose }),
          markdownOf([{ type: 'element', tagName: 'p', properties: {}, children: loose }]),
        );
      loose = [];
    };
    for (const node of nodes) {
      if (node.type === 'text' || (node.type === 'element' && PHRASING.has(node.tagName))) {
        loose.push(node);
        continue;
      }
      if (node.type !== 'element') continue;
      flush();
      const element = node as Element;
      const level = wordListLevel(element);
      if (level !== undefined) {
        // Word's bullet glyph, number or letter, then the spaces it pads it with, give way to Markdown's.
        const lead = /^\s*(?:[•·▪◦‣●§o-]|\(?[0-9a-z]{1,3}[.)])\s+/u;
        const text = wordsOf(element).replace(lead, '');
        block(`• ${text}`, `${'  '.repeat(level)}- ${markdownOf(element.children).replace(lead, '')}`);
        continue;
      }
      if (['script', 'style', 'nav', 'head', 'noscript', 'template', 'form', 'aside'].includes(element.tagName)) continue;
      if (
        element.tagName === 'div' &&
        String(element.properties.className ?? '')
          .split(/[ ,]/)
          .includes('body')
      ) {
        // phrg-brief's own page: its body is the record's, as Markdown whole, footnotes and all.
        lines.push({ text: BODY_MARK }, { text: '' });
        block(wordsOf(element), markdownOf(element.children));
        continue;
      }
      if (element.tagName === 'ul' || element.tagName === 'ol') {
        list(element, '');
        continue;
      }
      // A table that lays out a page (its cells holding headings, lists or tables) is walked into.
      if (WHOLE.has(element.tagName) && !(element.tagName === 'table' && holdsStructure(element))) {
        block(wordsOf(element), markdownOf([element]));
        continue;
      }
      const hasBlocks = element.children.some(
        (child) => child.type === 'element' && (BLOCKS.has(child.tagName) || WHOLE.has(child.tagName) || child.tagName === 'ul' || child.tagName === 'ol'),
      );
      if (!BLOCKS.has(element.tagName) || hasBlocks) walk(element.children);
      // An item outside any list, as a careless page has it, is still a bullet.
      else if (element.tagName === 'li') block(`• ${wordsOf(element)}`, `- ${markdownOf(element.children)}`);
      else block(wordsOf(element), markdownOf([element]));
    }
    flush();
  };
  walk(within ? [within] : tree.children);
  return lines;
}

/**
 * Where a saved page was published: its `<base href>`, its canonical link, or the address a
 * browser notes when it saves one (`<!-- saved from url=(0042)https://… -->`).
 */
function pageAddress(html: string, tree: Root): string | undefined {
  const base = firstElement(tree, 'base')?.properties.href;
  if (typeof base === 'string' && /^https?:/i.test(base)) return base;
  const links: Element[] = [];
  const collect = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'link') links.push(child);
      else collect(child);
    }
  };
  collect(tree);
  const canonical = links.find((link) => String(link.properties.rel ?? '').includes('canonical'))?.properties.href;
  if (typeof canonical === 'string' && /^https?:/i.test(canonical)) return canonical;
  return /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i.exec(html)?.[1];
}

/**
 * A page's links and images made absolute against the address it was published at, so that
 * they lead where they did (a record's links must be http, https or mailto); without one they
 * stay as written, for check to point at.
 */
function absoluteLinks(node: Root | Element, address: string | undefined): void {
  if (!address) return;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    for (const key of ['href', 'src'] as const) {
      const value = child.properties[key];
      if (typeof value !== 'string' || value === '' || value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value)) continue;
      try {
        child.properties[key] = new URL(value, address).href;
      } catch {
        // Not a path a URL can be made of: left as written.
      }
    }
    absoluteLinks(child, address);
  }
}

/** Whether `element` holds headings, lists or tables: a page's layout, not a table of figures. */
function holdsStructure(element: Element): boolean {
  return element.children.some((child) => child.type === 'element' && (/^(?:h[1-6]|ul|ol|table|article|main)$/.test(child.tagName) || holdsStructure(child)));
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
