/** The PDF format's renderer: the theme loaded, the article set, missing glyphs and layout give-ways reported. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnosticAt } from '../../diagnostics/diagnostic.js';
import type { Meeting } from '../../validate/meeting.js';
import type { Rendered, RenderInput } from '../formats.js';
import { renderPdf } from './document.js';
import { loadTheme } from './theme.js';

export async function renderPdfFormat(input: RenderInput): Promise<Rendered> {
  const { composed, meeting } = input;
  const pdf = await renderPdf(composed.article, composed.view, loadTheme(input.templatesDir, input.pageSize), await input.tree());
  for (const { char, face } of pdf.missing) input.warn(missingGlyph(meeting, char, face));
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

/** A character the PDF font cannot set, placed where the record first uses it. */
function missingGlyph(meeting: Meeting, char: string, face: string): Diagnostic {
  const offset = Math.max(0, meeting.source.text.indexOf(char));
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return diagnosticAt(meeting.file, meeting.source, offset, offset + char.length, {
    severity: 'warning',
    rule: 'missing-glyph',
    message: `the PDF font has no ${char} (${code}) in its ${face} face: it would print as a blank box`,
    note: 'use another character, or a font that has it (fonts in pdf-theme.yaml)',
  });
}
