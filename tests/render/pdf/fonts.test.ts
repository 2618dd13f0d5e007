/**
 * A PDF's text does not depend on which documents the process made before it: the glyph of a
 * character first met as part of another glyph ("Z" inside "Ž") still maps back to its
 * character in the ToUnicode map, so pdftotext (and a screen reader) reads it.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeBriefing } from '../../../src/compose/briefing.js';
import { loadTemplates } from '../../../src/compose/templates.js';
import { loadRecordText } from '../../../src/load/record.js';
import { renderPdf } from '../../../src/render/pdf/document.js';
import { loadTheme, type Theme } from '../../../src/render/pdf/theme.js';
import { validateRecord } from '../../../src/validate/record.js';
import { pdfText } from '../../helpers/pdf.js';
import { haveTools, PDFTOTEXT } from '../../helpers/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'phrg-brief-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfOf(theme: Theme, point: string): Promise<string> {
  const text = `---\ntitle: Fonts\ndate: 2021-01-02\nhosts: [the Parliamentary Human Rights Group (PHRG)]\nspeakers:\n  - key: AB\n    name: Ana Bravo\n---\n\n${point} (AB)\n`;
  const validated = validateRecord(loadRecordText(text, 'fonts.md').record!);
  const composed = composeBriefing(validated.meeting!, loadTemplates());
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, (await renderPdf(composed.article, composed.view, theme)).bytes);
  return pdfText(file);
}

describe.runIf(haveTools(PDFTOTEXT))('fonts', () => {
  it('map a glyph first made as part of another back to its character in later documents', async () => {
    // Copies of the fonts under new paths: fontkit objects of their own, untouched by other tests.
    const theme = loadTheme();
    const fonts = Object.fromEntries(
      Object.entries(theme.fonts).map(([face, path]) => {
        const copy = join(dir, basename(path));
        copyFileSync(path, copy);
        return [face, copy];
      }),
    ) as Theme['fonts'];
    const fresh: Theme = { ...theme, fonts };
    // "Ž" and "Ź" are composites holding "Z"; the subsetter makes that part without a character.
    expect(await pdfOf(fresh, 'Žaneta and Źródło spoke.')).toContain('Žaneta');
    expect(await pdfOf(fresh, 'Zagreb hosted the Zonal meeting.')).toContain('Zagreb hosted the Zonal meeting.');
  });
});
