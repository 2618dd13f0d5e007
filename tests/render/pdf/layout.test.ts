/**
 * The layout engine on long records, read back page by page: footers count the pages, no
 * heading is left alone at the foot of a page, and no list item's last line starts a page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeBriefing } from '../../../src/compose/briefing.js';
import { loadTemplates } from '../../../src/compose/templates.js';
import { loadRecordText } from '../../../src/load/record.js';
import { renderPdf } from '../../../src/render/pdf/document.js';
import { loadTheme } from '../../../src/render/pdf/theme.js';
import { validateRecord } from '../../../src/validate/record.js';
import { pdfInfo, pdfText, qpdfCheck } from '../../helpers/pdf.js';
import { haveTools, PDFTOTEXT, QPDF } from '../../helpers/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'phrg-brief-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FRONT =
  '---\ntitle: Layout\ndate: 2021-01-02\nhosts: [the Parliamentary Human Rights Group (PHRG)]\nspeakers:\n  - key: AB\n    name: Ana Bravo\n---\n\n';
const filler = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => ['defenders', 'rights', 'communities', 'ministry', 'courts', 'evidence'][(i * 7 + seed) % 6]).join(' ');

async function build(body: string, front = FRONT): Promise<{ file: string; pages: number }> {
  const loaded = loadRecordText(front + body, 'layout.md');
  const validated = validateRecord(loaded.record!);
  expect(validated.meeting, JSON.stringify(validated.diagnostics)).toBeDefined();
  const composed = composeBriefing(validated.meeting!, loadTemplates());
  const pdf = await renderPdf(composed.article, composed.view, loadTheme());
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf.bytes);
  return { file, pages: pdf.pages };
}

/** The non-empty lines of a page's text block, in reading layout. */
function bodyLines(file: string, page: number): string[] {
  return pdfText(file, { first: page, last: page, crop: { x: 0, y: 56, w: 596, h: 842 - 112 } })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

describe.runIf(haveTools(PDFTOTEXT, QPDF))('page breaks', () => {
  it('never leave a heading alone at the foot of a page', async () => {
    const sections = Array.from({ length: 30 }, (_, i) => `## Section ${i + 1}\n\n${filler(20 + ((i * 37) % 90), i)}. (AB)\n`).join('\n');
    const { file, pages } = await build(sections);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      const lines = bodyLines(file, page);
      expect(lines.at(-1), `page ${page}`).not.toMatch(/^Section \d+$/);
      expect(pdfText(file, { first: page, last: page, crop: { x: 0, y: 842 - 56, w: 596, h: 56 } }).trim()).toBe(`Page ${page} of ${pages}`);
    }
    expect(qpdfCheck(file).ok).toBe(true);
  });

  it('start every page inside a list with the first line of an item', async () => {
    const items = Array.from({ length: 70 }, (_, i) => `- Point ${i + 1}: ${filler(12 + ((i * 29) % 60), i)}. (AB)`).join('\n');
    const { file, pages } = await build(`The points:\n\n${items}\n`);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 2; page <= pages; page++) {
      expect(bodyLines(file, page)[0], `page ${page}`).toMatch(/^• Point \d+:/);
    }
  });

  it('break a word too long for any line, and a table row only between rows, its header repeated', async () => {
    const long = 'x'.repeat(400);
    const rows = Array.from({ length: 80 }, (_, i) => `| Row ${i + 1} | ${filler(6, i)} |`).join('\n');
    const { file, pages } = await build(`${long}\n\n| Name | Words |\n| --- | --- |\n${rows}\n\n[a link](https://example.org/report) (AB)\n`);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = pdfText(file).replace(/\s+/g, '');
    expect(text).toContain(long);
    for (let page = 2; page <= pages; page++) {
      const lines = bodyLines(file, page);
      if (lines[0] === 'Name') expect(lines.slice(0, 3).join(' ')).toMatch(/^Name Words Row \d+$/);
      else expect(lines[0]).toMatch(/^\[?a link/);
    }
    expect(pdfInfo(file).Tagged).toBe('yes');
  });

  it('carry a title’s soft hyphen into neither the running header nor the title of the document', async () => {
    const sections = Array.from({ length: 12 }, (_, i) => `## Section ${i + 1}\n\n${filler(80, i)}. (AB)\n`).join('\n');
    const { file, pages } = await build(sections, FRONT.replace('title: Layout', 'title: Inter\u00ADnational Rights'));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pdfText(file, { first: 2, last: 2, crop: { x: 0, y: 0, w: 596, h: 56 } }).trim()).toBe('2/1/21 · International Rights');
    expect(pdfInfo(file).Title).toBe('2/1/21: International Rights');
  });

  it('never leave a table’s header alone at the foot of a page, whatever comes before it', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `| ${2010 + i} | ${i * 7} |`).join('\n');
    // Paragraphs enough to bring the header to each place near the foot of the first page.
    for (const count of [24, 25, 26]) {
      const paragraphs = Array.from({ length: count }, (_, i) => `Paragraph ${i + 1} of filler text that runs to a single line.`).join('\n\n');
      const { file, pages } = await build(`${paragraphs}\n\n| Year | Cases |\n| --- | --: |\n${rows}\n`);
      for (let page = 1; page <= pages; page++) {
        const lines = bodyLines(file, page);
        const header = lines.findIndex((line) => /^Year\b/.test(line));
        if (header !== -1) expect(lines.slice(header + 1).join(' '), `${count} paragraphs, page ${page}`).toMatch(/20\d\d/);
      }
    }
  });
});
