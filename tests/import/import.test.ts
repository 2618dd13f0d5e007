/**
 * Importing briefings of several shapes: each record passes `check` and rebuilds to the words
 * of its source, apart from the slips and normalisations reported. The seed briefing and an
 * exported web page go through the real CLI (import, check, build); the other shapes through
 * the import and check commands' own code in-process, rendered as build renders a briefing.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPaths } from '../../src/cli/check.js';
import { importPaths } from '../../src/cli/import.js';
import { collectOutput } from '../../src/cli/output.js';
import { composeBriefing, renderPage } from '../../src/compose/briefing.js';
import { loadTemplates } from '../../src/compose/templates.js';
import { loadRecordText } from '../../src/load/record.js';
import { validateRecord } from '../../src/validate/record.js';
import { FIXTURES, REPO, runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { articleText } from '../helpers/html.js';
import { buildHere } from '../helpers/site-build.js';
import { words } from '../helpers/words.js';

/** Bytes of the characters Windows-1252 has where Latin-1 has control characters (from its code page table). */
const WINDOWS_1252 = new Map([...'‘’“”•–—…'].map((char, i) => [char, [0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x85][i]!]));

let project: TempProject;
const imported = new Map<string, { record: string; stderr: string }>();

/** `phrg-brief import <input> --out <out>` in-process: the record written, and what it printed. */
async function importOne(input: string, out: string): Promise<{ record: string; stdout: string; stderr: string }> {
  const printed = collectOutput();
  const code = await importPaths([input], project.dir, { out }, printed);
  expect(code, printed.printed.stderr).toBe(0);
  const record = project.path(out, readdirSync(project.path(out))[0]!);
  return { record, ...printed.printed };
}

beforeAll(async () => {
  project = tempProject();
  for (const name of readdirSync(join(FIXTURES, 'import')).sort()) {
    const { record, stderr } = await importOne(join(FIXTURES, 'import', name), `meetings-${name}`);
    imported.set(name, { record, stderr });
  }
  // The seed through the real CLI, as a secretariat first meets import.
  const seed = await runCli(['import', join(FIXTURES, '2016-11-07-peru.seed.txt'), '--out', 'meetings-seed'], project.dir);
  expect(seed.code, seed.stderr).toBe(0);
  expect(seed.stdout).toBe(`${join(FIXTURES, '2016-11-07-peru.seed.txt')} → meetings-seed/2016-11-07-peru.md\n`);
  expect(seed.stderr).toMatch(/imported 1 of 1; run phrg-brief check to review them\n$/);
  imported.set('seed', { record: project.path('meetings-seed', '2016-11-07-peru.md'), stderr: seed.stderr });
}, 60_000);
afterAll(() => project?.remove());

const templates = loadTemplates();

/** The imported record checked (`check --reporter json`, in-process) and rendered as build renders it. */
async function rebuild(name: string): Promise<{ words: string[]; data: Record<string, unknown>; check: string }> {
  const { record } = imported.get(name)!;
  const printed = collectOutput();
  const code = await checkPaths([record], project.dir, { reporter: 'json' }, printed);
  expect(code, printed.printed.stdout).toBe(0);
  const text = readFileSync(record, 'utf8');
  const meeting = validateRecord(loadRecordText(text, record).record!).meeting!;
  const html = renderPage(composeBriefing(meeting, templates), templates);
  const data = parse(text.split('---\n')[1]!) as Record<string, unknown>;
  return { words: words(articleText(html)), data, check: printed.printed.stdout };
}

/** A record whose body holds every construct a page must give back: links, emphasis, lists within lists, a table, a heading, a quotation, footnotes. */
const RICH_RECORD = `---
title: Bahrain – Detained medics
date: 2021-04-03
hosts:
  - the All-Party Parliamentary Human Rights Group (PHRG)
topic: Medics in detention
speakers:
  - key: JD
    name: Jane Doe
    role: Director, Bahrain Watch
  - key: RS
    name: Rui Silva
    role: Researcher
---

The main points made were as follows:

- The [report](https://example.org/report) found _serious_ abuse of **detained** medics.[^1] (JD)
  - Some were held for \`months\`. (RS)
  - Others were released. (JD)
- Figures were given. (RS)

  | Year | Cases |
  | :--- | ----: |
  | 2019 |    12 |
  | 2020 |    40 |

## Recommendations

> The government should release them.

See <https://example.org/x> and [the annex](https://example.org/annex "Annex").

1. First step.
2. Second step.

---

[^1]: As reported by [Bahrain Watch](https://bahrainwatch.org).
`;

/** The briefing's body as the page gives it. */
const bodyHtml = (page: string): string => /<div class="body"[^>]*>([\s\S]*?)<\/div>\s*<\/article>/.exec(page)![1]!;

const source = (name: string) => words(readFileSync(join(FIXTURES, 'import', name), 'utf8'));

describe('phrg-brief import', () => {
  it('imports the seed briefing, mending the missing quote and leaving PKK to check', async () => {
    const { words: built, check } = await rebuild('seed');
    const expected = words(readFileSync(join(FIXTURES, '2016-11-07-peru.expected.txt'), 'utf8').replace('PPK’s cabinet', 'PKK’s cabinet'));
    expect(built).toEqual(expected);
    expect(imported.get('seed')!.stderr).toContain('opening quotation mark was missing: mended');
    expect(JSON.parse(check)).toEqual([expect.objectContaining({ rule: 'undefined-abbreviation', note: 'did you mean PPK?' })]);

    // The real CLI's check and build of the imported record say and write the same.
    const record = imported.get('seed')!.record;
    const cliCheck = await runCli(['check', '--reporter', 'json', record], project.dir);
    expect(cliCheck.code, cliCheck.stdout).toBe(0);
    expect(cliCheck.stdout).toBe(check);
    const build = await runCli(['build', '--format', 'html', '--out', 'out-seed', record], project.dir);
    expect(build.code, build.stderr).toBe(0);
    expect(words(articleText(readFileSync(project.path('out-seed', '2016-11-07-peru.html'), 'utf8')))).toEqual(expected);
  });

  it('imports the same briefing saved as a web page', async () => {
    const page = await rebuild('peru-saved-page.html');
    const seed = await rebuild('seed');
    expect(page.words).toEqual(seed.words);
  });

  it('imports the same briefing saved as plain text by Word or LibreOffice, a paragraph a line with no blank lines', async () => {
    const seed = await rebuild('seed');
    // One line a paragraph; and wrapped for an e-mail, each line after the first indented.
    for (const name of ['peru-line-a-paragraph.txt', 'peru-wrapped-no-blank-lines.txt']) {
      const lines = await rebuild(name);
      expect(lines.words, name).toEqual(seed.words);
      expect(lines.data, name).toEqual(seed.data);
    }
  });

  it('reads a text with control characters as the one without: a page break (pdftotext’s form feed) as the line break it follows, Word’s line break (a vertical tab) as a space, a Windows-1252 quote read as Latin-1 as the quote', async () => {
    // Wrapped, with no blank lines: a page break read as a blank line lost the hosts, chair and speakers.
    const name = 'peru-wrapped-no-blank-lines.txt';
    const clean = readFileSync(join(FIXTURES, 'import', name), 'utf8');
    const pasted = clean
      .replace('\n\u00A0The speakers were:', '\n\f\u00A0The speakers were:')
      .replace('Fujimori’s daughter', 'Fujimori\u0092s daughter')
      .replace('PKK’s cabinet was,', 'PKK’s\vcabinet was,');
    expect(pasted.match(/[\f\v\u0092]/g)).toHaveLength(3);
    const { record, stderr } = await importOne(project.write('pasted.txt', pasted), 'meetings-pasted');
    imported.set('pasted', { record, stderr });
    expect(readFileSync(record, 'utf8')).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    expect(stderr).toContain('read from Windows-1252 in the wrong encoding');
    // rebuild() checks it: with any of the characters the check failed (control-character).
    const [got, want] = [await rebuild('pasted'), await rebuild(name)];
    expect(got.data).toEqual(want.data);
    expect(got.words).toEqual(want.words);
  });

  it('writes no control character a page’s character reference (&#27;) gives', async () => {
    const { record } = await importOne(
      project.write(
        'escape.html',
        '<html><body><h1>7/11/16: Peru – Mining</h1><p>The PHRG held a meeting on 7 November.</p><ul><li>A point&#27;[2K here. (JC)</li></ul></body></html>',
      ),
      'meetings-escape',
    );
    expect(readFileSync(record, 'utf8')).toContain('A point\\[2K here.');
    expect(readFileSync(record, 'utf8')).not.toMatch(/\u001B|\\e/);
  });

  it.each(['countries-as-speakers.txt', 'no-chair.txt', 'unattributed-points.txt', 'ampersand-attribution.txt'])('rebuilds %s word for word', async (name) => {
    const { words: built } = await rebuild(name);
    expect(built).toEqual(source(name));
  });

  it('reads countries as plain-string speakers with their lead line', async () => {
    const { data } = await rebuild('countries-as-speakers.txt');
    expect(data.speakers).toEqual(['Egypt', 'Bahrain', 'Saudi Arabia']);
    expect(data.speakersLead).toBe('The roundtable heard from HRDs from the following countries:');
    expect(data.kind).toBe('roundtable');
    expect(data.partners).toEqual(['Amnesty International UK']);
  });

  it('parts partners at the "and" between names, not at one within a name its abbreviation spells out', async () => {
    const { data, words: built } = await rebuild('abbreviated-partner.txt');
    expect(data.partners).toEqual(['the Bahrain Institute for Rights and Democracy (BIRD)', 'Redress']);
    expect(built).toEqual(source('abbreviated-partner.txt'));
  });

  it('splits speakers into name, role, note and initials, wherever the initials stand', async () => {
    expect((await rebuild('no-chair.txt')).data.speakers).toEqual([
      { key: 'AB', name: 'Ana Bravo', role: 'Director, Centro de Estudios Legales (CEL)' },
      { key: 'CD', name: 'Carla Díaz', role: 'Lawyer', note: 'which represents several of the families' },
    ]);
    const after = await rebuild('initials-after-name.txt');
    expect(after.data.speakers).toEqual([
      { key: 'JC', name: 'John Crabtree', role: 'Latin American Centre, University of Oxford' },
      { key: 'MF', name: 'María Fernández', role: 'Comisión Colombiana de Juristas (CCJ)' },
    ]);
    // Rebuilt in the house style: the initials after the role.
    expect(after.words.join(' ')).toContain(
      'John Crabtree, Latin American Centre, University of Oxford – (JC); and, María Fernández, Comisión Colombiana de Juristas (CCJ) – (MF).',
    );
  });

  it('takes a chair who is thanked as the chair, and says how it will print', async () => {
    const { data, words: built } = await rebuild('chair-thanked.txt');
    expect(data.chair).toEqual({ name: 'Baroness Kennedy of The Shaws QC' });
    expect(imported.get('chair-thanked.txt')!.stderr).toContain('The meeting was chaired by');
    const expected = source('chair-thanked.txt')
      .join(' ')
      .replace(
        'We would like to thank Baroness Kennedy of The Shaws QC for chairing the meeting.',
        'The panel event was chaired by Baroness Kennedy of The Shaws QC.',
      );
    expect(built.join(' ')).toBe(expected);
  });

  it('reads co-chairs with their roles', async () => {
    expect((await rebuild('ampersand-attribution.txt')).data.chair).toEqual([
      { name: 'Lord Alton of Liverpool', role: 'Vice-Chair, PHRG' },
      { name: 'Baroness Royall', role: 'Vice-Chair, APPG Latin America' },
    ]);
  });

  it('reads three co-chairs as the house style joins them, by semicolons, the last "; and"', async () => {
    const text = readFileSync(join(FIXTURES, 'import', 'ampersand-attribution.txt'), 'utf8');
    const chaired = /^The .* was co-chaired by .*$/m.exec(text)![0];
    project.write(
      'three/chairs.txt',
      text.replace(
        chaired,
        'The meeting was co-chaired by Lord Alton of Liverpool, Vice-Chair, PHRG; Baroness Royall, Vice-Chair, APPG Latin America; and Rushanara Ali MP, Member, PHRG.',
      ),
    );
    const { record } = await importOne('three/chairs.txt', 'meetings-three');
    expect((parse(readFileSync(record, 'utf8').split('---\n')[1]!) as { chair: unknown }).chair).toEqual([
      { name: 'Lord Alton of Liverpool', role: 'Vice-Chair, PHRG' },
      { name: 'Baroness Royall', role: 'Vice-Chair, APPG Latin America' },
      { name: 'Rushanara Ali MP', role: 'Member, PHRG' },
    ]);
  });

  it('puts what it cannot place in the body, with a warning', async () => {
    const odd = project.write(
      'odd.txt',
      '1/2/21: Odd – A Test\n\nThe PHRG held a meeting on 1 February.\n\nA sentence no rule knows.\n\nThe main points made were as follows:\n\n• One point.\n',
    );
    const result = await importOne(odd, 'odd');
    expect(result.stderr).toContain('not placed, kept in the body: A sentence no rule knows.');
    expect(readFileSync(project.path('odd', '2021-02-01-odd.md'), 'utf8')).toContain('A sentence no rule knows.');
  });

  it('keeps a host’s whole name, list items wrapped in paragraphs or holding lists, and text that looks like HTML', async () => {
    const page = project.write(
      'exported.html',
      '<h1>2/2/21: Test – Exported</h1><p>The PHRG and the APPG on Democracy and Human Rights held a meeting on 2 February.</p><p>The speakers were:</p><ul><li><p>John Crabtree, Oxford – (JC).</p></li></ul><p>The main points made were as follows:</p><ul><li>Mining is a source of conflict. (JC)<ul><li>A sub-point on the &lt;Convention&gt;. (JC)</li></ul></li></ul>',
    );
    const result = await runCli(['import', page, '--out', 'exported'], project.dir);
    expect(result.code, result.stderr).toBe(0);
    const record = readFileSync(project.path('exported', '2021-02-02-test.md'), 'utf8');
    const data = parse(record.split('---\n')[1]!) as Record<string, unknown>;
    expect(data.hosts).toEqual(['the PHRG', 'the APPG on Democracy and Human Rights']);
    expect(data.speakers).toEqual([{ key: 'JC', name: 'John Crabtree', role: 'Oxford' }]);
    expect(record).toContain('Mining is a source of conflict. (JC)');
    expect(record).toContain('\\<Convention>');
    const check = await runCli(['check', project.path('exported', '2021-02-02-test.md')], project.dir);
    expect(check.code, check.stdout).toBe(0);
  });
});

describe('import of pages it cannot take whole', () => {
  it('reads a briefing saved in Windows-1252 as the same record, and a page in the encoding it declares, and says how it read them', async () => {
    const seed = readFileSync(join(FIXTURES, '2016-11-07-peru.seed.txt'), 'utf8');
    // Every character of the seed is in Windows-1252: its dashes, curly quotes, bullets and accents.
    const cp1252 = Buffer.from([...seed].map((char) => WINDOWS_1252.get(char) ?? char.charCodeAt(0)));
    expect([...seed].filter((char) => !WINDOWS_1252.has(char) && char.charCodeAt(0) > 0xff)).toEqual([]);
    project.write('cp1252/peru.txt', cp1252);
    const txt = await importOne('cp1252/peru.txt', 'meetings-cp1252');
    expect(txt.stderr).toMatch(/warning: the byte 0x\w\w on line \d+ is not UTF-8: the file was read as Windows-1252, as Word and Notepad save text/);
    expect(readFileSync(txt.record, 'utf8')).toBe(readFileSync(imported.get('seed')!.record, 'utf8'));

    // A page in Polish, declared ISO-8859-2, whose Ł and ź are £ and ¼ in Windows-1252.
    const polish =
      '<html><head><meta charset="iso-8859-2"><title>x</title></head><body><h1>3/3/23: A Meeting in Łódź</h1><p>Notes from Łódź.</p></body></html>';
    project.write('latin2/lodz.html', Buffer.from([...polish].map((char) => ({ Ł: 0xa3, ó: 0xf3, ź: 0xbc })[char] ?? char.charCodeAt(0))));
    const html = await importOne('latin2/lodz.html', 'meetings-latin2');
    expect(html.stderr).toContain('the file was read as iso-8859-2, as the page declares');
    expect(readFileSync(html.record, 'utf8')).toContain('title: A Meeting in Łódź');
  });

  it('reads a briefing page phrg-brief published back into the record it was made from, word for word', async () => {
    const site = tempProject({ withExample: true });
    try {
      site.write('phrg-brief.yaml', 'site:\n  search: false\n');
      const peru = readFileSync(site.path('meetings', '2016-11-07-peru.md'), 'utf8');
      // The same, its points led by other words, and with no words before them.
      site.write(
        'meetings/2016-11-08-peru.md',
        peru.replace('date: 2016-11-07', 'date: 2016-11-08').replace('The main points made were as follows:', 'Points raised by the speakers:'),
      );
      site.write('meetings/2016-11-09-peru.md', peru.replace('date: 2016-11-07', 'date: 2016-11-09').replace('The main points made were as follows:\n\n', ''));
      expect((await buildHere(site.dir, { formats: ['html'] })).ok).toBe(true);
      for (const day of ['07', '08', '09']) {
        copyFileSync(site.path('dist', `2016-11-${day}-peru.html`), project.path(`published-${day}.html`));
        const page = await importOne(`published-${day}.html`, `meetings-published-${day}`);
        // The site's header, search, downloads and pager are no part of it; its tags come from the page's keywords.
        expect(readFileSync(page.record, 'utf8'), day).toBe(readFileSync(site.path('meetings', `2016-11-${day}-peru.md`), 'utf8'));
      }
    } finally {
      site.remove();
    }
  });

  it('reads back a published page’s facts as its record gave them, under its name: partners, and the chair’s initials its points use', async () => {
    const source = `---
title: "Bahrain: detained medics"
date: 2021-04-05
hosts:
  - the All-Party Parliamentary Human Rights Group (PHRG)
partners:
  - the Bahrain Institute for Rights and Democracy (BIRD)
  - Redress
kind: roundtable
chair:
  key: LA
  name: Lord Alton of Liverpool
  role: Vice-Chair, PHRG
speakers:
  - key: SA
    name: Sayed Ahmed Alwadaei
    role: Director of Advocacy, BIRD
---

The main points made were as follows:

- Twelve medics remain in detention. (SA)
- The UK should raise the cases at the Universal Periodic Review (UPR). (LA)
`;
    const site = tempProject();
    try {
      site.write('phrg-brief.yaml', 'site:\n  search: false\n');
      site.write('meetings/2021-04-05-bahrain-detained-medics.md', source);
      expect((await buildHere(site.dir, { formats: ['html'] })).ok).toBe(true);
      copyFileSync(site.path('dist', '2021-04-05-bahrain-detained-medics.html'), project.path('2021-04-05-bahrain-detained-medics.html'));
      const page = await importOne('2021-04-05-bahrain-detained-medics.html', 'meetings-published-facts');
      expect(page.record).toBe(project.path('meetings-published-facts', '2021-04-05-bahrain-detained-medics.md'));
      expect(readFileSync(page.record, 'utf8')).toBe(source);
    } finally {
      site.remove();
    }
  });

  it('reads back a published page’s links, emphasis, nested lists, table, heading, quotation and footnotes, building the same page', async () => {
    const site = tempProject();
    try {
      site.write('phrg-brief.yaml', 'site:\n  search: false\n');
      site.write('meetings/2021-04-03-bahrain.md', RICH_RECORD);
      expect((await buildHere(site.dir, { formats: ['html'] })).ok).toBe(true);
      copyFileSync(site.path('dist', '2021-04-03-bahrain.html'), project.path('published-rich.html'));
      const page = await importOne('published-rich.html', 'meetings-published-rich');
      const record = readFileSync(page.record, 'utf8');
      for (const kept of [
        '[report](https://example.org/report)',
        '_serious_',
        '**detained**',
        '  - Some were held for `months`. (RS)',
        '| :--- | ----: |',
        '## Recommendations',
        '> The government',
        '<https://example.org/x>',
        '[^1]: As reported by [Bahrain Watch](https://bahrainwatch.org).',
      ])
        expect(record).toContain(kept);
      // The list's items may be spaced apart where the record had them close (HTML cannot tell):
      // the page the record builds is the page it was read from.
      const body = (text: string, file: string) =>
        bodyHtml(renderPage(composeBriefing(validateRecord(loadRecordText(text, file).record!).meeting!, templates), templates));
      expect(body(record, page.record)).toBe(body(RICH_RECORD, 'meetings/2021-04-03-bahrain.md'));
    } finally {
      site.remove();
    }
  });

  it('keeps a saved web page’s links, emphasis, headings, tables and the depth of its lists', async () => {
    project.write(
      'other-site.html',
      '<html><body><nav><a href="/">Home</a></nav><main><h1>3/4/21: Bahrain – Detained medics</h1><p>The PHRG held a meeting on 3 April.</p><p>The speakers were:</p><ul><li>Jane Doe, Bahrain Watch – (JD).</li></ul><p>The main points made were as follows:</p><ul><li>The <a href="https://example.org/report">report</a> found <em>serious</em> abuse. (JD)<ol start="3"><li>A third step. (JD)</li></ol></li><li>Figures: <table><tr><th>Year</th><th>Cases</th></tr><tr><td>2019</td><td>12</td></tr></table></li></ul><h2>Recommendations</h2><blockquote><p>Release them.</p></blockquote></main></body></html>',
    );
    const page = await importOne('other-site.html', 'meetings-other-site');
    const record = readFileSync(page.record, 'utf8');
    expect(record.split('---\n')[2]).toBe(
      [
        '',
        'The main points made were as follows:',
        '',
        '- The [report](https://example.org/report) found _serious_ abuse. (JD)',
        // A list numbered from 3 cannot interrupt a paragraph in Markdown: it stands apart.
        '',
        '  3. A third step. (JD)',
        '- Figures:',
        '',
        '  | Year | Cases |',
        '  | ---- | ----- |',
        '  | 2019 | 12    |',
        '',
        '## Recommendations',
        '',
        '> Release them.',
        '',
      ].join('\n'),
    );
    const check = collectOutput();
    expect(await checkPaths([page.record], project.dir, { reporter: 'pretty' }, check), check.printed.stdout).toBe(0);
  });

  it('reads a briefing saved as Unicode Text (UTF-16, either way round) as the same record', async () => {
    const seed = readFileSync(join(FIXTURES, '2016-11-07-peru.seed.txt'), 'utf8');
    const little = Buffer.from(`\uFEFF${seed.replace(/\n/g, '\r\n')}`, 'utf16le');
    project.write('utf16le/peru.txt', little);
    project.write('utf16be/peru.txt', Buffer.from(little).swap16());
    for (const [folder, name] of [
      ['utf16le', 'UTF-16LE'],
      ['utf16be', 'UTF-16BE'],
    ] as const) {
      const txt = await importOne(`${folder}/peru.txt`, `meetings-${folder}`);
      expect(txt.stderr).toContain(`warning: the file was read as ${name} (Unicode Text)`);
      expect(readFileSync(txt.record, 'utf8')).toBe(readFileSync(imported.get('seed')!.record, 'utf8'));
    }
  });

  it('refuses Word, PDF and RTF files by what they hold, whatever their names, and says how to save them', async () => {
    project.write('word/a.docx', Buffer.from('PK\u0003\u0004 the zip of a Word file'));
    project.write('word/b.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    project.write('word/c.txt', Buffer.from('%PDF-1.7 renamed'));
    // A link to nothing beside them is passed over, not the end of the import.
    symlinkSync(project.path('word', 'gone.txt'), project.path('word', 'broken-link'));
    const printed = collectOutput();
    expect(await importPaths(['word'], project.dir, { out: 'meetings-word' }, printed)).toBe(1);
    expect(printed.printed.stderr).toContain(
      'phrg-brief import: word: left out 2 files (a.docx, b.doc): only text (.txt) and saved web pages (.html, .htm) are read; save Word files as one of those\n',
    );
    expect(printed.printed.stderr).toContain(`${join('word', 'c.txt')}: cannot import it: it is a PDF`);
    const named = collectOutput();
    expect(await importPaths(['word/a.docx', 'word/b.doc'], project.dir, { out: 'meetings-word' }, named)).toBe(1);
    expect(named.printed.stderr).toContain(
      'word/a.docx: cannot import it: it is a Word (.docx) or OpenDocument file, not text: open it in Word and save it as Plain Text (.txt)',
    );
    expect(named.printed.stderr).toContain('word/b.doc: cannot import it: it is an old Word (.doc) file');
    expect(existsSync(project.path('meetings-word'))).toBe(false);
  });

  it('imports the briefings of a folder filed by year, its subfolders among them, and not a saved page’s own files', async () => {
    project.write('filed/2016/peru.txt', readFileSync(join(FIXTURES, '2016-11-07-peru.seed.txt')));
    project.write('filed/2016/page_files/script.txt', 'not a briefing');
    project.write('filed/.trash/old.txt', 'not a briefing');
    const printed = collectOutput();
    expect(await importPaths(['filed'], project.dir, { out: 'meetings-filed' }, printed)).toBe(0);
    expect(readdirSync(project.path('meetings-filed'))).toEqual(['2016-11-07-peru.md']);
    expect(printed.printed.stderr).not.toContain('script.txt');
  });

  it('refuses a page nested too deep to read, alone, and imports the others', async () => {
    project.write('odd/a-deep.html', `<html><body><h1>7/11/16: Deep</h1>${'<div>'.repeat(50_000)}<p>text</p>${'</div>'.repeat(50_000)}</body></html>`);
    copyFileSync(join(FIXTURES, '2016-11-07-peru.seed.txt'), project.path('odd', 'b-peru.txt'));
    const printed = collectOutput();
    const code = await importPaths(['odd'], project.dir, { out: 'meetings-odd' }, printed);
    expect(code).toBe(1);
    expect(printed.printed.stderr).toContain(`${join('odd', 'a-deep.html')}: cannot import it: its elements nest too deep to be read\n`);
    expect(printed.printed.stderr).toContain('imported 1 of 2');
    expect(readdirSync(project.path('meetings-odd'))).toEqual(['2016-11-07-peru.md']);
  });

  it('keeps a page’s loose text, inline elements between blocks, images alone, captions and terms, which it dropped', async () => {
    project.write(
      'loose.html',
      '<html><body><article><h1>2/5/18: Loose test</h1><p>The PHRG held a meeting on 2 May.</p><p>The main points made were as follows:</p><ul><li>Point one. (AB)</li></ul>\nLoose text, before a paragraph.\n<p>A paragraph.</p><div>Div line one<br>Div line two<p>a nested paragraph</p>Trailing div text</div><span>A span.</span><center>Centred text.</center><dl><dt>CCJ</dt><dd>Comisión Colombiana de Juristas</dd></dl><p><img src="https://example.org/map.png" alt="Map of the zones"></p><figure><img src="https://example.org/f.png" alt="Figure"><figcaption>Its caption.</figcaption></figure></article></body></html>',
    );
    const body = readFileSync((await importOne('loose.html', 'meetings-loose')).record, 'utf8').split('---\n')[2]!;
    for (const kept of [
      'Loose text, before a paragraph.',
      'Div line one\\\nDiv line two',
      'Trailing div text',
      'A span.',
      'Centred text.',
      'CCJ',
      'Comisión Colombiana de Juristas',
      '![Map of the zones](https://example.org/map.png)',
      '![Figure](https://example.org/f.png)',
      'Its caption.',
    ])
      expect(body).toContain(kept);
  });

  it('reads a page Word saved, its list paragraphs as bullets at their levels, its conditional comments gone', async () => {
    const item = (level: number, glyph: string, text: string) =>
      `<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level${level} lfo1'><![if !supportLists]><span style='font-family:Symbol'>${glyph}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>${text}<o:p></o:p></p>`;
    project.write(
      'word.htm',
      `<html><body><p class=MsoNormal>3/5/18: Word test</p><p class=MsoNormal>The PHRG held a meeting on 3 May.</p><p class=MsoNormal>The main points made were as follows:</p>${item(1, '·', 'Resolution 30/1 has not been implemented. (YS)')}${item(2, 'o', 'Land has not been returned. (YS)')}${item(1, '·', 'A second point. (YS)')}</body></html>`,
    );
    const body = readFileSync((await importOne('word.htm', 'meetings-word-page')).record, 'utf8').split('---\n')[2]!;
    expect(body).toBe(
      '\nThe main points made were as follows:\n\n- Resolution 30/1 has not been implemented. (YS)\n  - Land has not been returned. (YS)\n- A second point. (YS)\n',
    );
  });

  it('reads Word’s plain text of sub-points (o, tab) and numbered points as items of their own, at their levels', async () => {
    project.write(
      'word-text.txt',
      '5/5/18: Sri Lanka – Land\r\n\r\nThe PHRG held a meeting on 5 May.\r\n\r\nThe main points made were as follows:\r\n\r\n•\tMilitarisation continues: (HR)\r\no\tland has not been returned; and (HR)\r\no\tsurveillance is routine. (HR)\r\n\r\nRecommendations:\r\n\r\n1.\tFirst recommendation. (AK)\r\n2.\tSecond recommendation. (AK)\r\n',
    );
    const body = readFileSync((await importOne('word-text.txt', 'meetings-word-text')).record, 'utf8').split('---\n')[2]!;
    expect(body).toBe(
      [
        '',
        'The main points made were as follows:',
        '',
        '- Militarisation continues: (HR)',
        '  - land has not been returned; and (HR)',
        '  - surveillance is routine. (HR)',
        '',
        'Recommendations:',
        '',
        '1. First recommendation. (AK)',
        '2. Second recommendation. (AK)',
        '',
      ].join('\n'),
    );
  });

  it('reads a page laid out in a table as the briefing its cells hold', async () => {
    project.write(
      'layout.html',
      '<html><body><table><tr><td class="nav"><a href="/">Home</a></td><td><p>7/11/16: Peru – A Layout</p><p>The PHRG held a meeting on 7 November.</p><p>The main points made were as follows:</p><ul><li>A point. (JC)</li></ul></td></tr></table></body></html>',
    );
    const page = await importOne('layout.html', 'meetings-layout');
    expect(page.stderr).toContain('warning: not placed, kept in the body: Home');
    const record = readFileSync(page.record, 'utf8');
    expect(record).toContain('title: Peru – A Layout\ndate: 2016-11-07\n');
    expect(record.split('---\n')[2]).toBe('\n[Home](/)\n\nThe main points made were as follows:\n\n- A point. (JC)\n');
  });

  it('passes over a blog’s line between the heading and the intro sentence, saying so, where the hosts were lost', async () => {
    project.write(
      'blog.html',
      '<html><body><article><h1>3/5/18: Sri Lanka – Land</h1><div class="entry-meta">Posted on <time>3 May 2018</time> by admin</div><p>The PHRG held a meeting on 3 May.</p><p>The main points made were as follows:</p><ul><li>A point. (AK)</li></ul></article></body></html>',
    );
    const page = await importOne('blog.html', 'meetings-blog');
    expect(page.stderr).toContain('warning: not placed, kept in the body: Posted on 3 May 2018 by admin');
    const data = parse(readFileSync(page.record, 'utf8').split('---\n')[1]!) as Record<string, unknown>;
    expect(data.hosts).toEqual(['the PHRG']);
    expect(data.intro).toBeUndefined();
    expect(readFileSync(page.record, 'utf8').split('---\n')[2]).toContain('\nPosted on 3 May 2018 by admin\n');
  });

  it('makes a saved page’s relative links absolute against the address it was saved from, which check would refuse', async () => {
    project.write(
      'saved.html',
      '<!-- saved from url=(0047)https://example.org/briefings/2018/sri-lanka/ -->\n<html><body><article><h1>3/5/18: Sri Lanka – Land</h1><p>The PHRG held a meeting on 3 May.</p><p>The main points made were as follows:</p><ul><li>See <a href="../colombia/">the Colombia briefing</a> and <a href="/reports/land.pdf">the report</a>. (AK)</li></ul></article></body></html>',
    );
    const record = readFileSync((await importOne('saved.html', 'meetings-saved')).record, 'utf8');
    expect(record).toContain('[the Colombia briefing](https://example.org/briefings/2018/colombia/)');
    expect(record).toContain('[the report](https://example.org/reports/land.pdf)');
  });

  it('refuses a file that is a record already, which it would have turned into a title and points', async () => {
    const printed = collectOutput();
    expect(await importPaths([join(REPO, 'meetings', '2016-11-07-peru.md')], project.dir, { out: 'meetings-again' }, printed)).toBe(1);
    expect(printed.printed.stderr).toContain('cannot import it: it is a record already (it begins with front-matter); check it with phrg-brief check');
    expect(existsSync(project.path('meetings-again'))).toBe(false);
  });

  it('says in words why a record cannot be written, naming it, and imports the others', async () => {
    copyFileSync(join(FIXTURES, '2016-11-07-peru.seed.txt'), project.path('peru.txt'));
    project.write('blocked', 'a file where the folder should be');
    const printed = collectOutput();
    expect(await importPaths(['peru.txt'], project.dir, { out: 'blocked' }, printed)).toBe(1);
    expect(printed.printed.stderr).toBe(
      'peru.txt: cannot write blocked/2016-11-07-peru.md: a file or folder stands in the way of writing it\nimported 0 of 1\n',
    );
  });

  it('names the record from a title of one very long word within a file name’s bounds', async () => {
    project.write('long-title.txt', `7/11/16: ${'y'.repeat(300)}\n`);
    const printed = collectOutput();
    expect(await importPaths(['long-title.txt'], project.dir, { out: 'meetings-long-title' }, printed)).toBe(0);
    expect(readdirSync(project.path('meetings-long-title'))).toEqual([`2016-11-07-${'y'.repeat(60)}.md`]);
  });

  it('names the first ten lines it could not place, counts the rest, and warns of a record over the size limit', async () => {
    project.write('long.txt', `7/11/16: Long\n\n${'A line that is not a point.\n\n'.repeat(12_000)}`);
    const printed = collectOutput();
    await importPaths(['long.txt'], project.dir, { out: 'meetings-long' }, printed);
    const warnings = printed.printed.stderr.split('\n').filter((line) => line.startsWith('  warning: '));
    expect(warnings.filter((line) => line.startsWith('  warning: not placed'))).toHaveLength(10);
    expect(warnings).toContain('  warning: and 11,989 more lines not placed, kept in the body');
    expect(warnings.at(-1)).toMatch(
      /^ {2}warning: the record is [\d,]+ bytes \(\d+ KiB\), more than the 262,144 bytes \(256 KiB\) a record may be, so check and build will refuse it: split it/,
    );
  });
});
