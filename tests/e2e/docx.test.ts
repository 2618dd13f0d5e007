/**
 * Word briefings built by the real CLI and read back by independent readers: pandoc gives the
 * reference briefing's words; the package's XML has Word's styles, the document's properties
 * and language, and repeated table headers; LibreOffice converts it; a rebuild is identical.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParts, libreOfficePdf, pandocPlain } from '../helpers/docx.js';
import { FIXTURES, runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf.js';
import { haveTools, PANDOC, PDFTOTEXT, SOFFICE } from '../helpers/tools.js';
import { wordDiff, words } from '../helpers/words.js';

const expectedText = readFileSync(join(FIXTURES, '2016-11-07-peru.expected.txt'), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

const IMAGE_RECORD = `---
title: A map
date: 2020-05-04
hosts:
  - the All-Party Parliamentary Human Rights Group (PHRG)
---

The map: ![the region's mines](https://example.org/map.png), and ![](https://example.org/x.png).

A point with a note.[^n]

[^n]: The note, with its source.
`;

/** Lists numbered from 3, nested in each other and in a bulleted list, then one from 1 again. */
const NUMBERS_RECORD = `---
title: Numbers
date: 2020-05-05
hosts:
  - the All-Party Parliamentary Human Rights Group (PHRG)
---

3. The third point.
4. The fourth point.
   1. Its first part.
   2. Its second part.
      - A bullet.
        1. A point under it.

Then the text.

1. A new list.
2. Its second point.
`;

/** A record in French: the template's English sentences stand among its words. */
const FRENCH_RECORD = `---
title: "Mexique : les journalistes"
date: 2020-05-07
hosts:
  - the All-Party Parliamentary Human Rights Group (PHRG)
topic: Les défenseurs
speakers:
  - key: CM
    name: Chloé Ménard
lang: fr
---

Les principaux points soulevés :

- Les « disparitions » restent impunies. (CM)
`;

/** Headings that skip levels (check warns: heading-level), a deletion and a code block. */
const MARKS_RECORD = `---
title: Marks
date: 2020-05-08
hosts:
  - the All-Party Parliamentary Human Rights Group (PHRG)
---

### Further action

The figure was ~~200~~ 250.

## Next steps

#### In detail

\`\`\`
code line 1
code line 2
    indented line
\`\`\`

A point with a list in its note.[^list] Another with a table in its.[^table]

- A point with a table under it:

  | Year | Cases |
  | --- | --: |
  | 2021 | 145 |

> The statement said:
>
> - the first demand
>   - its detail
>
> > A quotation within.

[^list]: Two sources:

    - the first
    - the second

[^table]: The figures:

    | Held | Freed |
    | --- | --- |
    | 12 | 4 |
`;

/** A note cited twice, by the intro and the body; emphasis in a link; an image that is a link; a line break. */
const LINKS_RECORD = `---
title: Links
date: 2020-05-09
hosts:
  - the All-Party Parliamentary Human Rights Group (PHRG)
intro: As the forum said.[^forum]
---

First citation.[^a] The forum again.[^forum] Again the first.[^a]

Read [the *final* ~~draft~~ report](https://example.org/report). Our partner: [![logo of Article 19](https://example.org/logo.png)](https://example.org/).

Foreign, Commonwealth and Development Office\\
King Charles Street

[^a]: Note A.
[^forum]: The forum’s note.
`;

let project: TempProject;
let converted: ReturnType<typeof libreOfficePdf> | undefined;
const peru = (): string => project.path('dist', '2016-11-07-peru.docx');
const edges = (): string => project.path('dist', '2022-09-14-rule-edges.docx');
const long = (): string => project.path('dist', '2023-03-01-long.docx');

beforeAll(async () => {
  project = tempProject({ withExample: true });
  // A link, an ordered list and a table; and a long record with nested lists.
  cpSync(join(FIXTURES, 'records', 'ok', '2022-09-14-rule-edges.md'), project.path('meetings', '2022-09-14-rule-edges.md'));
  cpSync(join(FIXTURES, 'records', 'long', '2023-03-01-long.md'), project.path('meetings', '2023-03-01-long.md'));
  // An image from the web, which the Word file does not embed.
  project.write('meetings/2020-05-04-image.md', IMAGE_RECORD);
  project.write('meetings/2020-05-05-numbers.md', NUMBERS_RECORD);
  project.write(
    'meetings/2020-05-06-aligned.md',
    '---\ntitle: Aligned\ndate: 2020-05-06\nhosts: [the Parliamentary Human Rights Group (PHRG)]\n---\n\n| Westward | Centred | Eastward |\n| :-- | :-: | --: |\n| a | bb | ccc |\n',
  );
  project.write('meetings/2020-05-07-francais.md', FRENCH_RECORD);
  project.write('meetings/2020-05-08-marks.md', MARKS_RECORD);
  project.write('meetings/2020-05-09-links.md', LINKS_RECORD);
  project.write(
    'meetings/2024-11-05-yemen.md',
    '---\ntitle: اليمن\ndate: 2024-11-05\nlang: ar\nhosts: [the Parliamentary Human Rights Group (PHRG)]\nspeakers:\n  - key: AH\n    name: أحمد حسن\n---\n\n- يجب على المملكة المتحدة وقف بيع الأسلحة. (AH)\n',
  );
  const result = await runCli(['build', '--format', 'docx'], project.dir);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  // LibreOffice's conversion takes seconds: started now, on a copy that the rebuild below
  // cannot remove, it runs while the other tests read the package; its test awaits it.
  if (haveTools(SOFFICE, PDFTOTEXT)) {
    const copy = project.write('lo-in/2016-11-07-peru.docx', readFileSync(peru()));
    converted = libreOfficePdf(copy, project.path('lo'));
    converted.catch(() => undefined); // reported by the test that awaits it
  }
});
afterAll(() => project?.remove());

describe('Word briefings', () => {
  it('are written as <slug>.docx with --format docx, and nothing else per record', () => {
    expect(readFileSync(peru()).subarray(0, 2).toString('latin1')).toBe('PK');
    const parts = docxParts(peru());
    expect(Object.keys(parts)[0]).toBe('[Content_Types].xml');
    expect(parts['word/document.xml']).toContain('<w:body>');
    expect(() => readFileSync(project.path('dist', '2016-11-07-peru.html'))).toThrow();
  });

  it('carry the title, authors (hosts), subject (topic), keywords (tags), language and a fixed date', () => {
    const core = xml.parse(docxParts(peru())['docProps/core.xml']!)['cp:coreProperties'];
    expect(core['dc:title']).toBe(expectedText.split('\n')[0]);
    expect(core['dc:creator']).toBe('the All-Party Parliamentary Human Rights Group (PHRG); APPG Latin America');
    expect(core['dc:subject']).toMatch(/^Indigenous groups in Peru: human rights challenges/);
    expect(core['cp:keywords']).toBe('Peru, extractive industries, human rights defenders, indigenous peoples');
    expect(core['dc:language']).toBe('en-GB');
    expect(core['dcterms:created']['#text']).toBe('2016-11-07T00:00:00Z');
    expect(docxParts(peru())['word/styles.xml']).toMatch(/<w:docDefaults>.*<w:lang w:val="en-GB"\/>.*<\/w:docDefaults>/s);
  });

  it('use Word’s own styles: Heading 1 for the title, List Bullet for points, the theme’s font and sizes', () => {
    const { 'word/document.xml': document, 'word/styles.xml': styles } = docxParts(peru());
    const paragraphStyles = [...document!.matchAll(/<w:p>(?:<w:pPr><w:pStyle w:val="([^"]+)"\/>)?/g)].map((match) => match[1] ?? 'Normal');
    expect(paragraphStyles[0]).toBe('Heading1');
    expect(paragraphStyles.filter((style) => style === 'ListBullet')).toHaveLength(9); // two speakers, seven points
    expect(styles).toMatch(/w:styleId="Heading1"><w:name w:val="Heading 1"\/>/);
    expect(styles).toMatch(/w:styleId="ListBullet"><w:name w:val="List Bullet"\/>/);
    expect(styles).toMatch(
      /<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:cs="Georgia" w:eastAsia="Georgia" w:hAnsi="Georgia"\/>.*<w:sz w:val="22"\/>/s,
    );
    // A4 from the theme, in twentieths of a point.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('keep each attribution together with the word before it (no-break spaces)', () => {
    const document = docxParts(peru())['word/document.xml']!;
    const run = '</w:t></w:r><w:r><w:t xml:space="preserve">';
    expect(document).toContain(`investment.\u00a0${run}(JC\u00a0+\u00a0IV)`);
    expect(document).toContain(`industries.\u00a0${run}(JC)`);
  });

  it('mark a table’s header row to repeat, link addresses, and number and nest lists', () => {
    const { 'word/document.xml': document, 'word/_rels/document.xml.rels': rels } = docxParts(edges());
    const rows = [...document!.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((match) => match[1]!);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/<w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);
    expect(rows[0]).toContain('<w:pStyle w:val="TableHeading"/>');
    expect(rows[1]).not.toContain('tblHeader');
    const links = [...rels!.matchAll(/Id="([^"]+)" Type="[^"]+\/hyperlink" Target="([^"]+)" TargetMode="External"/g)].map((match) => [match[1], match[2]]);
    expect(links).toEqual([
      ['rIdLink1', 'https://www.ohchr.org/'],
      ['rIdLink2', 'mailto:phrg@example.org'],
    ]);
    expect(document).toMatch(
      /<w:hyperlink w:history="1" r:id="rIdLink1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">a link<\/w:t>/,
    );
    expect(document!.match(/<w:pStyle w:val="ListNumber"\/>/g)).toHaveLength(3);
    const nested = docxParts(long())['word/document.xml']!;
    expect(nested).toMatch(/<w:pStyle w:val="ListBullet2"\/><w:numPr><w:ilvl w:val="1"\/>/);
  });

  it.runIf(haveTools(PANDOC))('give an image its description in brackets, linked to it, as it embeds none, and a footnote of Word’s own', () => {
    const file = project.path('dist', '2020-05-04-image.docx');
    expect(pandocPlain(file)).toContain("The map: [the region's mines], and [image].");
    // A footnote is Word's own, which Word numbers, places at the page's foot and links both
    // ways: pandoc reads it as a note, without the web page's way back (↩) or a list of notes.
    const parts = docxParts(file);
    expect(parts['word/document.xml']).toMatch(
      /A point with a note\.<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/>/,
    );
    expect(parts['word/footnotes.xml']).toContain('>The note, with its source.</w:t>');
    // Set as Word sets its own notes: in Footnote Text, a space after the number.
    expect(parts['word/footnotes.xml']).toMatch(
      /<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"\/><\/w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteRef\/><\/w:r><w:r><w:t xml:space="preserve"> <\/w:t><\/w:r>/,
    );
    const markdown = execFileSync('pandoc', ['-f', 'docx', '-t', 'markdown', file], { encoding: 'utf8' });
    expect(markdown).toContain('A point with a note.[^1]');
    expect(markdown).toContain('[^1]: The note, with its source.');
    expect(markdown).not.toContain('↩');
    expect(markdown).not.toMatch(/Footnotes/);
    const links = [...docxParts(file)['word/_rels/document.xml.rels']!.matchAll(/Target="([^"]+)" TargetMode="External"/g)].map((match) => match[1]);
    expect(links).toEqual(['https://example.org/map.png', 'https://example.org/x.png']);
  });

  it('align a table’s columns as the record does', () => {
    const rows = [...docxParts(project.path('dist', '2020-05-06-aligned.docx'))['word/document.xml']!.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((row) =>
      [...row[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((cell) => /<w:jc w:val="(\w+)"\/>/.exec(cell[1]!)?.[1] ?? 'start'),
    );
    expect(rows).toEqual([
      ['start', 'center', 'right'],
      ['start', 'center', 'right'],
    ]);
  });

  it('size a table’s columns by their words, across the text’s width, as the PDF does', () => {
    const document = docxParts(project.path('dist', '2020-05-06-aligned.docx'))['word/document.xml']!;
    const grid = [...document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    const width = Number(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/.exec(document)?.[1]);
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
    expect(grid).toHaveLength(3);
    expect(Math.abs(grid.reduce((a, b) => a + b, 0) - width)).toBeLessThanOrEqual(3);
    // "Centred" is shorter than "Westward" and "Eastward": an even share would not say so.
    expect(grid[1]).toBeLessThan(grid[0]!);
    expect(grid[0]).toBe(grid[2]);
  });

  it('are byte-identical when built again from nothing', async () => {
    const first = [peru(), edges(), long()].map((file) => readFileSync(file));
    rmSync(project.path('dist'), { recursive: true });
    rmSync(project.path('.phrg-brief-cache'), { recursive: true, force: true });
    const result = await runCli(['build', '--format', 'docx'], project.dir);
    expect(result.code, result.stderr).toBe(0);
    [peru(), edges(), long()].forEach((file, i) => expect(readFileSync(file).equals(first[i]!), file).toBe(true));
  });
});

describe.runIf(haveTools(PANDOC))('Word briefings read by pandoc', () => {
  it('read word for word as the reference briefing', () => {
    const actual = words(pandocPlain(peru()));
    const expected = words(expectedText);
    expect(wordDiff(actual, expected)).toBe('');
    expect(actual).toEqual(expected);
  });

  it('number each list from where the record does, 1, 2, 3 at every level, as the page and the PDF do', () => {
    const text = pandocPlain(project.path('dist', '2020-05-05-numbers.docx'), { markers: true });
    expect(text.split('\n').filter((line) => /^\s*(\d+\.|[a-z]+\.|-)\s/.test(line))).toEqual([
      '3.  The third point.',
      '4.  The fourth point.',
      '    1.  Its first part.',
      '    2.  Its second part.',
      '        -   A bullet.',
      '            1.  A point under it.',
      '1.  A new list.',
      '2.  Its second point.',
    ]);
  });

  it('give the words in another language than the document’s their own, the record’s in French among the template’s English', () => {
    const { 'word/document.xml': document, 'word/styles.xml': styles } = docxParts(project.path('dist', '2020-05-07-francais.docx'));
    expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="fr"\/>.*<\/w:docDefaults>/s);
    const runs = [...document!.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((run) => [
      /<w:lang w:val="([^"]+)"\/>/.exec(run[1]!)?.[1] ?? 'fr',
      /<w:t[^>]*>([^<]*)/.exec(run[1]!)?.[1] ?? '',
    ]);
    const english = runs.filter(([lang]) => lang === 'en-GB').map(([, text]) => text);
    expect(english).toEqual([
      '7/5/20',
      ': ',
      'The All-Party Parliamentary Human Rights Group (PHRG) held a meeting on ',
      '7 May',
      ' on “',
      '”.',
      'The speakers were:',
      'Chloé Ménard – (',
      'CM',
      ').',
    ]);
    const french = runs.filter(([lang]) => lang === 'fr').map(([, text]) => text);
    expect(french).toEqual(expect.arrayContaining(['Mexique : les journalistes', 'Les défenseurs', 'Les principaux points soulevés :']));
  });

  it('set a record in a language written right to left so: its paragraphs from the right, its words as Word’s complex script', () => {
    const { 'word/document.xml': document, 'word/styles.xml': styles } = docxParts(project.path('dist', '2024-11-05-yemen.docx'));
    expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:bidi="ar"\/>.*<\/w:docDefaults>/s);
    const paragraphs = document!.split('<w:p>').slice(1);
    const point = paragraphs.find((paragraph) => paragraph.includes('يجب'))!;
    expect(point).toContain('<w:bidi/>');
    expect(point).toMatch(/<w:rPr><w:rtl\/><w:lang w:bidi="ar"\/><\/w:rPr><w:t xml:space="preserve">يجب/);
    // The template's sentence around the record, in English, runs left to right.
    const intro = paragraphs.find((paragraph) => paragraph.includes('held a meeting on'))!;
    expect(intro).not.toContain('<w:bidi/>');
    expect(intro).toContain('<w:lang w:val="en-GB"/>');
  });

  it('number headings without a skipped level, strike a deletion through and keep a code block’s lines', () => {
    const { 'word/document.xml': document } = docxParts(project.path('dist', '2020-05-08-marks.docx'));
    expect([...document!.matchAll(/<w:pStyle w:val="(Heading\d)"\/>/g)].map((match) => match[1])).toEqual([
      'Heading1',
      'Heading2',
      'Heading2',
      'Heading3',
      'Heading2',
    ]); // the last, the notes' "Footnotes"
    expect(document).toMatch(/<w:strike\/><\/w:rPr><w:t xml:space="preserve">200<\/w:t>/);
    expect(document).toMatch(/code line 1<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r>.*?code line 2</);
    expect(document).toContain('>\u00a0\u00a0\u00a0\u00a0indented line<');
    // A note that holds a list stays with the page's list of notes, its list whole.
    expect(document).not.toContain('w:footnoteReference');
    expect(pandocPlain(project.path('dist', '2020-05-08-marks.docx'), { markers: true })).toMatch(/Two sources:\n\n\s*-\s+the first\n\n\s*-\s+the second/);
  });

  it('number a note cited twice once, as the page does, keep a link’s emphasis, link an image that is a link where it leads, and start a broken line at its word', () => {
    const parts = docxParts(project.path('dist', '2020-05-09-links.docx'));
    const document = parts['word/document.xml']!;
    // The intro's note is 1, the body's first 2: cited again, each is its number raised, not a new note.
    expect(document.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    expect(
      [...document.matchAll(/<w:rStyle w:val="FootnoteReference"\/><w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">(\d+)<\/w:t>/g)].map(
        (match) => match[1],
      ),
    ).toEqual(['1', '2']);
    const notes = [...parts['word/footnotes.xml']!.matchAll(/<w:footnote w:id="[1-9]\d*">([\s\S]*?)<\/w:footnote>/g)].map((match) =>
      match[1]!.replace(/<[^>]+>/g, '').trim(),
    );
    expect(notes).toEqual(['The forum’s note.', 'Note A.']);
    // The link's words keep their italic and their line through, in its style.
    const link = /<w:hyperlink [^>]*>([\s\S]*?)<\/w:hyperlink>/.exec(document.slice(document.indexOf('Read ')))![1]!;
    expect(link).toMatch(/<w:rStyle w:val="Hyperlink"\/><w:i\/>.*?final</);
    expect(link).toMatch(/<w:rStyle w:val="Hyperlink"\/><w:strike\/>.*?draft</);
    // The image in a link stands as its description, linked to where the link leads.
    const logo = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>((?:(?!<\/w:hyperlink>)[\s\S])*logo of Article 19[\s\S]*?)<\/w:hyperlink>/.exec(document)!;
    expect(new RegExp(`Id="${logo[1]}"[^>]*Target="https://example.org/"`).test(parts['word/_rels/document.xml.rels']!)).toBe(true);
    // After a line break, the next line starts at its word.
    expect(document).toMatch(/<w:br\/><\/w:r><w:r><w:t xml:space="preserve">King Charles Street<\/w:t>/);
  });

  it('keep a table in a list item, and one in a note, as tables', () => {
    const { 'word/document.xml': document } = docxParts(project.path('dist', '2020-05-08-marks.docx'));
    const tables = document!.split('<w:tbl>').slice(1);
    expect(tables.filter((table) => table.includes('>145<') && table.includes('>Cases<'))).toHaveLength(1);
    expect(tables.filter((table) => table.includes('>Freed<') && table.includes('>12<'))).toHaveLength(1);
  });

  it('indent a list, and a quotation, inside a quotation as far as the quotation’s text and their own indent beyond it', () => {
    const { 'word/document.xml': document, 'word/styles.xml': styles } = docxParts(project.path('dist', '2020-05-08-marks.docx'));
    const styleIndent = (id: string) => Number(new RegExp(`w:styleId="${id}".*?<w:ind w:left="(\\d+)"`, 's').exec(styles!)![1]);
    const paragraphIndent = (text: string) => {
      const paragraph = document!.split('<w:p>').find((p) => p.includes(text))!;
      return [/<w:pStyle w:val="(\w+)"/.exec(paragraph)![1], Number(/<w:ind w:left="(\d+)"/.exec(paragraph)?.[1] ?? 0)];
    };
    const quote = styleIndent('Quote');
    expect(quote).toBeGreaterThan(0);
    expect(paragraphIndent('The statement said:')).toEqual(['Quote', 0]); // the style's own indent
    expect(paragraphIndent('the first demand')).toEqual(['ListBullet', quote + styleIndent('ListBullet')]);
    expect(paragraphIndent('its detail')).toEqual(['ListBullet2', quote + styleIndent('ListBullet2')]);
    expect(paragraphIndent('A quotation within.')).toEqual(['Quote', 2 * quote]);
  });

  it('keep the table and the nested points', () => {
    const markdown = pandocPlain(edges());
    expect(markdown).toMatch(/Country\s+Cases \(2021\)/);
    expect(markdown).toMatch(/Colombia\s+145/);
    expect(pandocPlain(long())).toMatch(/^ {4}A nested point under 13/m);
  });
});

describe.runIf(haveTools(SOFFICE, PDFTOTEXT))('Word briefings opened by LibreOffice', () => {
  it('convert to PDF without error, with the briefing’s text', async () => {
    const { pdf, output } = await converted!;
    expect(output).toContain('writer_pdf_Export');
    expect(words(pdfText(pdf))).toEqual(expect.arrayContaining(['Peru', 'Kuczynski', '(JC', 'IV).']));
    expect(pdfText(pdf)).toContain('The main points made were as follows:');
  }, 120_000);
});
