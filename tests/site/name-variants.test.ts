/** One person spelt two ways in two records: check names the page's spelling where the other is written. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/cli/check.js';
import { collectOutput } from '../../src/cli/output.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { REPO, tempProject, type TempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';

let project: TempProject;
afterEach(() => project?.remove());

const PERU = readFileSync(join(REPO, 'meetings', '2016-11-07-peru.md'), 'utf8');
const PERU_FILE = join('meetings', '2016-11-07-peru.md');
const LATER_FILE = join('meetings', '2018-03-01-peru-again.md');

async function check(...extra: string[]): Promise<{ code: number; variants: Diagnostic[] }> {
  const out = collectOutput();
  const code = await checkPaths(['meetings'], project.dir, { reporter: 'json', strict: extra.includes('--strict') }, out);
  return { code, variants: (JSON.parse(out.printed.stdout) as Diagnostic[]).filter((d) => d.rule === 'name-variant') };
}

describe('name-variant', () => {
  it('reports an older record’s spelling of a name the newest record spells otherwise, on its name, and the page takes the newest', async () => {
    project = tempProject({ withExample: true });
    // The newer record drops an accent-free name's case and adds an accent: one page each, as the build makes them.
    project.write(
      'meetings/2018-03-01-peru-again.md',
      PERU.replace('date: 2016-11-07', 'date: 2018-03-01')
        .replace('name: John Crabtree', 'name: John Crabtreé')
        .replace('name: Baroness Royall', 'name: baroness  royall'),
    );
    const { code, variants } = await check();
    expect(code).toBe(0); // a warning
    expect(variants.map((d) => [d.file, d.line, d.column, d.endColumn, d.severity, d.message])).toEqual([
      [PERU_FILE, 11, 9, 24, 'warning', `Baroness Royall is spelt baroness royall in ${LATER_FILE}, the newest record naming them`],
      [PERU_FILE, 19, 11, 24, 'warning', `John Crabtree is spelt John Crabtreé in ${LATER_FILE}, the newest record naming them`],
    ]);
    expect((await check('--strict')).code).toBe(1);

    // As the build names their one page.
    expect((await buildHere(project.dir, { formats: ['html'] })).ok).toBe(true);
    expect(readFileSync(project.path('dist', 'people', 'john-crabtree.html'), 'utf8')).toMatch(/<h1[^>]*>John Crabtreé</);
  });

  it('says nothing of one spelling, of a draft, or of two spellings within one record, and follows the rules setting', async () => {
    project = tempProject({ withExample: true });
    // The same names again, the chair given as a list: one spelling each.
    project.write(
      'meetings/2018-03-01-peru-again.md',
      PERU.replace('date: 2016-11-07', 'date: 2018-03-01').replace(/chair:\n {2}name: (.*)\n {2}role: (.*)\n/, 'chair:\n  - name: $1\n    role: $2\n'),
    );
    expect((await check()).variants).toEqual([]);
    // A draft's spelling is on no page.
    project.write(
      'meetings/2019-01-01-draft.md',
      PERU.replace('date: 2016-11-07', 'date: 2019-01-01\ndraft: true').replace('name: John Crabtree', 'name: John Crabtreé'),
    );
    expect((await check()).variants).toEqual([]);
    project.remove();

    // Within one record the words are inconsistent-name's to compare.
    project = tempProject({ withExample: true });
    project.write('meetings/2016-11-07-peru.md', PERU.replace('name: Baroness Royall', 'name: John Crabtreé'));
    expect((await check()).variants).toEqual([]);
    project.remove();

    // A chair given as a list in the newer record: the older record's spelling is reported.
    project = tempProject({ withExample: true });
    project.write(
      'meetings/2018-03-01-peru-again.md',
      PERU.replace('date: 2016-11-07', 'date: 2018-03-01').replace(/chair:\n {2}name: (.*)\n {2}role: (.*)\n/, 'chair:\n  - name: Baroness Royáll\n'),
    );
    const { variants } = await check();
    expect(variants.map((d) => [d.file, d.line, d.message])).toEqual([
      [PERU_FILE, 11, `Baroness Royall is spelt Baroness Royáll in ${LATER_FILE}, the newest record naming them`],
    ]);
    project.write('phrg-brief.yaml', 'rules:\n  name-variant: "off"\n');
    expect((await check()).variants).toEqual([]);
  });
});
