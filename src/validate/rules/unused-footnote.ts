/**
 * unused-footnote — a note (`[^source]: …`) that no mark in the body or the intro cites.
 *
 * Why: a briefing lists only the notes its text cites, so this one is in no format: the
 * source it gives is lost without a word. Example: `[^source]: BICI report, 2011.` with no
 * `[^source]` in the text.
 */
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import { nodesOf } from '../nodes.js';
import type { Rule } from './rule.js';

export const unusedFootnote: Rule = {
  id: 'unused-footnote',
  severity: 'warning',
  description: '`[^source]: …` that no `[^source]` in the text cites: a briefing lists only cited notes, so it would be left out',
  needs: 'body',
  check(context, report) {
    const intro = context.intro();
    const introCites = new Set(intro ? nodesOf<FootnoteReference>(intro.tree, 'footnoteReference').map((node) => node.identifier) : []);
    const bodyCites = new Set(context.nodes<FootnoteReference>('footnoteReference').map((node) => node.identifier));
    const unused = (label: string) => `the note [^${label}] is cited nowhere: it would be left out of the briefing`;
    const note = (label: string) => `cite it where it belongs, as [^${label}], or remove it`;
    if (intro) {
      const [start, end] = intro.range();
      for (const definition of nodesOf<FootnoteDefinition>(intro.tree, 'footnoteDefinition')) {
        const label = definition.label ?? definition.identifier;
        if (!introCites.has(definition.identifier)) report({ start, end, message: `intro: ${unused(label)}`, note: note(label) });
      }
    }
    for (const definition of context.nodes<FootnoteDefinition>('footnoteDefinition')) {
      if (bodyCites.has(definition.identifier) || introCites.has(definition.identifier)) continue;
      const label = definition.label ?? definition.identifier;
      const start = definition.position?.start.offset ?? 0;
      report({ start, end: start + `[^${label}]:`.length, message: unused(label), note: note(label) });
    }
  },
};
