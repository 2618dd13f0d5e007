/**
 * The corpus of bad records, each checked by the real CLI with the json reporter: exit 1 and
 * exactly the expected diagnostics (rule, line, column, severity), nothing on stderr but the
 * summary. Warning-only records exit 0, and 1 under --strict.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, runCli } from '../helpers/cli.js';

interface Expected {
  rule: string;
  severity: string;
  line: number;
  column: number;
  note?: string;
}

interface Reported extends Expected {
  file: string;
  endLine: number;
  endColumn: number;
  message: string;
}

function corpus(folder: string): [string, Expected[]][] {
  const dir = join(FIXTURES, 'records', folder);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected[]>;
  const files = readdirSync(dir).filter((name) => name.endsWith('.md'));
  expect(Object.keys(expected).sort()).toEqual(files.sort());
  return Object.entries(expected);
}

async function check(folder: string, name: string, ...flags: string[]) {
  const file = join('tests', 'fixtures', 'records', folder, name);
  const result = await runCli(['check', '--reporter', 'json', ...flags, file], REPO);
  const reported = JSON.parse(result.stdout) as Reported[];
  return { result, reported, file };
}

const shape = (d: Expected) => ({ rule: d.rule, severity: d.severity, line: d.line, column: d.column });

describe('bad records', () => {
  const cases = corpus('not-ok');

  it('are at least thirty', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.concurrent.each(cases)('%s', async (name, expected) => {
    const { result, reported, file } = await check('not-ok', name);
    expect(result.code).toBe(1);
    expect(reported.map(shape)).toEqual(expected.map(shape));
    for (const [i, want] of expected.entries()) {
      if (want.note) expect(reported[i]!.note).toBe(want.note);
    }
    for (const d of reported) {
      expect(d.file).toBe(file);
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
    }
    const errors = expected.filter((d) => d.severity === 'error').length;
    const warnings = expected.length - errors;
    expect(result.stderr).toBe(`${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}\n`);
  });
});

describe('records with slips that are warnings', () => {
  it.concurrent.each(corpus('warn'))('%s', async (name, expected) => {
    const { result, reported } = await check('warn', name);
    expect(result.code).toBe(0);
    expect(reported.map(shape)).toEqual(expected.map(shape));
    for (const [i, want] of expected.entries()) {
      if (want.note) expect(reported[i]!.note).toBe(want.note);
    }
    const strict = await check('warn', name, '--strict');
    expect(strict.result.code).toBe(1);
  });
});

describe('good records', () => {
  it('have no diagnostics at all', async () => {
    const result = await runCli(['check', '--reporter', 'json', 'meetings', join('tests', 'fixtures', 'records', 'ok')], REPO);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
