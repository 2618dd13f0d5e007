/**
 * Footnotes as PDF/UA-1 asks (7.9): each note a Note element with an ID, its number first in
 * it, in a Sect with the "Footnotes" heading; each reference to a note (runs.ts, marked.ts) a
 * Reference element whose Link goes to the note's named destination. Elements with an ID are
 * listed in the structure tree root's IDTree, as the PDF reference requires.
 */
import type { Element } from 'hast';
import type PDFDocument from 'pdfkit';
import type { Layout, Struct } from './layout.js';
import { layoutList } from './lists.js';
import { dictionaryOf, entries, noteDestination } from './marked.js';

type Doc = InstanceType<typeof PDFDocument>;

export function layoutFootnotes(layout: Layout, section: Element, x: number, width: number, parent: Struct | undefined): void {
  const { doc } = layout;
  const sect = layout.dry || !parent ? undefined : doc.struct('Sect');
  if (sect) parent!.add(sect);
  const note = (item: Element): Struct => {
    const id = String(item.properties.id);
    const element = doc.struct('Note');
    entries(dictionaryOf(element)).ID = new String(id);
    layout.notes.set(id, element);
    // Where the reference's link goes: the top of the note's line.
    doc.addNamedDestination(noteDestination(id), 'XYZ', x, layout.y, null as never);
    return element;
  };
  const children = section.children.filter((child): child is Element => child.type === 'element');
  children.forEach((child, i) => {
    if (child.tagName === 'ol') layoutList(layout, child, x, width, sect, note);
    else layout.block(child, x, width, sect, children[i + 1]);
  });
  sect?.end();
}

/** The IDTree of the elements given an ID (`notes`, by ID): a name tree of one node, its names in order. */
export function writeIdTree(doc: Doc, notes: ReadonlyMap<string, Struct>): void {
  if (notes.size === 0) return;
  const names = [...notes.keys()].sort().flatMap((id) => [new String(id), dictionaryOf(notes.get(id)!)]);
  entries(doc.getStructTreeRoot()).IDTree = { Names: names };
}
