/**
 * PDF/UA-1 as an accessibility audit reads it: the PDFs of the bundled record, of every test
 * record, and of records made to need each part (a link, a table that crosses a page, nested
 * lists, a long record) are built by the real CLI and put through the conditions listed in
 * pdf-ua.ts — there, with the Matterhorn checkpoint of each and how it is checked. veraPDF,
 * the reference validator, cannot be installed here (a Java program outside Debian); these
 * checks read the files with qpdf, pdf.js and an XML parser instead.
 *
 * Each condition is then shown able to fail: a good PDF is broken on purpose, one way for each
 * (qpdf --update-from-json), and the condition must report it.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, runCli, tempProject, type TempProject } from '../../helpers/cli.js';
import { pdfText, wordBoxes } from '../../helpers/pdf.js';
import { projectMadeOnce } from '../../helpers/run-once.js';
import { haveTools, PDFTOTEXT, QPDF } from '../../helpers/tools.js';
import { MAX_NESTING } from '../../../src/load/limits.js';
import { breakPdf, elementText, qpdfJson, readPdf, resolve, structElements, type Dict, type Pdf, type StructNode, type Value } from './pdf-read.js';
import { claimsPdfUa, CONDITIONS, failures } from './pdf-ua.js';

/** A word of 42 letters that may break at its soft hyphens. */
const HYPHENED = 'Extra\u00ADordinarily\u00ADlong\u00ADcomposite\u00ADwords\u00ADthat\u00ADbreak ';
const FRONT = (title: string, tags = '') =>
  `---\ntitle: ${title}\ndate: 2021-01-02\nhosts: [the Parliamentary Human Rights Group (PHRG)]\nspeakers:\n  - key: AH\n    name: Ana Herrera\n  - key: BC\n    name: Bruno Castro\n${tags}---\n\n`;
const WORDS = 'defenders rights communities ministry courts evidence villages consultation detention release'.split(' ');
const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => WORDS[(i * 7 + seed * 3) % WORDS.length]).join(' ');
const ATTRIBUTIONS = ['(AH)', '(BC)', '(AH & BC)', '(AH + BC)', '(BC, AH)'];

/** The records made for these tests, by file name. */
const RECORDS: Record<string, string> = {
  '2021-01-02-link.md': `${FRONT('A Link', 'tags: [Iran]\n')}The report, [Iran: executions in 2020](https://example.org/reports/iran-2020), was launched. (AH)\n\nSee also the material published beside it: [the annex of the report, with the list of cases, a long link text that runs over the end of its line](https://example.org/annex). (BC)\n\nThe map: ![the region's mines](https://example.org/map.png). (AH)\n\nOur partner: [![logo of Article 19](https://example.org/logo.png)](https://example.org/). (BC)\n\nRead it at <https://example.org/bare>. (BC)\n`,
  '2021-01-03-table.md': `${FRONT('A Table')}${Array.from({ length: 6 }, (_, i) => `${words(60, i)}. (AH)`).join('\n\n')}\n\n| Year | Cases | Notes |\n| --- | --- | --- |\n${Array.from({ length: 45 }, (_, i) => `| ${2000 + i} | ${i * 3} | ${words(4 + (i % 5), i)} |`).join('\n')}\n`,
  '2021-01-04-nested.md': `${FRONT('Nested Lists')}The points:\n\n- First level. (AH)\n  - Second level, its own bullet. (BC)\n    - Third level. (AH)\n      - Fourth level. (BC)\n  - Second again. (AH)\n- First again. (BC)\n`,
  '2021-01-05-long.md': `${FRONT('A Long Record')}${Array.from({ length: 40 }, (_, s) => `## Session ${s + 1}\n\n${Array.from({ length: 8 }, (_, i) => `- ${words(15 + (((s * 8 + i) * 13) % 50), s + i)}. ${ATTRIBUTIONS[(s + i) % ATTRIBUTIONS.length]}`).join('\n')}`).join('\n\n')}\n`,
  '2021-01-06-ends.md': `${FRONT('Attributions at Line Ends')}${Array.from({ length: 120 }, (_, i) => `- ${words(8 + (i % 37), i)} by the conflict. ${ATTRIBUTIONS[i % ATTRIBUTIONS.length]}`).join('\n')}\n`,
  /** A little of everything, the PDF each condition is shown able to fail on. */
  '2021-01-07-both.md': `${FRONT('Both')}See [the report](https://example.org/r).[^a_b] (AH)\n\n| Year | Cases |\n| --- | --- |\n| 2015 | 12 |\n\n- a point[^a-b] (BC)\n\n[^a_b]: Published in 2020.\n[^a-b]: Made twice.\n`,
  /** A record in French: the template's English sentences stand among its words. */
  '2021-01-08-francais.md': `---\ntitle: "Mexique : les journalistes"\ndate: 2021-01-08\nhosts: [the Parliamentary Human Rights Group (PHRG)]\ntopic: Les défenseurs\nspeakers:\n  - key: CM\n    name: Chloé Ménard\nlang: fr\n---\n\nLes principaux points soulevés :\n\n- Les « disparitions » restent impunies.[^a] (CM)\n\n[^a]: Selon les familles.\n`,
  /** Headings that skip levels (check warns: heading-level), a deletion and a code block. */
  '2021-01-09-marks.md': `${FRONT('Marks')}### Further action\n\nThe figure was ~~200~~ 250. (AH)\n\n## Next steps\n\n#### In detail\n\n\`\`\`\ncode line 1\ncode line 2\n    indented line\n\`\`\`\n\nA last point. (BC)\n\n1. The first step. (AH)\n2. The second. (BC)\n`,
  /** Footnotes of the intro and of the body, by the same name: each Note its own ID. */
  '2021-01-11-intro-notes.md': `${FRONT('Intro Notes').replace('---\n\n', 'intro: "The roundtable met.[^1]\\n\\n[^1]: The intro’s note."\n---\n\n')}A point.[^1] (AH)\n\nAnother. (BC)\n\n[^1]: The body’s note.\n`,
  /** Words broken at their soft hyphens (pasted from Word), over several lines. */
  '2021-01-12-hyphens.md': `${FRONT('Hyphens')}${HYPHENED.repeat(8)}(AH)\n\nSee [${HYPHENED.repeat(4).trim()}](https://example.org/report). (BC)\n\nIt was ~~${HYPHENED.repeat(4).trim()}~~. (AH)\n`,
  /** Characters the font lacks: drawn as .notdef, so the file does not claim PDF/UA-1. */
  '2021-01-10-glyphs.md': `${FRONT('Glyphs')}Wang Zhiyuan (王志远) spoke. (AH)\n\nAnother point. (BC)\n`,
  /** A word wider than the page, and lists nested as deep as a record may (20, src/load/limits.ts: past it, the record is refused). */
  '2021-02-01-deep.md': `${FRONT('Too Deep')}${'w'.repeat(600)} (AH)\n\n${Array.from({ length: MAX_NESTING }, (_, i) => `${'  '.repeat(i)}- Level ${i + 1}`).join('\n')} (BC)\n`,
};

interface Built {
  project: TempProject;
  /** The build's diagnostics (--reporter json). */
  diagnostics: { file: string; rule: string; message: string; line: number; column: number }[];
}

/**
 * One build by the real CLI, shared by every test here (made once for the run: see
 * tests/helpers/run-once.ts): the bundled record, every test record and the records above.
 */
const built = (): Promise<Built> =>
  projectMadeOnce('pdf-ua', async (project) => {
    cpSync(join(REPO, 'meetings'), project.path('meetings'), { recursive: true });
    for (const [name, text] of Object.entries(RECORDS)) project.write(`meetings/${name}`, text);
    const fixtures = [join(FIXTURES, 'records', 'ok'), join(FIXTURES, 'records', 'long')];
    const result = await runCli(['build', '--format', 'pdf', '--reporter', 'json', 'meetings', ...fixtures], project.dir);
    if (result.code !== 0) throw new Error(`build exited ${result.code}: ${result.stdout}${result.stderr}`);
    project.write('diagnostics.json', result.stdout);
  }).then((project) => ({ project, diagnostics: JSON.parse(readFileSync(project.path('diagnostics.json'), 'utf8')) as Built['diagnostics'] }));

describe.runIf(haveTools(PDFTOTEXT, QPDF))('PDF/UA-1', () => {
  let project: TempProject;
  const pdfs = new Map<string, Pdf>();

  beforeAll(async () => {
    ({ project } = await built());
    for (const name of readdirSync(project.path('dist')).filter((file) => file.endsWith('.pdf'))) pdfs.set(name, await readPdf(project.path('dist', name)));
  }, 240_000);

  it('are built for the bundled record, every test record and the records made here', () => {
    expect(pdfs.size).toBe(1 + Object.keys(RECORDS).length + readdirSync(join(FIXTURES, 'records', 'ok')).length + 1);
    expect(pdfs.has('2016-11-07-peru.pdf')).toBe(true);
  });

  it('pass every condition, all but one that must draw a character its font lacks claiming PDF/UA-1', () => {
    const claiming = [...pdfs].filter(([, pdf]) => claimsPdfUa(pdf));
    expect([...pdfs.keys()].filter((name) => !claiming.some(([claimed]) => claimed === name))).toEqual(['2021-01-10-glyphs.pdf']);
    for (const [name, pdf] of claiming) expect(failures(pdf), name).toEqual({});
    // The one that does not claim it would fail: its name is drawn as .notdef.
    expect(CONDITIONS.find((c) => c.id === '31-030 no .notdef glyph')!.check(pdfs.get('2021-01-10-glyphs.pdf')!)).not.toEqual([]);
  });

  it('mark the template’s words in the site’s language where the record is in another, and the record’s words among them (7.2)', () => {
    const pdf = pdfs.get('2021-01-08-francais.pdf')!;
    expect(pdf.catalog['/Lang']).toBe('u:fr');
    const marked = structElements(pdf)
      .filter((e) => e.dict['/Lang'] !== undefined)
      // pdf.js gives a line's words as items without the spaces between them all: compared without spaces.
      .map((e) => [e.type, String(e.dict['/Lang']).slice(2), elementText(pdf, e.ref).replace(/\s+/g, '')]);
    const squeezed = (text: string) => text.replace(/\s+/g, '');
    expect(marked).toEqual(
      [
        ['H1', 'en-GB', '8/1/21: Mexique : les journalistes'],
        ['Span', 'fr', 'Mexique : les journalistes'],
        ['P', 'en-GB', 'The Parliamentary Human Rights Group (PHRG) held a meeting on 8 January on “Les défenseurs”.'],
        ['Span', 'fr', 'Les défenseurs'],
        ['P', 'en-GB', 'The speakers were:'],
        ['P', 'en-GB', 'Chloé Ménard – (CM).'],
        // The notes' heading is phrg-brief's word: it was read in French.
        ['H2', 'en-GB', 'Footnotes'],
      ].map(([type, lang, text]) => [type, lang, squeezed(text!)]),
    );
  });

  it('number headings without a skipped level, set at the record’s sizes; strike a deletion through; keep a code block’s lines', () => {
    const pdf = pdfs.get('2021-01-09-marks.pdf')!;
    expect(
      structElements(pdf)
        .filter((e) => /^H\d$/.test(e.type))
        .map((e) => [e.type, elementText(pdf, e.ref).replace(/\s+/g, '')]),
    ).toEqual([
      ['H1', '2/1/21:Marks'],
      ['H2', 'Furtheraction'],
      ['H2', 'Nextsteps'],
      ['H3', 'Indetail'],
    ]);
    expect(pdfText(pdf.file)).toMatch(/\ncode line 1\ncode line 2\n\s*indented line\n/);
    const boxes = wordBoxes(pdf.file);
    // Its indentation kept: "indented" stands right of the "code" above it.
    expect(boxes.find((word) => word.word === 'indented')!.xMin).toBeGreaterThan(boxes.find((word) => word.word === 'code')!.xMin + 10);
    // The strike is a line drawn through the struck figure, in the middle of its box (the page's
    // content is drawn from its top left, as pdfkit flips it, and as poppler gives the box).
    const box = wordBoxes(pdf.file).find((word) => word.word === '200')!;
    const strokes = [...pdf.pages[0]!.content.matchAll(/([\d.]+) ([\d.]+) m\s+([\d.]+) ([\d.]+) l\s+S/g)].map((m) => m.slice(1).map(Number));
    expect(
      strokes.some(([x1, y1, x2, y2]) => y1 === y2 && x1! <= box.xMin + 1 && x2! >= box.xMax - 1 && y1! > box.yMin + 3 && y1! < box.yMin + 12),
      JSON.stringify({ box, strokes }),
    ).toBe(true);
    // And said in the tags: a Span struck through, for a reader that does not see the line (it heard "200 250").
    const struck = structElements(pdf).filter((e) => (e.dict['/A'] as Dict | undefined)?.['/TextDecorationType'] !== undefined);
    expect(struck.map((e) => [e.type, (e.dict['/A'] as Dict)['/O'], (e.dict['/A'] as Dict)['/TextDecorationType'], elementText(pdf, e.ref).trim()])).toEqual([
      ['Span', '/Layout', '/LineThrough', '200'],
    ]);
  });

  it('have what the conditions look at: links, table headers, nested lists, many pages', () => {
    const link = pdfs.get('2021-01-02-link.pdf')!;
    const annots = link.pages.flatMap((page) => (page.dict['/Annots'] as string[] | undefined) ?? []);
    expect(annots.length).toBeGreaterThanOrEqual(3); // the long link text takes two lines
    const contents = annots.map((ref) => String((link.objects[`obj:${ref}`]!.value as Record<string, unknown>)['/Contents']));
    expect(contents).toContain('u:Iran: executions in 2020 (https://example.org/reports/iran-2020)');
    // An image, which the PDF does not embed, is its description linked to it.
    expect(contents).toContain("u:[the region's mines] (https://example.org/map.png)");
    // Inside a link, it leads where the link does.
    expect(contents).toContain('u:[logo of Article 19] (https://example.org/)');
    // A link whose text is its address is described by the address once.
    expect(contents).toContain('u:https://example.org/bare');
    const table = structElements(pdfs.get('2021-01-03-table.pdf')!);
    expect(table.filter((e) => e.type === 'THead')).toHaveLength(1);
    expect(table.filter((e) => e.type === 'TH').map((e) => String((e.dict['/A'] as Record<string, unknown>)['/Scope']))).toEqual([
      '/Column',
      '/Column',
      '/Column',
    ]);
    expect(pdfs.get('2021-01-03-table.pdf')!.pages.length).toBeGreaterThanOrEqual(2);
    expect(structElements(pdfs.get('2021-01-04-nested.pdf')!).filter((e) => e.type === 'L')).toHaveLength(1 + 4); // the speakers, then four levels
    expect(pdfs.get('2021-01-05-long.pdf')!.pages.length).toBeGreaterThanOrEqual(10);
    expect(failures(link)).toEqual({});
  });

  it('tag footnotes as Notes with IDs, each reference a Reference whose link goes to its note (7.9)', () => {
    const pdf = pdfs.get('2021-01-07-both.pdf')!;
    const elements = structElements(pdf);
    const notes = elements.filter((e) => e.type === 'Note');
    expect(notes.map((e) => [e.parent, String(e.dict['/ID']), elementText(pdf, e.ref)])).toEqual([
      ['Sect', 'u:user-content-fn-a_b', '1.Published in 2020.'],
      ['Sect', 'u:user-content-fn-a-b', '2.Made twice.'],
    ]);
    // Each reference: a Reference holding a Link, whose annotation goes to its note's named destination, on the note's page.
    const dests = (resolve(pdf, resolve(pdf, pdf.catalog['/Names'])['/Dests'])['/Names'] as Value[] | undefined) ?? [];
    // In byte order, as a name tree must be (ids "a_b" and "a-b" sort otherwise by locale).
    const names = dests.filter((_, i) => i % 2 === 0).map((name) => Buffer.from(String(name).slice(2)));
    expect(names.length).toBe(2);
    expect(names.every((name, i) => i === 0 || Buffer.compare(names[i - 1]!, name) < 0)).toBe(true);
    const references = elements.filter((e) => e.type === 'Reference');
    expect(references).toHaveLength(2);
    const targets = references.map((reference) => {
      const link = resolve(pdf, (reference.dict['/K'] as string[])[0]);
      expect(link['/S']).toBe('/Link');
      const objr = (link['/K'] as Value[]).find((kid) => typeof kid === 'object') as Dict;
      const annotation = resolve(pdf, objr['/Obj']);
      const action = resolve(pdf, annotation['/A']);
      expect(action['/S']).toBe('/GoTo');
      const at = dests.indexOf(action['/D']);
      expect(at, String(action['/D'])).toBeGreaterThanOrEqual(0);
      // Its destination is named by the note's ID, in hex.
      const note = notes.find((candidate) => `u:note-${Buffer.from(String(candidate.dict['/ID']).slice(2)).toString('hex')}` === action['/D'])!;
      expect((dests[at + 1] as Value[])[0]).toBe(
        (resolve(pdf, note.ref)['/K'] as Value[]).map((kid) => (kid as Dict)['/Pg']).find(Boolean) ?? note.dict['/Pg'],
      );
      return [elementText(pdf, reference.ref), String(annotation['/Contents']), String(note.dict['/ID'])];
    });
    expect(targets).toEqual([
      ['¹', 'u:Footnote 1', 'u:user-content-fn-a_b'],
      ['²', 'u:Footnote 2', 'u:user-content-fn-a-b'],
    ]);
    // pdf.js reads them so too.
    const roles: string[] = [];
    const walk = (node: StructNode): void => {
      if (node.role) roles.push(node.role);
      node.children?.forEach(walk);
    };
    pdf.pdfjs.trees.forEach(walk);
    expect(roles.filter((role) => role === 'Note' || role === 'Reference')).toEqual(['Reference', 'Reference', 'Note', 'Note']);
  });

  it("repeat a table's header row on the page it continues on, as an artifact", () => {
    const file = project.path('dist', '2021-01-03-table.pdf');
    const pdf = pdfs.get('2021-01-03-table.pdf')!;
    const body = (page: number) =>
      pdfText(file, { first: page, last: page, crop: { x: 0, y: 56, w: 596, h: 842 - 112 } })
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    const first = pdf.pdfjs.texts.findIndex((items) => items.some((item) => item.str.trim() === 'Year'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first + 1).toBeLessThan(pdf.pages.length);
    expect(body(first + 2).slice(0, 4)).toEqual(['Year', 'Cases', 'Notes', expect.stringMatching(/^20\d\d$/)]);
    const heads = (page: number) =>
      pdf.pdfjs.texts[page]!.filter((item) => ['Year', 'Cases', 'Notes'].includes(item.str.trim())).map((item) => item.marked.includes('Artifact'));
    expect(heads(first)).toEqual([false, false, false]); // tagged where it first stands
    expect(heads(first + 1)).toEqual([true, true, true]); // an artifact where repeated
  });

  it('give the hyphen a break at a soft hyphen prints as the soft hyphen it stands for (ISO 32000-1, 14.8.2.2.3), in the element its words are in', () => {
    const pdf = pdfs.get('2021-01-12-hyphens.pdf')!;
    // Spans whose ActualText is the soft hyphen: a copy or a screen reader read "Extra-ordinarily".
    const elements = structElements(pdf);
    const soft = elements.filter((e) => e.dict['/ActualText'] !== undefined);
    for (const span of soft) {
      expect(span.type).toBe('Span');
      expect(String(span.dict['/ActualText'])).toBe('u:\u00AD');
      expect(elementText(pdf, span.ref)).toBe('-');
    }
    // The hyphens drawn, as pdf.js reads the glyphs (the words have no other): each is one.
    const printed = pdf.pdfjs.texts.flat().flatMap((item) => item.str.match(/-/g) ?? []);
    expect(printed.length).toBeGreaterThan(3);
    expect(soft).toHaveLength(printed.length);
    // Inside a link and a struck phrase too, as their own: each stays one element (it was a Link, a Span and a Link).
    expect(new Set(soft.map((span) => span.parent))).toEqual(new Set(['P', 'Link', 'Span']));
    // A reader of the tags gets the words whole.
    expect(pdfText(pdf.file).match(/Extraordinarilylongcompositewordsthatbreak/g)).toHaveLength(16);
    expect(elements.filter((e) => e.type === 'Link')).toHaveLength(1);
    expect(elements.filter((e) => (e.dict['/A'] as Dict | undefined)?.['/TextDecorationType'] !== undefined)).toHaveLength(1);
  });

  it('give nested list levels their own bullets, as the HTML does (•, ◦, ▪), and say so in ListNumbering', () => {
    const pdf = pdfs.get('2021-01-04-nested.pdf')!;
    expect(pdfText(pdf.file)).toMatch(/• First level/);
    // The font has no ◦ or ▪: they are drawn, in marked content whose ActualText is the character.
    // UTF-16BE after its byte-order mark, as a literal string or in hex.
    const utf16 = (bytes: string) => Buffer.from(bytes, 'latin1').swap16().toString('utf16le');
    const actual = [...pdf.pages[0]!.content.matchAll(/\/ActualText\s*(?:<feff([0-9a-f]+)>|\(\xfe\xff([^)]*)\))/gi)].map((m) =>
      m[1] ? String.fromCharCode(parseInt(m[1], 16)) : utf16(m[2]!),
    );
    expect(actual).toEqual(['◦', '▪', '▪', '◦']);
    const lbls = structElements(pdf).filter((e) => e.type === 'Lbl');
    expect(lbls).toHaveLength(2 + 6); // the speakers' and the six points'
    // Each list says how its items are marked, for a reader that announces it; an ordered list is numbered.
    const numbering = (name: string) =>
      structElements(pdfs.get(name)!)
        .filter((e) => e.type === 'L')
        .map((e) => String((e.dict['/A'] as Dict)['/ListNumbering']));
    expect(numbering('2021-01-04-nested.pdf')).toEqual(['/Disc', '/Disc', '/Circle', '/Square', '/Square']);
    expect(numbering('2021-01-09-marks.pdf')).toEqual(['/Disc', '/Decimal']);
  });

  it('set every attribution whole on one line', () => {
    const lines = pdfText(project.path('dist', '2021-01-06-ends.pdf')).split('\n');
    const ended = lines.filter((line) => /\((?:AH|BC)[^()]*\)\s*$/.test(line));
    expect(ended.length).toBeGreaterThan(60); // most points end a line with their attribution
    const opened = lines.filter(
      (line) => /\((?:[A-Z]{2}(?:\s*(?:&|\+|,)\s*)?)*$/.test(line.trim()) || /^\s*(?:[A-Z]{2}\s*)?(?:[&+,]\s*[A-Z]{2}\s*)*\)/.test(line),
    );
    expect(opened).toEqual([]);
  });
});

describe.runIf(haveTools(PDFTOTEXT, QPDF))('each PDF/UA-1 condition', () => {
  let broken: TempProject;
  let good: string;
  /** qpdf's JSON of the good PDF, read once; each break edits a copy of it. */
  let goodObjects: ReturnType<typeof qpdfJson>;
  beforeAll(async () => {
    good = (await built()).project.path('dist', '2021-01-07-both.pdf');
    expect(failures(await readPdf(good))).toEqual({});
    goodObjects = qpdfJson(good);
    broken = tempProject();
  }, 240_000);
  afterAll(() => broken?.remove());

  type Objects = Parameters<Parameters<typeof breakPdf>[2]>[0];
  const find = (objects: Objects, test: (dict: Record<string, unknown>) => boolean): Record<string, unknown> => {
    const found = Object.values(objects)
      .map((o) => o.value as Record<string, unknown>)
      .find((dict) => dict && typeof dict === 'object' && test(dict));
    if (!found) throw new Error('no such object to break');
    return found;
  };
  const stream = (objects: Objects, test: (text: string) => boolean, edit: (text: string) => string): void => {
    const object = Object.values(objects).find((o) => o.stream?.data && test(Buffer.from(o.stream.data, 'base64').toString('latin1')));
    if (!object?.stream?.data) throw new Error('no such stream to break');
    object.stream.data = Buffer.from(edit(Buffer.from(object.stream.data, 'base64').toString('latin1')), 'latin1').toString('base64');
  };
  const catalog = (objects: Objects) => find(objects, (d) => d['/Type'] === '/Catalog');

  const BREAKS: Record<string, (objects: Objects) => void> = {
    '01-004/01-005 tagged or artifact': (o) =>
      stream(
        o,
        (t) => t.includes('/Artifact'),
        (t) => t.replace(/\/Artifact <<[\s\S]*?>> BDC/, '/Span <<>> BDC'),
      ),
    '01-004 running text as artifact (pdf.js)': (o) =>
      stream(
        o,
        (t) => t.includes('/Pagination'),
        (t) => t.replace(/\/Artifact <<[\s\S]*?>> BDC/, '/P <<>> BDC'),
      ),
    '01-007 marked, no suspects': (o) =>
      Object.assign(
        find(o, (d) => d['/Marked'] === true),
        { '/Suspects': true },
      ),
    '02-001 standard structure types': (o) =>
      Object.assign(
        find(o, (d) => d['/S'] === '/P'),
        { '/S': '/Paragraph' },
      ),
    '06-001/06-002/06-003 metadata': (o) =>
      stream(
        o,
        (t) => t.includes('pdfuaid:part'),
        (t) => t.replace(/<pdfuaid:part>1<\/pdfuaid:part>/, ''),
      ),
    '06 no empty entries': (o) =>
      Object.assign(
        find(o, (d) => '/Producer' in d && '/Title' in d),
        { '/Keywords': 'u:' },
      ),
    '07-001 title shown': (o) =>
      Object.assign(
        find(o, (d) => '/DisplayDocTitle' in d),
        { '/DisplayDocTitle': false },
      ),
    '09-004/09-005 lists and tables nest correctly (pdf.js)': (o) =>
      Object.assign(
        find(o, (d) => d['/S'] === '/TR'),
        { '/S': '/P' },
      ),
    '11-001 natural language': (o) => delete catalog(o)['/Lang'],
    '14-002/14-003 headings': (o) =>
      Object.assign(
        find(o, (d) => d['/S'] === '/H1'),
        { '/S': '/H2' },
      ),
    '15-003 header cells have a scope': (o) => delete find(o, (d) => d['/S'] === '/TH')['/A'],
    '19-003/19-004 notes have unique IDs': (o) => delete find(o, (d) => d['/S'] === '/Note')['/ID'],
    '28-002/28-011 annotations in the structure tree': (o) => delete find(o, (d) => d['/Subtype'] === '/Link')['/StructParent'],
    '28-008/28-009 tab order': (o) => delete find(o, (d) => d['/Type'] === '/Page' && '/Annots' in d)['/Tabs'],
    '28-012 links described': (o) => delete find(o, (d) => d['/Subtype'] === '/Link')['/Contents'],
    '31-001/31-009/31-027 fonts': (o) => delete find(o, (d) => d['/Type'] === '/Font' && '/ToUnicode' in d)['/ToUnicode'],
    '31-030 no .notdef glyph': (o) =>
      stream(
        o,
        (t) => /<[0-9a-f]{4,}>/.test(t) && t.includes('TJ'),
        (t) => t.replace(/<([0-9a-f]{4})/, '<0000'),
      ),
  };

  it('has a deliberately broken PDF for every condition', () => {
    expect(Object.keys(BREAKS).sort()).toEqual(CONDITIONS.map((c) => c.id).sort());
  });

  for (const condition of CONDITIONS) {
    it(`fails ${condition.id} on a PDF broken for it`, async () => {
      const file = broken.path(`broken-${condition.id.replace(/\W+/g, '-')}.pdf`);
      breakPdf(good, file, BREAKS[condition.id]!, structuredClone(goodObjects));
      const found = condition.check(await readPdf(file));
      expect(found.length, condition.what).toBeGreaterThan(0);
    });
  }
});

describe.runIf(haveTools(PDFTOTEXT, QPDF))('records that cannot be laid out sensibly', () => {
  it('warn, and still give a readable PDF: a word wider than the page, lists nested as deep as a record may (20)', async () => {
    const { project, diagnostics } = await built();
    const found = diagnostics.filter((d) => d.rule === 'pdf-layout' && d.file.endsWith('2021-02-01-deep.md'));
    expect(found).toHaveLength(2);
    const wide = found.find((d) =>
      d.message.includes(
        'a word too wide for its line (the page’s, or a table column’s) was broken between characters: “wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww…”',
      ),
    );
    expect(wide?.line).toBe(12);
    expect(found.some((d) => d.message.includes('lists nested too deep to indent further'))).toBe(true);
    const file = project.path('dist', '2021-02-01-deep.pdf');
    const text = pdfText(file);
    expect(text.replace(/\s+/g, '')).toContain('w'.repeat(600));
    for (const level of [1, 10, MAX_NESTING]) expect(text).toContain(`Level ${level}`);
    expect(failures(await readPdf(file))).toEqual({});
  }, 60_000);
});
