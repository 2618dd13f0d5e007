/**
 * undefined-footnote — a footnote's mark (`[^source]`) with no note of that name, in the body
 * or the intro.
 *
 * Why: Markdown reads a mark without its note as text, so every format prints `[^source]` in
 * the sentence and the note the writer meant is nowhere. Example: `Forty were held.[^soruce]`
 * beside `[^source]: …`.
 */
import type { FootnoteDefinition, Root, Text } from 'mdast';
import { nodesOf } from '../nodes.js';
import type { Rule } from './rule.js';

/**
 * A footnote's mark left as text, not after a backslash (which writes the brackets on purpose);
 * after two (`\\[^x]`, a backslash written), it is a mark again.
 */
const MARK = /(?<!(?<!\\)(?:\\\\)*\\)\[\^([^\]\s]+)\]/g;

/** Each mark left as text in `tree`, at its offset in `text` (the text the tree's positions are of). */
function marksLeftAsText(texts: readonly Text[], text: string): { at: number; mark: string; label: string }[] {
  return texts.flatMap((node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return [];
    return [...text.slice(start, end).matchAll(MARK)].map((match) => ({ at: start + match.index, mark: match[0], label: match[1]! }));
  });
}

function definedLabels(tree: Root): string[] {
  return nodesOf<FootnoteDefinition>(tree, 'footnoteDefinition').map((node) => node.label ?? node.identifier);
}

export const undefinedFootnote: Rule = {
  id: 'undefined-footnote',
  severity: 'error',
  description: '`[^source]` with no `[^source]: …` note: it would be printed as it is, and the note is missing',
  needs: 'body',
  check(context, report) {
    const bodyNotes = definedLabels(context.tree);
    const note = (label: string, notes: readonly string[]): string =>
      notes.length > 0 ? `the notes are named ${notes.map((name) => `[^${name}]`).join(', ')}` : `add the note on a line of its own: [^${label}]: …`;
    const message = (mark: string) => `the footnote ${mark} has no note: it would be printed as it is`;
    const intro = context.intro();
    if (intro) {
      const [start, end] = intro.range();
      const notes = [...definedLabels(intro.tree), ...bodyNotes];
      const lower = new Set(bodyNotes.map((name) => name.toLowerCase()));
      for (const { mark, label } of marksLeftAsText(nodesOf<Text>(intro.tree, 'text'), intro.text)) {
        // The body has the note: the intro ends inside a block left open (a code fence), which
        // the body's notes cannot be read into (load/markdown.ts, parseIntro).
        const unreadable = lower.has(label.toLowerCase());
        const why = unreadable
          ? 'the intro ends inside a block left open (a code fence not closed), which keeps it from citing the body’s notes: close it'
          : note(label, notes);
        report({ start, end, message: `intro: ${message(mark)}`, note: why });
      }
    }
    for (const { at, mark, label } of marksLeftAsText(context.nodes<Text>('text'), context.source.text)) {
      report({ start: at, end: at + mark.length, message: message(mark), note: note(label, bodyNotes) });
    }
  },
};
