/**
 * Hostile records, generated here, built beside the bundled example by the real CLI: each
 * fails alone with its diagnostic where it passes a bound, never an internal error, and the
 * example is still written. Before the bounds these took from seconds to minutes each (5,000
 * nested list items ~6 s, `*a` × 20,000 ~5 s, 13 MB ~170 s) or overflowed the stack (as 50,000
 * nested `- ` in the front-matter, 100 KB, did until it had a bound); the
 * whole build's bound below is generous for a slow machine and far short of a quadratic path.
 */
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject, type CliResult, type TempProject } from '../helpers/cli.js';

const FRONT = (title: string, extra = ''): string =>
  `---\ntitle: ${title}\ndate: 2020-01-01\nhosts:\n  - the All-Party Parliamentary Human Rights Group (PHRG)\n${extra}---\n\n`;

const HUGE = FRONT('Huge') + '- Mining operations have been the source of constant conflict. (PHRG)\n'.repeat(200_000);
const HUGE_SIZE = Buffer.byteLength(HUGE).toLocaleString('en-GB');

const HOSTILE: Record<string, { text: string; rule: string; line: number; column: number; message: RegExp }> = {
  'nested-lists': { text: FRONT('Lists') + `${'- '.repeat(5000)}a\n`, rule: 'too-complex', line: 8, column: 41, message: /nested more than 20 deep/ },
  'indented-lists': {
    text: FRONT('Indented') + Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'),
    rule: 'too-complex',
    line: 28,
    column: 41,
    message: /nested more than 20 deep/,
  },
  'nested-quotes': { text: FRONT('Quotes') + `${'>'.repeat(20_000)} a\n`, rule: 'too-complex', line: 8, column: 21, message: /nested more than 20 deep/ },
  emphasis: { text: FRONT('Emphasis') + `${'*a'.repeat(20_000)}\n`, rule: 'too-complex', line: 8, column: 1001, message: /501 in this paragraph/ },
  brackets: { text: FRONT('Brackets') + `${'['.repeat(20_000)}a\n`, rule: 'too-complex', line: 8, column: 501, message: /too many brackets/ },
  intro: { text: FRONT('Intro', `intro: "${'*a'.repeat(1000)}"\n`), rule: 'too-complex', line: 6, column: 8, message: /^intro: too many emphasis marks/ },
  'yaml-dashes': {
    text: FRONT('Dashes', `tags:\n  ${'- '.repeat(50_000)}a\n`),
    rule: 'too-complex',
    line: 7,
    column: 67,
    message: /^the front-matter nests lists and mappings more than 32 deep here/,
  },
  'yaml-brackets': {
    text: FRONT('Brackets', `tags: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`),
    rule: 'too-complex',
    line: 6,
    column: 38,
    message: /^the front-matter nests lists and mappings more than 32 deep here/,
  },
  'yaml-indented': {
    text: FRONT('Indented', `tags:\n${Array.from({ length: 700 }, (_, i) => `${' '.repeat(i + 1)}k:\n`).join('')}`),
    rule: 'too-complex',
    line: 38,
    column: 33,
    message: /^the front-matter nests lists and mappings more than 32 deep here/,
  },
  huge: {
    text: HUGE,
    rule: 'too-large',
    line: 1,
    column: 1,
    message: new RegExp(`^the record is ${HUGE_SIZE} bytes \\(13\\.\\d MiB\\), more than the 262,144 bytes \\(256 KiB\\) a record may be`),
  },
};

/** Records just inside the bounds, which must build in every format (the PDF's list layout once took 2^depth). */
const INSIDE: Record<string, string> = {
  'deep-inside': FRONT('Deep') + `${'- '.repeat(20)}a point\n`.repeat(10),
  'quotes-inside': FRONT('Quotes') + `${'> '.repeat(20)}a point\n`.repeat(10),
  'marks-inside': FRONT('Marks') + `${'*'.repeat(250)}a${'*'.repeat(249)}\n\n${'[a] '.repeat(200)}\n`,
  // One word of 100,000 characters: the PDF breaks it between characters, in linear time (it
  // once measured the whole word for every line: minutes).
  'long-word': FRONT('Word') + `- ${'x'.repeat(100_000)}\n`,
  // A title of 5,000 words, fitted to the PDF's running header (once: minutes).
  'long-title': FRONT('word '.repeat(5_000).trim()) + '- A point.\n',
  // A tag and a name far longer than a file's name may be: their pages get a bounded name (the
  // build once failed as a whole, ENAMETOOLONG).
  'long-names': FRONT('Names', `tags:\n  - ${'x'.repeat(300)}\nspeakers:\n  - name: ${'Name '.repeat(2_000).trim()}\n    key: NN\n`) + '- A point. (NN)\n',
};

interface Reported {
  file: string;
  rule: string;
  line: number;
  column: number;
  message: string;
}

describe('hostile records in a build', () => {
  let project: TempProject;
  let result: CliResult;
  let seconds: number;

  beforeAll(async () => {
    project = tempProject({ withExample: true });
    for (const [name, { text }] of Object.entries(HOSTILE)) project.write(`meetings/2020-01-01-${name}.md`, text);
    // Named for their day, as a record is (date-mismatch would say otherwise).
    for (const [name, text] of Object.entries(INSIDE)) project.write(`meetings/2020-01-02-${name}.md`, text.replace('date: 2020-01-01', 'date: 2020-01-02'));
    const started = process.hrtime.bigint();
    result = await runCli(['build', '--format', 'html,pdf,json', '--reporter', 'json'], project.dir);
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
  }, 120_000);
  afterAll(() => project.remove());

  it('reports each with its own diagnostic where the bound is passed, and no internal error', () => {
    expect(result.code).toBe(1);
    const reported = JSON.parse(result.stdout) as Reported[];
    // Records just inside the bounds pass; the PDF may say it stopped indenting their deepest levels.
    expect(reported.filter((d) => d.rule === 'internal-error' || (d.file.includes('2020-01-02-') && d.rule !== 'pdf-layout'))).toEqual([]);
    for (const [name, expected] of Object.entries(HOSTILE)) {
      const mine = reported.filter((d) => d.file.endsWith(`2020-01-01-${name}.md`) && d.rule.startsWith('too-'));
      expect(mine, name).toHaveLength(1);
      expect(mine[0], name).toMatchObject({ rule: expected.rule, line: expected.line, column: expected.column });
      expect(mine[0]!.message, name).toMatch(expected.message);
    }
  });

  it('writes the other records of the same build, those just inside the bounds too', () => {
    for (const ext of ['html', 'pdf', 'json']) {
      expect(existsSync(project.path('dist', `2016-11-07-peru.${ext}`))).toBe(true);
      for (const name of Object.keys(INSIDE)) expect(existsSync(project.path('dist', `2020-01-02-${name}.${ext}`)), name).toBe(true);
    }
    expect(existsSync(project.path('dist', 'index.html'))).toBe(true);
    const long = (folder: string): string[] => readdirSync(project.path('dist', folder)).filter((name) => name.length > 100);
    expect(long('tags')).toEqual([expect.stringMatching(/^x+-[0-9a-f]{8}\.html$/)]);
    expect(long('people')).toEqual([expect.stringMatching(/^name-name-[a-z-]+-[0-9a-f]{8}\.html$/)]);
    for (const name of Object.keys(HOSTILE)) expect(existsSync(project.path('dist', `2020-01-01-${name}.html`))).toBe(false);
  });

  it('takes far less than any quadratic path would', () => {
    expect(seconds).toBeLessThan(60);
  });
});

describe('limits.recordSize in phrg-brief.yaml', () => {
  it('refuses a record over the limit set, and builds the rest', async () => {
    const project = tempProject({ withExample: true });
    try {
      project.write('phrg-brief.yaml', 'limits:\n  recordSize: 8000\n');
      project.write('meetings/2020-01-01-long.md', FRONT('Long') + 'A point made at some length, for the test. (PHRG)\n\n'.repeat(200));
      const result = await runCli(['build', '--format', 'html', '--reporter', 'json'], project.dir);
      expect(result.code).toBe(1);
      const reported = JSON.parse(result.stdout) as Reported[];
      expect(reported.map((d) => `${d.rule} ${d.line}:${d.column} ${d.message}`)).toContainEqual(
        expect.stringMatching(/^too-large 1:1 the record is 10,\d{3} bytes \(10 KiB\), more than the 8,000 bytes a record may be/),
      );
      expect(existsSync(project.path('dist', '2016-11-07-peru.html'))).toBe(true);
    } finally {
      project.remove();
    }
  }, 60_000);
});
