/**
 * PDF briefings built by the real CLI and read back with poppler and qpdf: the same words as
 * the reference, fonts embedded and subset, tagged with a structure tree, reproducible.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { linkTargets, outline, pdfFonts, pdfInfo, pdfText, qpdfCheck, structureTypes, wordBoxes } from '../helpers/pdf.js';
import { haveTools, PDFTOTEXT, QPDF } from '../helpers/tools.js';
import { wordDiff, words } from '../helpers/words.js';

const A4 = { width: 595.28, height: 841.89 };
/** The text block of a page: inside the margins, where the running header and footer are not. */
const body = (page = A4) => ({ x: 0, y: 56, w: page.width, h: page.height - 112 });
const footer = (page = A4) => ({ x: 0, y: page.height - 56, w: page.width, h: 56 });

describe.runIf(haveTools(PDFTOTEXT, QPDF))('PDF briefings', () => {
  let project: TempProject;
  let pdf: string;

  beforeAll(async () => {
    project = tempProject({ withExample: true });
    const result = await runCli(['build', '--format', 'html,pdf'], project.dir);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    pdf = project.path('dist', '2016-11-07-peru.pdf');
  });
  afterAll(() => project?.remove());

  it('are written beside the HTML with --format html,pdf', () => {
    expect(readFileSync(project.path('dist', '2016-11-07-peru.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(pdf).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  });

  it('read word for word as the reference briefing', () => {
    const pages = Number(pdfInfo(pdf).Pages);
    const text = Array.from({ length: pages }, (_, i) => pdfText(pdf, { first: i + 1, last: i + 1, crop: body() })).join('\n');
    const expected = words(readFileSync(join(FIXTURES, '2016-11-07-peru.expected.txt'), 'utf8'));
    expect(wordDiff(words(text), expected)).toBe('');
    expect(words(text)).toEqual(expected);
  });

  it('number every page "Page N of M" and carry a running header after the first', () => {
    const pages = Number(pdfInfo(pdf).Pages);
    for (let page = 1; page <= pages; page++) {
      expect(pdfText(pdf, { first: page, last: page, crop: footer() }).trim()).toBe(`Page ${page} of ${pages}`);
      const header = pdfText(pdf, { first: page, last: page, crop: { x: 0, y: 0, w: A4.width, h: 56 } }).trim();
      if (page === 1) expect(header).toBe('');
      else expect(header).toMatch(/^7\/11\/16 · Peru – The Negative Impacts/);
    }
  });

  it('embed and subset every font, with a ToUnicode map', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+SourceSerif4-/);
    }
  });

  it('pass qpdf --check and are tagged, titled and A4', () => {
    const check = qpdfCheck(pdf);
    expect(check.ok, check.output).toBe(true);
    expect(check.output).toContain('No syntax or stream encoding errors');
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({
      Tagged: 'yes',
      'PDF version': '1.7',
      Title: readFileSync(join(FIXTURES, '2016-11-07-peru.expected.txt'), 'utf8').split('\n')[0],
    });
    expect(info['Page size']).toContain('(A4)');
    expect(info.Author).toBe('the All-Party Parliamentary Human Rights Group (PHRG); APPG Latin America');
    expect(info.Subject).toMatch(/^Indigenous groups in Peru/);
    expect(info.Keywords).toBe('Peru, extractive industries, human rights defenders, indigenous peoples');
    expect(info.CreationDate).toContain('Nov  7 00:00:00 2016');
  });

  it('have a structure tree that mirrors the article', () => {
    const types = structureTypes(pdf).map((element) => element.type);
    expect(types[0]).toBe('Document');
    const firstOf = (type: string) => types.indexOf(type);
    expect(firstOf('H1')).toBeGreaterThan(0);
    expect(firstOf('H1')).toBeLessThan(firstOf('P'));
    expect(firstOf('P')).toBeLessThan(firstOf('L'));
    expect(firstOf('L')).toBeLessThan(firstOf('LI'));
    expect(types.filter((type) => type === 'LI')).toHaveLength(9);
    expect(types.filter((type) => type === 'Lbl')).toHaveLength(9);
    expect(types.filter((type) => type === 'LBody')).toHaveLength(9);
    expect(types.filter((type) => type === 'L')).toHaveLength(2);
  });

  it('have a bookmark for the heading, on its page', () => {
    expect(outline(pdf)).toEqual([{ title: readFileSync(join(FIXTURES, '2016-11-07-peru.expected.txt'), 'utf8').split('\n')[0], page: 1 }]);
  });

  it('are byte-identical when built twice, and take their dates from SOURCE_DATE_EPOCH', async () => {
    // Two builds beside the first, at once: one as the first was, one under SOURCE_DATE_EPOCH
    // (whose date the first lacks, so the same bytes from it would not be by chance).
    const [again, epoch] = await Promise.all([
      runCli(['build', '--format', 'pdf', '--out', 'again'], project.dir),
      runCli(['build', '--format', 'pdf', '--out', 'epoch'], project.dir, { SOURCE_DATE_EPOCH: '1700000000' }),
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(epoch.code, epoch.stderr).toBe(0);
    expect(readFileSync(project.path('again', '2016-11-07-peru.pdf')).equals(readFileSync(pdf))).toBe(true);
    expect(pdfInfo(pdf).CreationDate).not.toContain('2023');
    expect(pdfInfo(project.path('epoch', '2016-11-07-peru.pdf')).CreationDate).toContain('2023');
  });
});

describe.runIf(haveTools(PDFTOTEXT, QPDF))('PDF briefings of other records', () => {
  let project: TempProject;
  const cleanups: TempProject[] = [];
  afterAll(() => [project, ...cleanups].forEach((made) => made?.remove()));

  /** The long test record and one with characters the font lacks, in one build (a CLI start each costs a second). */
  interface Others {
    dir: string;
    diagnostics: { file: string; rule: string; line: number; column: number; endColumn: number; message: string }[];
  }
  let others: Others;
  beforeAll(async () => {
    const own = tempProject();
    cleanups.push(own);
    cpSync(join(FIXTURES, 'records', 'long'), own.path('meetings'), { recursive: true });
    own.write(
      'meetings/2020-05-04-glyph.md',
      '---\ntitle: Glyphs\ndate: 2020-05-04\nhosts: [the Parliamentary Human Rights Group (PHRG)]\n---\n\nAgreed ☯ and 中文.\n',
    );
    own.write(
      'meetings/2020-05-06-noted.md',
      '---\ntitle: Noted\ndate: 2020-05-06\nhosts: [the Parliamentary Human Rights Group (PHRG)]\n---\n\nTried in 2011.[^1] Inter\u00ADnational co\u00ADoperation.\n\n[^1]: The commission of inquiry.\n',
    );
    own.write(
      'meetings/2020-05-05-aligned.md',
      '---\ntitle: Aligned\ndate: 2020-05-05\nhosts: [the Parliamentary Human Rights Group (PHRG)]\n---\n\n| Westward | Centred | Eastward |\n| :-- | :-: | --: |\n| a | bb | ccc |\n',
    );
    // Twelve columns: ten of figures, and two of words that fit whole once the figures give up their room.
    const years = Array.from({ length: 10 }, (_, i) => String(2015 + i));
    own.write(
      'meetings/2020-05-07-wide.md',
      `---\ntitle: Wide\ndate: 2020-05-07\nhosts: [the Parliamentary Human Rights Group (PHRG)]\n---\n\n| Country | ${years.join(' | ')} | Methodology |\n|${' --- |'.repeat(12)}\n| Bahrain | ${years.map((_, i) => String(i)).join(' | ')} | Official announcements |\n`,
    );
    const result = await runCli(['build', '--format', 'pdf', '--reporter', 'json'], own.dir);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    others = { dir: own.dir, diagnostics: JSON.parse(result.stdout) as Others['diagnostics'] };
  }, 120_000);

  it('extract accented, Polish, Hungarian and Spanish text exactly', () => {
    const names = [
      'Władysław Żółkiewski-Łęcki',
      'Szymon Gąsiorowski',
      'Zoltán Ősz',
      'María Fernández Ortíz',
      'Łódź',
      'Kraków',
      'Gdańsk',
      'Cúcuta',
      'Medellín',
      '¿Dónde están?',
      'Társaság a Szabadságjogokért',
      'Sesión Extraordinaria',
    ];
    const file = join(others.dir, 'dist', '2023-03-01-long.pdf');
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const name of names) expect(text).toContain(name);
    expect(qpdfCheck(file).ok).toBe(true);
    expect(linkTargets(file)).toEqual(expect.arrayContaining(['https://www.ohchr.org/en/special-procedures/sr-human-rights-defenders']));
  });

  it('print a soft hyphen (U+00AD, pasted from Word) only where a line breaks at it', () => {
    const text = pdfText(join(others.dir, 'dist', '2020-05-06-noted.pdf'));
    expect(text).toContain('International cooperation.');
    expect(text).not.toContain('\u00AD');
  });

  it('align a table’s columns as the record does, left, centred and right', () => {
    const boxes = wordBoxes(join(others.dir, 'dist', '2020-05-05-aligned.pdf'));
    const box = (word: string) => boxes.findLast((b) => b.word === word)!; // the table's, after the intro's "a"
    const middle = (word: string) => (box(word).xMin + box(word).xMax) / 2;
    expect(Math.abs(box('a').xMin - box('Westward').xMin)).toBeLessThan(0.5);
    expect(Math.abs(middle('bb') - middle('Centred'))).toBeLessThan(0.5);
    expect(Math.abs(box('ccc').xMax - box('Eastward').xMax)).toBeLessThan(0.5);
    // Each is a word narrower than its heading: aligned any other way, the edges would differ.
    expect(box('ccc').xMin - box('Eastward').xMin).toBeGreaterThan(5);
  });

  it('give a wide table’s columns of words the room its columns of figures do not need, breaking no word', () => {
    const words = wordBoxes(join(others.dir, 'dist', '2020-05-07-wide.pdf')).map((box) => box.word);
    for (const word of ['Country', 'Methodology', 'Bahrain', 'announcements', '2015', '2024']) expect(words, word).toContain(word);
    expect(others.diagnostics.filter((d) => d.rule === 'pdf-layout' && d.file.endsWith('wide.md'))).toEqual([]);
  });

  it('set a footnote’s number in the font’s superscript figures, linking to no web address', () => {
    const file = join(others.dir, 'dist', '2020-05-06-noted.pdf');
    expect(pdfText(file)).toContain('Tried in 2011.¹');
    expect(linkTargets(file)).toEqual([]);
  });

  it('warn of characters the font cannot set instead of printing blank boxes, once a word', () => {
    const { diagnostics } = others;
    const found = diagnostics.filter((d) => d.rule === 'missing-glyph');
    expect(found.map((d) => `${d.file.split(/[\\/]/).pop()}:${d.line}:${d.column}-${d.endColumn}`)).toEqual([
      '2020-05-04-glyph.md:7:8-9',
      '2020-05-04-glyph.md:7:14-17',
    ]);
    expect(found[0]!.message).toContain('U+262F');
    expect(found[1]!.message).toMatch(/中 \(U\+4E2D\), 文 \(U\+6587\) in its regular face: they would print as blank boxes/);
    // Boxes are the .notdef glyph, which PDF/UA-1 forbids: that file does not claim it, as the others do.
    expect(readFileSync(join(others.dir, 'dist', '2020-05-04-glyph.pdf'), 'latin1')).not.toContain('pdfuaid:part');
    expect(readFileSync(join(others.dir, 'dist', '2020-05-06-noted.pdf'), 'latin1')).toContain('<pdfuaid:part>1</pdfuaid:part>');
    // What the boxes stand for is in the structure, for a screen reader and a copy.
    const actual = structureTypes(join(others.dir, 'dist', '2020-05-04-glyph.pdf')).filter((element) => element.actualText !== undefined);
    expect(actual.map((element) => [element.type, element.actualText])).toEqual([['Span', 'Agreed ☯ and 中文.']]);
  });

  it('follow a template override, the same as the HTML, and a theme override', async () => {
    project = tempProject({ withExample: true });
    project.write('phrg-brief.yaml', 'templates: mine\npdf:\n  pageSize: Letter\n');
    const briefing = readFileSync(join(REPO, 'templates', 'default', 'briefing.hbs'), 'utf8');
    project.write('mine/briefing.hbs', briefing.replace('<div class="body"', '<p>Circulated to members only.</p>\n<div class="body"'));
    const result = await runCli(['build', '--format', 'html,pdf'], project.dir);
    expect(result.code, result.stdout).toBe(0);
    const file = project.path('dist', '2016-11-07-peru.pdf');
    expect(pdfText(file)).toContain('Circulated to members only.');
    expect(readFileSync(project.path('dist', '2016-11-07-peru.html'), 'utf8')).toContain('Circulated to members only.');
    expect(pdfInfo(file)['Page size']).toContain('(letter)');
  });
});
