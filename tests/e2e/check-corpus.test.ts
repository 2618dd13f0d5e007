/**
 * `check` through the real CLI on a few of the rules' bad records (tests/fixtures/rules/): the
 * exit code, the json report on stdout and the summary on stderr, each exactly what the
 * in-process check prints (tests/validate/rules/corpus.test.ts checks every record that way).
 * One record with an error, one with errors of two rules, one with a warning (exit 0, and 1
 * under --strict), one checked under its folder's phrg-brief.yaml, and the good records.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths, type CheckCommandOptions } from '../../src/cli/check.js';
import { collectOutput } from '../../src/cli/output.js';
import { FIXTURES, REPO, runCli } from '../helpers/cli.js';

const RULES = join('tests', 'fixtures', 'rules');

/** What the check command's own code prints in-process for the same paths and options. */
async function inProcess(paths: string[], cwd: string, options: CheckCommandOptions) {
  const out = collectOutput();
  const code = await checkPaths(paths, cwd, options, out);
  return { code, stdout: out.printed.stdout, stderr: out.printed.stderr };
}

describe('phrg-brief check --reporter json on bad records', () => {
  it.concurrent.each([
    ['an error', [join(RULES, 'schema', 'ambiguous-date.md')], [], 1, ['schema@3:7']],
    ['errors of two rules', [join(RULES, 'several-rules', 'yaml-error-and-html.md')], [], 1, ['yaml-syntax@', 'raw-html@']],
    ['a warning', [join(RULES, 'unbalanced-quotes', 'unbalanced-curly-quote.md')], [], 0, ['unbalanced-quotes@']],
    ['a warning, under --strict', [join(RULES, 'unbalanced-quotes', 'unbalanced-curly-quote.md')], ['--strict'], 1, ['unbalanced-quotes@']],
    ['two records at once', [join(RULES, 'schema', 'ambiguous-date.md'), join(RULES, 'unknown-speaker')], [], 1, ['schema@3:7', 'unknown-speaker@']],
  ] as const)('%s: the exit code and output the in-process check gives', async (_name, paths, flags, code, rules) => {
    const cli = await runCli(['check', '--reporter', 'json', ...flags, ...paths], REPO);
    expect(cli.code).toBe(code);
    const reported = (JSON.parse(cli.stdout) as { file: string; rule: string; line: number; column: number }[]).map((d) => `${d.rule}@${d.line}:${d.column}`);
    for (const rule of rules)
      expect(
        reported.some((d) => d.startsWith(rule)),
        rule,
      ).toBe(true);
    for (const d of JSON.parse(cli.stdout) as { file: string }[]) expect(paths.some((path) => d.file.startsWith(path))).toBe(true);
    expect(cli.stderr).toMatch(/^\d+ errors?, \d+ warnings?\n$/);
    expect(cli).toEqual(await inProcess([...paths], REPO, { reporter: 'json', strict: flags.length > 0 }));
  });

  it('takes the limits of the phrg-brief.yaml where it runs', async () => {
    const folder = join(FIXTURES, 'rules', 'too-large');
    const cli = await runCli(['check', '--reporter', 'json', 'over-the-limit.md'], folder);
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stdout)).toEqual([expect.objectContaining({ file: 'over-the-limit.md', rule: 'too-large', line: 1, column: 1 })]);
    expect(cli).toEqual(await inProcess(['over-the-limit.md'], folder, { reporter: 'json' }));
  });
});

describe('phrg-brief check on good records', () => {
  it('finds no diagnostics at all', async () => {
    const result = await runCli(['check', '--reporter', 'json', '--strict', 'meetings', join('tests', 'fixtures', 'records', 'ok')], REPO);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
