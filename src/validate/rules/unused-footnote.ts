/**
 * unused-footnote — a note (`[^source]: …`) that nothing in the body or the intro cites, or
 * that only a note left out itself cites.
 *
 * Why: a briefing lists only the notes its text cites, so this one is in no format: the
 * source it gives is lost without a word. Example: `[^source]: BICI report, 2011.` with no
 * `[^source]` in the text.
 */
import type { FootnoteDefinition, FootnoteReference, Root } from 'mdast';
import type { Node, Parent } from 'unist';
import { nodesOf } from '../nodes.js';
import type { Rule } from './rule.js';

/** The names the text cites, outside the notes: a note cites another only once it is printed itself. */
function citedInText(tree: Root): string[] {
  const found: string[] = [];
  const walk = (node: Node): void => {
    if (node.type === 'footnoteDefinition') return;
    if (node.type === 'footnoteReference') found.push((node as FootnoteReference).identifier);
    for (const child of (node as Partial<Parent>).children ?? []) walk(child);
  };
  walk(tree);
  return found;
}

/** The notes printed: those the text cites, and those the printed notes cite in turn. */
function printed(cited: Iterable<string>, definitions: readonly FootnoteDefinition[]): Set<string> {
  const byName = new Map(definitions.map((definition) => [definition.identifier, definition]));
  const seen = new Set<string>();
  const queue = [...cited];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const definition = byName.get(name);
    if (definition) queue.push(...nodesOf<FootnoteReference>(definition, 'footnoteReference').map((node) => node.identifier));
  }
  return seen;
}

export const unusedFootnote: Rule = {
  id: 'unused-footnote',
  severity: 'warning',
  description: '`[^source]: …` that no `[^source]` in the text cites: a briefing lists only cited notes, so it would be left out',
  needs: 'body',
  check(context, report) {
    const intro = context.intro();
    const introNotes = intro ? nodesOf<FootnoteDefinition>(intro.tree, 'footnoteDefinition') : [];
    const bodyNotes = context.nodes<FootnoteDefinition>('footnoteDefinition');
    // The intro's own notes are its own (compose/body.ts): a mark of the intro naming one cites it, not the body's.
    const introOwn = new Set(introNotes.map((definition) => definition.identifier));
    const introCited = intro ? printed(citedInText(intro.tree), introNotes) : new Set<string>();
    const fromIntro = [...introCited].filter((name) => !introOwn.has(name));
    const bodyCited = printed([...citedInText(context.tree), ...fromIntro], bodyNotes);
    const unused = (label: string) => `the note [^${label}] is cited nowhere: it would be left out of the briefing`;
    const note = (label: string) => `cite it where it belongs, as [^${label}], or remove it`;
    if (intro) {
      const [start, end] = intro.range();
      for (const definition of introNotes) {
        const label = definition.label ?? definition.identifier;
        if (!introCited.has(definition.identifier)) report({ start, end, message: `intro: ${unused(label)}`, note: note(label) });
      }
    }
    for (const definition of bodyNotes) {
      if (bodyCited.has(definition.identifier)) continue;
      const label = definition.label ?? definition.identifier;
      const start = definition.position?.start.offset ?? 0;
      report({ start, end: start + `[^${label}]:`.length, message: unused(label), note: note(label) });
    }
  },
};
