/**
 * image-description — an image says what it shows.
 *
 * Why: a briefing is read aloud by screen readers and printed: an image with no description
 * (`![](https://…)`) is passed over on the page as if it were decoration, and the PDF and the
 * Word file, which link images rather than embed them, can print only "[image]". Example:
 * `![](https://example.org/map.png)` → `![Map of the mining concessions](https://example.org/map.png)`.
 */
import type { Image, ImageReference } from 'mdast';
import { nodesOf } from '../nodes.js';
import type { Rule } from './rule.js';

const MESSAGE = 'an image with no description: a screen reader passes over it, and the PDF and the Word file print only "[image]"';
const NOTE = 'write what it shows between the brackets: ![Map of the mining concessions](https://…)';

export const imageDescription: Rule = {
  id: 'image-description',
  severity: 'warning',
  description: 'an image with no description (`![](https://…)`): a screen reader passes over it, and the PDF and the Word file print only "[image]"',
  needs: 'body',
  check(context, report) {
    const undescribed = (image: Image | ImageReference): boolean => (image.alt ?? '').trim() === '';
    const intro = context.intro();
    if (intro && nodesOf<Image | ImageReference>(intro.tree, 'image', 'imageReference').some(undescribed)) {
      const [start, end] = intro.range();
      report({ start, end, message: `intro: ${MESSAGE}`, note: NOTE });
    }
    for (const image of context.nodes<Image | ImageReference>('image', 'imageReference').filter(undescribed)) {
      const start = image.position?.start.offset ?? 0;
      report({ start, end: image.position?.end.offset ?? start, message: MESSAGE, note: NOTE });
    }
  },
};
