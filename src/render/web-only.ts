/** What the web page has that a PDF or a Word file cannot: an image from the web, a footnote's link back. */
import type { Element } from 'hast';

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
