/**
 * One line set on the page: each fragment in its face and colour, in the marked content (and
 * Link or Span) its run belongs in, a link's annotation over it, and its characters noted for
 * the glyph check.
 */
import { missingCharacters, noteCharacters, runFeatures } from './fonts.js';
import type { Layout, ParagraphOptions } from './layout.js';
import type { MarkedWriter } from './marked.js';
import type { Line } from './line-breaks.js';
import type { Run } from './runs.js';

/** How far right of `x` a line starts, aligned in `width`: its trailing spaces do not count. */
export function alignOffset(layout: Layout, line: Line, width: number, size: number, align: ParagraphOptions['align']): number {
  const last = line.at(-1);
  if (!align || !last) return 0;
  const trailing = /\s*$/.exec(last.text)![0];
  const used = last.x + last.width - (trailing ? layout.measureText(trailing, last.run.face, size) : 0);
  return Math.max(0, align === 'center' ? (width - used) / 2 : width - used);
}

export interface LineStyle {
  size: number;
  color: string;
  /** The paragraph's marked content, when it is tagged. */
  writer: MarkedWriter | undefined;
  /** Each link run's whole text, for its annotation's description. */
  linkTexts: Map<Run, string> | undefined;
}

export function drawLine(layout: Layout, line: Line, x: number, y: number, { size, color, writer, linkTexts }: LineStyle): void {
  const { doc } = layout;
  // Place the text in the middle of its line box.
  const baselineShift = (layout.lineHeight(size) - size * 1.2) / 2;
  for (const fragment of line) {
    const { run } = fragment;
    // A hyphen a line break printed is read as the soft hyphen it stands for; glyphs the font lacks as their characters.
    if (fragment.breakHyphen) writer?.breakHyphen(run);
    else writer?.mark(run, missingCharacters(layout.fonts[run.face], fragment.text).length > 0 ? fragment.text : undefined);
    noteCharacters(layout.charsByFace[run.face], fragment.text);
    doc.font(layout.faceNames[run.face]).fontSize(size);
    layout.fillColor(run.link ? layout.theme.colors.link : color);
    doc.text(fragment.text, x + fragment.x, y + baselineShift, {
      lineBreak: false,
      underline: run.link !== undefined,
      strike: run.struck === true,
      textWidth: fragment.width,
      features: runFeatures(run),
    } as PDFKit.Mixins.TextOptions);
    // The hyphen at a link's break is no place of its own to go to: a tab stop less.
    if (fragment.breakHyphen) continue;
    if (run.link) writer?.annotate(x + fragment.x, y + baselineShift, fragment.width, size * 1.2, run.link, linkTexts?.get(run) ?? fragment.text.trim());
    else if (run.noteRef) writer?.annotateNote(x + fragment.x, y + baselineShift, fragment.width, size * 1.2, run.noteRef, fragment.text.trim());
  }
}
