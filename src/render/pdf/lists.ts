/**
 * Lists: L → LI → Lbl + LBody (the footnotes: Note → number + content), each level with its own
 * bullet (the theme's list, after the HTML's disc, circle and square), each item kept whole on a
 * page when it fits. Nesting too deep to indent further (the text would get narrower than a
 * third of the page) stops indenting, with a warning, rather than running off the page.
 */
import type { Element } from 'hast';
import { noteCharacters } from './fonts.js';
import type { Layout, Struct } from './layout.js';
import { dictionaryOf, entries } from './marked.js';

/** The ListNumbering of a list whose items have this bullet (ISO 32000-1, table 347). */
const NUMBERING: Record<string, string> = { '•': 'Disc', '◦': 'Circle', '○': 'Circle', '▪': 'Square', '■': 'Square' };

/** The indent of a nested level: none once the text would get narrower than a third of the page. */
export function nestedIndent(layout: Layout, indent: number, width: number, what: string): number {
  if (width - indent >= layout.width / 3) return indent;
  layout.warnings.add(`${what} nested too deep to indent further: the deeper levels are set at the same indent`);
  return 0;
}

/**
 * A list, or with `note`, the footnotes' list (notes.ts): each item then the element `note`
 * gives for it, in `parent`, its number and its content in it (no L, no Lbl, no LBody).
 */
export function layoutList(layout: Layout, element: Element, x: number, width: number, parent: Struct | undefined, note?: (item: Element) => Struct): void {
  const { doc, theme } = layout;
  const ordered = element.tagName === 'ol';
  const start = typeof element.properties.start === 'number' ? element.properties.start : 1;
  const items = element.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
  const indent = nestedIndent(layout, theme.spacing.listIndent, width, 'lists');
  const bullets = theme.bullet;
  const bullet = bullets[Math.min(layout.listDepth, bullets.length - 1)]!;
  const struct = layout.dry || !parent ? undefined : note ? parent : doc.struct('L');
  if (struct && !note) {
    // How its items are numbered, for a reader that announces it ("list of 3, numbered").
    entries(dictionaryOf(struct)).A = { O: 'List', ListNumbering: ordered ? 'Decimal' : (NUMBERING[bullet] ?? 'None') };
    parent!.add(struct);
  }
  layout.listDepth++;
  items.forEach((item, i) => {
    const label = ordered ? `${start + i}.` : bullet;
    // A list item that fits on a page is never split: no last line alone at a page's top.
    layout.keep(layout.measure(item, 'item', width - indent, () => layout.blocks(item.children, x + indent, width - indent, undefined)));
    const li = struct ? (note ? note(item) : doc.struct('LI')) : undefined;
    if (li) struct!.add(li);
    if (li) setLabel(layout, li, label, x + indent, layout.y, note !== undefined);
    const body = li && !note ? doc.struct('LBody') : li;
    if (body !== li) li!.add(body!);
    layout.blocks(item.children, x + indent, width - indent, body);
    if (body !== li) body?.end();
    li?.end();
    if (i < items.length - 1) layout.y += theme.spacing.listItem - theme.spacing.paragraph;
  });
  layout.listDepth--;
  if (!note) struct?.end();
}

/**
 * A list item's label, set right-aligned before its text. A bullet the body font lacks (the
 * HTML's ◦ and ▪) is drawn as a shape, its character given as the marked content's ActualText.
 */
function setLabel(layout: Layout, li: Struct, label: string, textX: number, y: number, inNote: boolean): void {
  const { doc, theme } = layout;
  // A note's number is its own text: Lbl belongs to list items in PDF 1.7 (ISO 32000-1, table 336).
  const lbl = inNote ? li : doc.struct('Lbl');
  if (!inNote) li.add(lbl);
  const size = theme.sizes.body;
  const middle = y + layout.lineHeight(size) / 2;
  const font = layout.fonts.regular;
  const drawable = [...label].every((char) => font.hasGlyphForCodePoint(char.codePointAt(0)!));
  layout.fillColor(theme.colors.muted);
  doc.strokeColor(theme.colors.muted);
  if (drawable) {
    lbl.add(doc.markStructureContent(inNote ? 'Note' : 'Lbl'));
    noteCharacters(layout.charsByFace.regular, label);
    doc.font(layout.faceNames.regular).fontSize(size);
    const labelWidth = layout.measureText(label, 'regular', size);
    doc.text(label, textX - labelWidth - 6, y + (layout.lineHeight(size) - size * 1.2) / 2, { lineBreak: false });
  } else {
    lbl.add(doc.markStructureContent('Span', { actual: label } as never));
    const r = size * 0.16;
    const cx = textX - 6 - r * 1.6;
    if (label === '◦') doc.circle(cx, middle, r).lineWidth(0.7).stroke();
    else doc.rect(cx - r, middle - r, 2 * r, 2 * r).fill();
  }
  doc.endMarkedContent();
  if (!inNote) lbl.end();
}
