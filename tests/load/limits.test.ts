import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_MARKS, MAX_NESTING, markdownLimitProblem, recordSizeProblem } from '../../src/load/limits.js';
import { REPO } from '../helpers/cli.js';

/** The line and column (1-based) of a problem's start, and its message. */
function at(text: string): string | undefined {
  const problem = markdownLimitProblem(text);
  if (!problem) return undefined;
  const before = text.slice(0, problem.start);
  const line = before.split('\n').length;
  return `${line}:${problem.start - before.lastIndexOf('\n')} ${problem.message}`;
}

function records(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    // isFile: not rules/read-error's link to nowhere.
    entry.isDirectory() ? records(join(dir, entry.name)) : entry.isFile() && entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
}

describe('nesting of lists and block quotes', () => {
  it(`allows ${MAX_NESTING} levels and refuses the next, at its marker`, () => {
    expect(at(`${'- '.repeat(MAX_NESTING)}a\n`)).toBeUndefined();
    expect(at(`${'- '.repeat(MAX_NESTING + 1)}a\n`)).toMatch(
      new RegExp(`^1:${2 * MAX_NESTING + 1} lists and block quotes nested more than ${MAX_NESTING} deep`),
    );
    expect(at(`${'>'.repeat(MAX_NESTING + 1)} a\n`)).toMatch(new RegExp(`^1:${MAX_NESTING + 1} lists and block quotes`));
    expect(at(`${'> 1. '.repeat(11)}a\n`)).toMatch(/^1:51 lists and block quotes/);
  });

  it('counts the levels an indented item continues, on the line that passes the limit', () => {
    const lines = (n: number): string => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- point ${i}`).join('\n');
    expect(at(lines(MAX_NESTING))).toBeUndefined();
    expect(at(lines(5000))).toMatch(new RegExp(`^${MAX_NESTING + 1}:${2 * MAX_NESTING + 1} lists and block quotes nested more than`));
  });

  it('bounds the lines kept deep, lazy continuations included', () => {
    const deep = `${'- '.repeat(MAX_NESTING)}a\n`;
    expect(at(deep.repeat(50))).toBeUndefined();
    expect(at(deep.repeat(60))).toMatch(/^51:1 lists and block quotes nested 20 deep for too many lines/);
    expect(at(`${deep}${'lazy text\n'.repeat(100)}`)).toMatch(/^51:1 .* for too many lines/);
    // Two deep for thousands of lines is a long real list; a blank line closes what is open.
    expect(at('- point\n  - sub-point\n'.repeat(2000))).toBeUndefined();
    expect(at(`${deep}\n${'plain text\n'.repeat(5000)}`)).toBeUndefined();
  });

  it('takes a thematic break of spaced markers for what it is', () => {
    expect(at(`text\n\n${'- '.repeat(100)}\n\n${'* '.repeat(100)}\n`)).toBeUndefined();
  });
});

describe('emphasis marks and brackets', () => {
  it(`allows ${MAX_MARKS} in a paragraph and refuses the next, where it stands`, () => {
    expect(at(`${'*a'.repeat(MAX_MARKS)}\n`)).toBeUndefined();
    expect(at('*a'.repeat(20_000))).toMatch(/^1:1001 too many emphasis marks \(\* and _\): 501 in this paragraph, more than the 500 phrg-brief parses in one$/);
    expect(at(`text\n${'_a\n'.repeat(20_000)}`)).toMatch(/^502:1 too many emphasis marks/);
    expect(at('['.repeat(20_000))).toMatch(/^1:501 too many brackets \(\[ and \]\): 501/);
    expect(at('[a]('.repeat(10_000))).toMatch(/^1:1001 too many brackets/);
  });

  it('counts each paragraph and list item afresh, within a budget for the record', () => {
    const paragraph = `${'*a* '.repeat(50)}\n\n`; // 100 marks
    expect(at(paragraph.repeat(25))).toBeUndefined();
    expect(at(paragraph.repeat(26))).toMatch(/^51:1 too many emphasis marks \(\* and _\) in this record's paragraphs/);
    expect(at('- **Label:** a point with _one_ stressed word.\n'.repeat(2000))).toBeUndefined();
  });
});

describe('the records we have', () => {
  it('are all far inside every bound', () => {
    // Apart from the records made to pass them, the too-complex rule's fixtures.
    const tooComplex = join(REPO, 'tests', 'fixtures', 'rules', 'too-complex');
    const files = [...records(join(REPO, 'tests', 'fixtures')), ...records(join(REPO, 'meetings'))].filter((file) => !file.startsWith(tooComplex));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(markdownLimitProblem(readFileSync(file, 'utf8')), file).toBeUndefined();
  });
});

describe('record size', () => {
  it('refuses a record over the limit, saying how to raise it', () => {
    expect(recordSizeProblem(1000, 1000)).toBeUndefined();
    expect(recordSizeProblem(13_600_000, 256 * 1024)?.message).toBe(
      'the record is 13,600,000 bytes (13.0 MiB), more than the 262,144 bytes (256 KiB) a record may be: it was not read further',
    );
    expect(recordSizeProblem(2000, 1000)?.note).toMatch(/limits\.recordSize/);
  });
});
