/** An image in a format that embeds none (PDF, Word): what stands in its place. */
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
