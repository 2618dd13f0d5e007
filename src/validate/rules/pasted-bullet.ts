/**
 * pasted-bullet — a line begins with a bullet (• ◦ ▪ ●) or a dash (– —) as Word pastes a
 * list, which Markdown does not read as a list item.
 *
 * Why: the pasted lines run together into one paragraph: the points are merged into one, and
 * the initials ending all but the last are read as words, not as attributions, without a
 * word from any other rule. Example: `• Mining is a source of conflict. (JC)`.
 */
import type { Paragraph } from 'mdast';
import type { Rule } from './rule.js';

/**
 * A bullet character, or a dash that opens a line after a finished sentence (not a line wrapped
 * mid-sentence). A dash that opens a paragraph of one line runs into nothing: it is a quotation's
 * attribution ("— William Gladstone") or a line of dialogue, not a pasted list.
 */
const BULLET = /^[ \t]*([•◦▪●‣])[ \t]/;
const DASH = /^[ \t]*([–—])[ \t]/;
const SENTENCE_END = /[.;:!?)”’"]\s*$/;

export const pastedBullet: Rule = {
  id: 'pasted-bullet',
  severity: 'warning',
  description: '`• Mining is a source of conflict. (JC)`: a bullet or dash pasted from Word, not read as a list item, so the points run together',
  needs: 'body',
  check(context, report) {
    for (const paragraph of context.nodes<Paragraph>('paragraph')) {
      const start = paragraph.position?.start.offset;
      const end = paragraph.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      let offset = start;
      let previous: string | undefined;
      const lines = context.source.text.slice(start, end).split('\n');
      for (const line of lines) {
        const dashOpens = lines.length > 1 && (previous === undefined || SENTENCE_END.test(previous));
        const found = BULLET.exec(line) ?? (dashOpens ? DASH.exec(line) : null);
        if (found) {
          const at = offset + found[0].indexOf(found[1]!);
          report({
            start: at,
            end: at + 1,
            message: `${found[1]} does not begin a list item: this line runs into the lines around it, as one point`,
            note: 'begin each point with "- " (a hyphen and a space)',
          });
        }
        previous = line;
        offset += line.length + 1;
      }
    }
  },
};
