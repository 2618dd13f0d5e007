/** Reporters are pure functions: their output is compared exactly, colour off. */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatGithub, fromWorkspace } from '../../../src/diagnostics/reporters/github.js';
import { formatJson } from '../../../src/diagnostics/reporters/json.js';
import { FRAME_WIDTH, formatPretty } from '../../../src/diagnostics/reporters/pretty.js';
import { summary } from '../../../src/diagnostics/reporters/summary.js';
import { internalError } from '../../../src/diagnostics/errors.js';

const SOURCE = '---\ntitle: T\ndate: 7/11/16\nhosts: [the PHRG]\n---\n\n- A point. (JCRP)\n';

const diagnostics: Diagnostic[] = [
  {
    file: 'meetings/a.md',
    line: 3,
    column: 7,
    endLine: 3,
    endColumn: 14,
    severity: 'error',
    rule: 'schema',
    message: 'the date "7/11/16" is ambiguous: write it as YYYY-MM-DD',
    note: 'did you mean 2016-11-07 (7 November 2016) or 2016-07-11 (11 July 2016)?',
  },
  {
    file: 'meetings/a.md',
    line: 7,
    column: 14,
    endLine: 7,
    endColumn: 18,
    severity: 'warning',
    rule: 'unknown-speaker',
    message: 'no speaker, key: JCRP, 100% unknown',
  },
];

describe('pretty', () => {
  it('prints place, severity, message and rule, a code frame with the span underlined, and the note', () => {
    const text = formatPretty(diagnostics, { color: false, sources: new Map([['meetings/a.md', SOURCE]]) });
    expect(text).toBe(
      [
        'meetings/a.md:3:7  error  the date "7/11/16" is ambiguous: write it as YYYY-MM-DD  schema',
        '    2 | title: T',
        '  > 3 | date: 7/11/16',
        '      |       ^^^^^^^',
        '    4 | hosts: [the PHRG]',
        '  note: did you mean 2016-11-07 (7 November 2016) or 2016-07-11 (11 July 2016)?',
        '',
        'meetings/a.md:7:14  warning  no speaker, key: JCRP, 100% unknown  unknown-speaker',
        '    6 |',
        '  > 7 | - A point. (JCRP)',
        '      |              ^^^^',
        '    8 |',
        '',
      ].join('\n'),
    );
  });

  it('prints no frame without the source, and no escape codes without colour', () => {
    const text = formatPretty(diagnostics.slice(0, 1), { color: false });
    expect(text.split('\n')).toHaveLength(3);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('shows the stack of phrg-brief’s own failure only with --debug, in place of the note', () => {
    const failure = internalError('meetings/a.md', new TypeError('x is undefined'));
    expect(failure).toMatchObject({ line: 1, column: 1, rule: 'internal-error', message: 'phrg-brief failed on this file: x is undefined' });
    const plain = formatPretty([failure], { color: false });
    expect(plain).toContain('note: run again with --debug for the stack trace');
    expect(plain).not.toContain('TypeError');
    const debug = formatPretty([failure], { color: false, debug: true });
    expect(debug).toMatch(/stack: TypeError: x is undefined\n\s+at /);
    expect(debug).not.toContain('run again with --debug');
    // Machine reporters never carry it: it is for whoever fixes phrg-brief.
    expect(formatJson([failure])).not.toContain('TypeError');
  });

  it('cuts a frame’s lines longer than FRAME_WIDTH to a window around the column, the caret still under its character', () => {
    const long = `${'['.repeat(50_000)}x${']'.repeat(50_000)}`;
    const text = `---\ntitle: T\n---\n\n${long}\n${'-'.repeat(FRAME_WIDTH + 100)}\n`;
    const at = (column: number, endColumn = column + 1): string =>
      formatPretty([{ ...diagnostics[0]!, line: 5, column, endLine: 5, endColumn }], { color: false, sources: new Map([['meetings/a.md', text]]) });
    const frame = at(50_001).split('\n').slice(1, 5);
    expect(frame.every((line) => line.length < FRAME_WIDTH + 20)).toBe(true);
    const [above, marked, caret, below] = frame as [string, string, string, string];
    expect(above).toBe('    4 |');
    expect(marked).toMatch(/^ {2}> 5 \| …\[+x\]+…$/);
    // The caret stands under the x, the character at column 50,001.
    expect(marked.charAt(caret.indexOf('^'))).toBe('x');
    expect(caret).toMatch(/^ {6}\| +\^$/);
    // Lines of the frame are cut alike (one shorter than the cut shows nothing); the line numbers stay the file’s.
    expect(below).toBe('    6 |');
    // A span past the window is underlined to its edge; one at the line's start has no … before it.
    expect(at(50_001, 90_000).split('\n')[3]).toMatch(new RegExp(`^ {6}\\| +\\^{${FRAME_WIDTH / 2},}$`));
    const atStart = at(1).split('\n');
    expect(atStart[2]).toMatch(new RegExp(`^ {2}> 5 \\| \\[{${FRAME_WIDTH}}…$`));
    expect(atStart[4]).toMatch(new RegExp(`^ {4}6 \\| -{${FRAME_WIDTH}}…$`));
  });

  it('shows a character no terminal shows, or one that reorders the line, by its code, the marks moved to match', () => {
    // A right-to-left override before the span, a soft hyphen inside it: the span, (A­B), is underlined whole.
    const text = '---\ntitle: T\n---\n\n- Said \u202Eso. (A\u00ADB)\n';
    const frame = formatPretty([{ ...diagnostics[1]!, line: 5, column: 13, endLine: 5, endColumn: 18 }], {
      color: false,
      sources: new Map([['meetings/a.md', text]]),
    }).split('\n');
    expect(frame[2]).toBe('  > 5 | - Said <U+202E>so. (A<U+00AD>B)');
    expect(frame[3]).toBe(`      | ${' '.repeat(frame[2]!.indexOf('(A') - 8)}${'^'.repeat('(A<U+00AD>B)'.length)}`);
    // A line separator, which the code frame would have broken the line at, is shown too: the lines after it stay the file's.
    const separated = formatPretty([{ ...diagnostics[1]!, line: 6, column: 3, endLine: 6, endColumn: 7 }], {
      color: false,
      sources: new Map([['meetings/a.md', '---\ntitle: T\n---\n\n- One\u2028two. (AB)\n- Next. (AB)\n']]),
    }).split('\n');
    expect(separated.slice(1, 4)).toEqual(['    5 | - One<U+2028>two. (AB)', '  > 6 | - Next. (AB)', '      |   ^^^^']);
    // Joiners that emoji and Persian are written with stay as they are.
    const joined = formatPretty([{ ...diagnostics[1]!, line: 1, column: 1, endLine: 1, endColumn: 2 }], {
      color: false,
      sources: new Map([['meetings/a.md', 'می\u200Cخواهم 👩\u200D💻\n']]),
    });
    expect(joined).toContain('می\u200Cخواهم 👩\u200D💻');
  });

  it('sends a terminal no control character of a record’s, in the frame, the file’s name, the message or the note', () => {
    // An escape that would erase the line above and print its own verdict, a title set over a form feed.
    const hostile = '\u001B[2K\u001B[1A\u0008';
    const shown = formatPretty(
      [
        {
          ...diagnostics[1]!,
          file: `meetings/a${hostile}.md`,
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 7,
          message: `unknown key ${hostile}`,
          note: `say ${hostile}`,
        },
      ],
      { color: false, sources: new Map([[`meetings/a${hostile}.md`, `---\ntitle: T\n---\n\n- Said ${hostile}ALL GOOD. (AB)\n`]]) },
    );
    expect(shown).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    const codes = '<U+001B>[2K<U+001B>[1A<U+0008>';
    expect(shown).toContain(`meetings/a${codes}.md:5:3`);
    expect(shown).toContain(`unknown key ${codes}`);
    expect(shown).toContain(`note: say ${codes}`);
    expect(shown).toContain(`> 5 | - Said ${codes}ALL GOOD. (AB)`);
    // A tab stays one: it moves the cursor on, and editors show it so.
    expect(formatPretty([{ ...diagnostics[1]!, message: 'a\tb' }], { color: false })).toContain('a\tb');
  });

  it('colours only when asked', () => {
    expect(formatPretty(diagnostics, { color: true })).toMatch(/\u001b\[31merror/);
  });

  it('counts errors and warnings', () => {
    expect(summary(diagnostics)).toBe('1 error, 1 warning');
    expect(summary([])).toBe('0 errors, 0 warnings');
    expect(summary([diagnostics[0]!, diagnostics[0]!])).toBe('2 errors, 0 warnings');
  });
});

describe('json', () => {
  it('is an array of the Diagnostic shape and nothing else', () => {
    const parsed = JSON.parse(formatJson(diagnostics)) as unknown[];
    expect(parsed).toEqual(diagnostics);
    expect(Object.keys(parsed[0] as object)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message', 'note']);
    expect(formatJson([])).toBe('[]\n');
  });
});

describe('github', () => {
  it('writes one workflow command per diagnostic, escaping as the runner expects', () => {
    expect(formatGithub(diagnostics)).toBe(
      '::error file=meetings/a.md,line=3,col=7,endLine=3,endColumn=14,title=schema::the date "7/11/16" is ambiguous: write it as YYYY-MM-DD (did you mean 2016-11-07 (7 November 2016) or 2016-07-11 (11 July 2016)?)\n' +
        '::warning file=meetings/a.md,line=7,col=14,endLine=7,endColumn=18,title=unknown-speaker::no speaker, key: JCRP, 100%25 unknown\n',
    );
  });

  it('names files from the repository’s root on a runner, for a project in a sub-folder of it', () => {
    const workspace = join(tmpdir(), 'repository');
    const named = fromWorkspace(diagnostics, workspace, join(workspace, 'briefings'));
    expect(formatGithub(named)).toMatch(/^::error file=briefings\/meetings\/a\.md,line=3,/);
    // A file outside the repository keeps its name.
    expect(fromWorkspace(diagnostics, join(workspace, 'elsewhere'), join(workspace, 'briefings')).map((d) => d.file)).toEqual(diagnostics.map((d) => d.file));
  });

  it('escapes commas and colons in properties, and line ends everywhere', () => {
    const odd: Diagnostic = { ...diagnostics[1]!, file: 'a,b:c.md', severity: 'info', message: 'two\nlines\r' };
    expect(formatGithub([odd])).toBe('::notice file=a%2Cb%3Ac.md,line=7,col=14,endLine=7,endColumn=18,title=unknown-speaker::two%0Alines%0D\n');
  });
});
