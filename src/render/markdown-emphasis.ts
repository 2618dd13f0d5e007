/**
 * Emphasis as remark-stringify writes it for phrg-brief, in `fmt`'s records and the briefings'
 * Markdown alike.
 */
import type { Emphasis, Node, Parents, Text } from 'mdast';
import { defaultHandlers, type Info, type State } from 'mdast-util-to-markdown';

/**
 * Emphasis inside a word ("un*believable*", "*very*important") in `*`: `_` cannot open or
 * close it there, and the printer wrote the letters around it as character references
 * ("u&#x6E;_&#x62;elievable_") to keep its meaning. Elsewhere, the house's `_`.
 */
export const emphasisInWords = Object.assign(
  (node: Emphasis, parent: Parents | undefined, state: State, info: Info): string =>
    withEmphasisMarker(node, parent, state, () => defaultHandlers.emphasis(node, parent, state, info)),
  // What the printer looks at to know how the emphasis starts: the marker it will be given.
  { peek: (node: Emphasis, parent: Parents | undefined, state: State): string => withEmphasisMarker(node, parent, state, () => state.options.emphasis ?? '*') },
);

function withEmphasisMarker(node: Emphasis, parent: Parents | undefined, state: State, print: () => string): string {
  const siblings = parent && 'children' in parent ? (parent.children as Node[]) : [];
  const at = siblings.indexOf(node);
  const before = siblings[at - 1];
  const after = siblings[at + 1];
  const inWord =
    (before?.type === 'text' && /[\p{L}\p{N}]$/u.test((before as Text).value)) || (after?.type === 'text' && /^[\p{L}\p{N}]/u.test((after as Text).value));
  if (!inWord) return print();
  const house = state.options.emphasis;
  state.options.emphasis = '*';
  try {
    return print();
  } finally {
    state.options.emphasis = house;
  }
}
