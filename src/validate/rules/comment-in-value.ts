/**
 * comment-in-value — a value of the front-matter's words is not cut short by a " #".
 *
 * Why: in YAML, " #" starts a comment, so `title: Côte d'Ivoire – 100% of #rights [review]`
 * is the title "Côte d'Ivoire – 100% of", the rest dropped without a word, on every page and
 * file the title is printed in. Only the keys that hold a briefing's words are looked at
 * (title, topic, a person's name, role and note, hosts, partners, tags…), and only a # with a
 * word right after it ("#rights", "No. #1"), a hashtag far likelier than a note to the editor,
 * which is written "# a note"; a value in quotes, and the lines of a block (`|`, `>`), keep
 * their # as it is.
 */
import type { Rule } from './rule.js';

const WORDS_KEYS = new Set(['title', 'topic', 'intro', 'speakersLead', 'name', 'role', 'note', 'onBehalfOf']);
const WORDS_LISTS = new Set(['hosts', 'partners', 'tags', 'speakers', 'chair']);

/** `key: value #rest`, or `- value #rest`, the value unquoted: the groups are the indent, the key and the value. */
const KEYED = /^([ \t]*(?:-[ \t]+)?)([A-Za-z]+):[ \t]+([^'"\s#|>[{&*!][^\n]*?)[ \t]+#(?=\S)/;
const ITEM = /^([ \t]*)-[ \t]+([^'"\s#|>[{&*!][^\n]*?)[ \t]+#(?=\S)/;

export const commentInValue: Rule = {
  id: 'comment-in-value',
  severity: 'warning',
  description: '`title: 100% of #rights`: the text from " #" is a YAML comment, left out of the value without a word (quote the value to keep it)',
  needs: 'body',
  check(context, report) {
    const text = context.source.text;
    const start = text.startsWith('\uFEFF') ? 1 : 0;
    if (!/^---[ \t]*\r?\n/.test(text.slice(start))) return;
    let offset = text.indexOf('\n', start) + 1;
    let list: string | undefined; // the top-level key whose list the lines are in
    let block: number | undefined; // the indent a block scalar's lines are deeper than
    while (offset < text.length) {
      const end = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
      const line = text.slice(offset, end).replace(/\r$/, '');
      if (/^---[ \t]*$/.test(line)) return;
      const indent = /^[ \t]*/.exec(line)![0].length;
      if (block !== undefined && (line.trim() === '' || indent > block)) {
        offset = end + 1;
        continue;
      }
      block = /:[ \t]*[|>][+-]?\d*[ \t]*(?:#.*)?$/.test(line) ? indent : undefined;
      const topKey = /^([A-Za-z]+):/.exec(line)?.[1];
      if (topKey !== undefined) list = topKey;
      const keyed = KEYED.exec(line);
      const item = keyed ? undefined : ITEM.exec(line);
      const cut = keyed && WORDS_KEYS.has(keyed[2]!) ? keyed[3]! : item && list !== undefined && WORDS_LISTS.has(list) ? item[2]! : undefined;
      if (cut !== undefined) {
        const hash = line.indexOf('#', line.indexOf(cut) + cut.length);
        const whole = line.slice(line.indexOf(cut)).trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"');
        report({
          start: offset + hash,
          end: offset + line.trimEnd().length,
          message: `the text from " #" is a YAML comment, left out of ${keyed ? `the ${keyed[2]!}` : `this item of ${list!}`}: it reads "${cut}"`,
          note: `put the value in double quotes to keep it whole:  ${keyed ? `${keyed[2]!}: ` : '- '}"${whole}"`,
        });
      }
      offset = end + 1;
    }
  },
};
