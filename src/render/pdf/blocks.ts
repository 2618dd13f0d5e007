/**
 * Headings, block quotes and rules. A heading (H1…H4) is kept on one page with the first two
 * lines of what follows it, and told to the document for its bookmark. A quote is BlockQuote
 * in the structure tree, indented as lists are (and, nested too deep, no further), with a bar
 * beside it drawn as an artifact; a rule is drawn as an artifact alone, as it is no content.
 */
import type { Element } from 'hast';
import type { Layout, Struct } from './layout.js';
import { nestedIndent } from './lists.js';
import { runsText } from './runs.js';
import type { Theme } from './theme.js';

export function layoutHeading(
  layout: Layout,
  element: Element,
  level: keyof Theme['sizes'],
  x: number,
  width: number,
  parent: Struct | undefined,
  next: Element | undefined,
): void {
  const { theme } = layout;
  const runs = layout.runsOf(element, { bold: true, italic: false });
  const options = { size: theme.sizes[level], color: theme.colors.heading, after: theme.spacing.heading };
  // A heading keeps its own lines and the first two lines of what follows on one page.
  const own = layout.measure(element, 'heading', width, () => layout.paragraph(runs, x, width, undefined, 'H', options));
  const following = next
    ? Math.min(
        layout.measure(next, 'block', width, () => layout.block(next, x, width, undefined, undefined)),
        2 * layout.lineHeight(theme.sizes.body),
      )
    : 0;
  layout.keep(own + following);
  // Tagged and bookmarked without a skipped level; set at the size the record's level has.
  const tagged = layout.dry ? 1 : layout.headings.next(Number(element.tagName.slice(1)));
  if (!layout.dry) layout.events?.heading(tagged, runsText(runs));
  layout.paragraph(runs, x, width, parent, `H${tagged}`, options);
}

export function layoutBlockquote(layout: Layout, element: Element, x: number, width: number, parent: Struct | undefined): void {
  const { doc, theme } = layout;
  const struct = layout.dry || !parent ? undefined : doc.struct('BlockQuote');
  if (struct) parent!.add(struct);
  const indent = nestedIndent(layout, theme.spacing.blockquoteIndent, width, 'block quotes');
  const top = layout.y;
  const page = layout.page;
  layout.blocks(element.children, x + indent, width - indent, struct);
  struct?.end();
  if (!layout.dry && page === layout.page && indent > 0) {
    layout.artifact(() =>
      doc
        .moveTo(x + 3, top)
        .lineTo(x + 3, layout.y - theme.spacing.paragraph)
        .lineWidth(2)
        .strokeColor(theme.colors.rule)
        .stroke(),
    );
  }
}

export function layoutRule(layout: Layout, x: number, width: number): void {
  const { doc, theme } = layout;
  layout.y += theme.spacing.paragraph;
  layout.keep(1);
  if (!layout.dry)
    layout.artifact(() =>
      doc
        .moveTo(x, layout.y)
        .lineTo(x + width, layout.y)
        .lineWidth(0.75)
        .strokeColor(theme.colors.rule)
        .stroke(),
    );
  layout.y += theme.spacing.paragraph * 2;
}
