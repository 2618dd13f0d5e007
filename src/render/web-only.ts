/**
 * What the web page has that a PDF or a Word file cannot: an image from the web, a footnote's
 * link back; and the page's footnotes, which a Word file makes its own.
 */
import type { Element, ElementContent } from 'hast';

/**
 * What a PDF or a Word file shows for an image from the web, which it does not embed: its
 * description in brackets, as pandoc writes one in plain text (`[a map]`), else `[image]`.
 * The renderers link it to the image.
 */
export function imageText(image: Element): string {
  const alt = typeof image.properties.alt === 'string' ? image.properties.alt.replace(/\s+/g, ' ').trim() : '';
  return `[${alt || 'image'}]`;
}

/** The link from a footnote back to its reference (↩), which only a web page can follow. */
export function isFootnoteBackref(element: Element): boolean {
  const classes = element.properties.className;
  return element.tagName === 'a' && Array.isArray(classes) && classes.includes('data-footnote-backref');
}

/** The footnotes section the page ends with (`<section data-footnotes>`), numbered by the page's links. */
export function isFootnotesSection(element: Element): boolean {
  return element.tagName === 'section' && element.properties.dataFootnotes !== undefined;
}

/** Each footnote's content, by its reference's address (`#user-content-fn-1`), from the article's footnotes section. */
export function footnotesOf(children: readonly ElementContent[]): Map<string, ElementContent[]> {
  const notes = new Map<string, ElementContent[]>();
  const visit = (nodes: readonly ElementContent[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (!isFootnotesSection(node)) {
        visit(node.children);
        continue;
      }
      for (const list of node.children)
        if (list.type === 'element' && list.tagName === 'ol')
          for (const item of list.children)
            if (item.type === 'element' && typeof item.properties.id === 'string') notes.set(`#${item.properties.id}`, item.children);
    }
  };
  visit(children);
  return notes;
}
