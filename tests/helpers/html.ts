/** The visible text of a built page, without a browser (for sentence checks). */
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export function articleText(html: string): string {
  const tree = fromHtml(html);
  const article = select('article', tree);
  return toText(article ?? tree)
    .replace(/\s+/g, ' ')
    .trim();
}
