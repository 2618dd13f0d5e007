/** The PDF format's renderer: the theme loaded, the article set, missing glyphs and layout give-ways reported. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnosticAt } from '../../diagnostics/diagnostic.js';
import type { Meeting } from '../../validate/meeting.js';
import type { Rendered, RenderInput } from '../formats.js';
import { renderPdf } from './document.js';
import { loadTheme } from './theme.js';
import { codePoint } from '../../diagnostics/code-point.js';

export async function renderPdfFormat(input: RenderInput): Promise<Rendered> {
  const { composed, meeting } = input;
  const pdf = await renderPdf(composed.article, composed.view, loadTheme(input.templatesDir, input.pageSize), await input.tree(), input.siteLang);
  for (const diagnostic of missingGlyphs(meeting, pdf.missing)) input.warn(diagnostic);
  for (const message of pdf.warnings) input.warn(pdfLayout(meeting, message));
  return { data: pdf.bytes, pages: pdf.pages };
}

/** Where the PDF's layout had to give way (a word wider than the page, lists nested too deep). */
function pdfLayout(meeting: Meeting, message: string): Diagnostic {
  const word = /“(.*?)…?”/.exec(message)?.[1];
  const offset = word ? Math.max(0, meeting.source.text.indexOf(word)) : 0;
  return diagnosticAt(meeting.file, meeting.source, offset, offset + (word?.length ?? 0), {
    severity: 'warning',
    rule: 'pdf-layout',
    message: `the PDF: ${message}`,
  });
}

/**
 * The characters the PDF font cannot set, one warning for each word of the record that has them
 * (where it first uses them): a name in a script the font lacks is one warning, not one a letter.
 */
function missingGlyphs(meeting: Meeting, missing: readonly { char: string; face: string }[]): Diagnostic[] {
  const text = meeting.source.text;
  const words = new Map<number, { end: number; chars: string[]; faces: Set<string> }>();
  for (const { char, face } of missing) {
    const offset = Math.max(0, text.indexOf(char));
    let start = offset;
    while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
    let end = offset + char.length;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    const word = words.get(start) ?? { end, chars: [], faces: new Set<string>() };
    if (!word.chars.includes(char)) word.chars.push(char);
    word.faces.add(face);
    words.set(start, word);
  }
  return [...words].map(([start, { end, chars, faces }]) => {
    const named = chars.slice(0, 5).map((char) => `${char} (${codePoint(char)})`);
    const more = chars.length > 5 ? ` and ${chars.length - 5} more` : '';
    return diagnosticAt(meeting.file, meeting.source, start, end, {
      severity: 'warning',
      rule: 'missing-glyph',
      message: `the PDF font has no ${named.join(', ')}${more} in its ${[...faces].join(' or ')} face: ${chars.length === 1 ? 'it' : 'they'} would print as blank boxes, and the PDF would not claim PDF/UA-1 (accessible PDF)`,
      note: 'use other characters, or a font that has them (fonts in pdf-theme.yaml)',
    });
  });
}
