/**
 * Each check's bad records sit in tests/fixtures/rules/<rule-id>/ beside that folder's
 * expected.json (record → the diagnostics `check --reporter json` must print: rule, severity,
 * line, column, and the note where it matters); records that show several rules at once are in
 * several-rules/. A folder may hold a phrg-brief.yaml its records are checked under (too-large's
 * small limit). Checked in-process by the check command's own code (`checkPaths`, run from the
 * record's folder as `cd <folder> && phrg-brief check --reporter json <record>` would):
 * tests/e2e/check-corpus.test.ts shows the real CLI prints the same. Records with an error exit
 * 1; records with warnings only exit 0, and 1 under --strict. Every check a record can show has
 * a folder, so a new rule without fixtures fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../../src/cli/check.js';
import { collectOutput } from '../../../src/cli/output.js';
import { RULE_IDS } from '../../../src/validate/rules/index.js';
import { FIXTURES, REPO } from '../../helpers/cli.js';

const RULES_FOLDER = join(FIXTURES, 'rules');
const SEVERAL = 'several-rules';

/**
 * Checks no single record can show under `check`, each with the test that shows it instead and
 * words that test asserts: they need two records, or come from a build (a PDF, the search index, the
 * output folder) or from a failure of phrg-brief itself.
 */
const SHOWN_ELSEWHERE: Record<string, [test: string, asserts: string]> = {
  'duplicate-slug': ['tests/validate/slug-clash.test.ts', 'already taken by'],
  'missing-glyph': ['tests/e2e/pdf.test.ts', "'missing-glyph'"],
  'name-variant': ['tests/site/name-variants.test.ts', 'the newest record naming them'],
  'pdf-layout': ['tests/render/pdf/pdf-ua.test.ts', "'pdf-layout'"],
  'search-index': ['tests/site/search-index.test.ts', 'the search index could not be made'],
  'skipped-file': ['tests/load/discover.test.ts', "'skipped-file'"],
  template: ['tests/compose/templates.test.ts', "rule: 'template'"],
  usage: ['tests/site/incremental.test.ts', 'the output folder holds records'],
  'write-error': ['tests/site/site-files.test.ts', "'write-error'"],
  'internal-error': ['tests/diagnostics/reporters/reporters.test.ts', "rule: 'internal-error'"],
};

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

const folders = readdirSync(RULES_FOLDER).sort();
const expectedIn = (folder: string) => JSON.parse(readFileSync(join(RULES_FOLDER, folder, 'expected.json'), 'utf8')) as Record<string, Expected[]>;
const cases = folders.flatMap((folder) => Object.entries(expectedIn(folder)).map(([name, expected]) => [`${folder}/${name}`, folder, name, expected] as const));

/** What `check --reporter json` prints and returns for one record, run from its folder. */
async function check(folder: string, name: string, strict = false) {
  const out = collectOutput();
  const code = await checkPaths([name], join(RULES_FOLDER, folder), { reporter: 'json', strict }, out);
  return { code, reported: JSON.parse(out.printed.stdout) as Reported[], stderr: out.printed.stderr };
}

const shape = (d: Expected) => ({ rule: d.rule, severity: d.severity, line: d.line, column: d.column });

describe('the fixtures of each rule', () => {
  it('are a folder per check id, each record listed in its expected.json', () => {
    for (const folder of folders) {
      expect([...RULE_IDS, SEVERAL], folder).toContain(folder);
      const records = readdirSync(join(RULES_FOLDER, folder)).filter((name) => name.endsWith('.md'));
      expect(Object.keys(expectedIn(folder)).sort(), folder).toEqual(records.sort());
    }
  });

  it('cover every check a record can show; the others are shown by the test named', () => {
    for (const id of RULE_IDS) {
      if (folders.includes(id)) {
        expect(SHOWN_ELSEWHERE[id], `${id} has fixtures; take it off SHOWN_ELSEWHERE`).toBeUndefined();
        continue;
      }
      const elsewhere = SHOWN_ELSEWHERE[id];
      expect(elsewhere, `add tests/fixtures/rules/${id}/ with a record that shows ${id} and its expected.json`).toBeDefined();
      const [test, asserts] = elsewhere!;
      expect(readFileSync(join(REPO, test), 'utf8'), `${test} shows ${id}`).toContain(asserts);
    }
  });

  it('show the rule of their folder (several in several-rules/), errors in at least thirty records', () => {
    for (const [label, folder, , expected] of cases) {
      const rules = new Set(expected.map((d) => d.rule));
      if (folder === SEVERAL) expect(rules.size, label).toBeGreaterThan(1);
      else expect([...rules], label).toContain(folder);
    }
    expect(cases.filter(([, , , expected]) => expected.some((d) => d.severity === 'error')).length).toBeGreaterThanOrEqual(30);
  });
});

describe('check on each bad record', () => {
  it.each(cases)('%s', async (_label, folder, name, expected) => {
    const { code, reported, stderr } = await check(folder, name);
    const errors = expected.filter((d) => d.severity === 'error').length;
    const warnings = expected.length - errors;
    expect(code).toBe(errors > 0 ? 1 : 0);
    expect(reported.map(shape)).toEqual(expected.map(shape));
    for (const [i, want] of expected.entries()) {
      if (want.note) expect(reported[i]!.note).toBe(want.note);
    }
    for (const d of reported) {
      expect(d.file).toBe(name);
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
    }
    expect(stderr).toBe(`${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}\n`);
    if (errors === 0) expect((await check(folder, name, true)).code, '--strict').toBe(1);
  });
});

describe('good records', () => {
  it('have no diagnostics at all', async () => {
    const out = collectOutput();
    const code = await checkPaths(['meetings', join('tests', 'fixtures', 'records', 'ok')], REPO, { reporter: 'json', strict: true }, out);
    expect(code).toBe(0);
    expect(JSON.parse(out.printed.stdout)).toEqual([]);
    expect(existsSync(join(REPO, 'tests', 'fixtures', 'records', 'ok'))).toBe(true);
  });
});
