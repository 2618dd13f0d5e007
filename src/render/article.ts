/**
 * The composed article (the template's HTML) as a hast tree, for the renderers that start
 * from it: Markdown and PDF. Parsed without source positions, which neither needs: tracking
 * them made parsing three times slower, and every later copy of the tree larger.
 */
import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';

export function parseArticle(article: string): Root {
  return fromParse5(parseFragment(article)) as Root;
}
