/** Two records that would write the same files: check reports the later, as the build does. */
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

describe('duplicate-slug', () => {
  it('is reported by check on the later record, as the build reports it, and not for a draft', async () => {
    project = tempProject({ withExample: true });
    const later = PERU.replace('date: 2016-11-07', 'date: 2016-11-08\nslug: 2016-11-07-peru');
    project.write('meetings/2016-11-08-again.md', later);
    const out = collectOutput();
    expect(await checkPaths(['meetings'], project.dir, { reporter: 'json' }, out)).toBe(1);
    const clashes = (JSON.parse(out.printed.stdout) as Diagnostic[]).filter((d) => d.rule === 'duplicate-slug');
    // On the line that gives the slug, key to value (line 4: after `---`, the title and the date).
    expect(clashes).toEqual([
      expect.objectContaining({
        file: join('meetings', '2016-11-08-again.md'),
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 22,
        message: `the output name 2016-11-07-peru is already taken by ${join('meetings', '2016-11-07-peru.md')}`,
      }),
    ]);
    const built = await buildHere(project.dir, { formats: ['json'] });
    const where = (d: Diagnostic) => [d.file, d.line, d.column, d.endLine, d.endColumn, d.message];
    expect(built.diagnostics.filter((d) => d.rule === 'duplicate-slug').map(where)).toEqual(clashes.map(where));

    project.write('meetings/2016-11-08-again.md', later.replace('---\n', '---\ndraft: true\n'));
    expect(await checkPaths(['meetings'], project.dir, { reporter: 'json' }, collectOutput())).toBe(0);
  });

  it('is placed on the slug line of a published record that an earlier one takes the name from, and at the top of one whose name is its file name', async () => {
    project = tempProject({ withExample: true });
    expect((await buildHere(project.dir, { formats: ['json'] })).ok).toBe(true);
    // A record earlier in file order now claims the published Peru record's name.
    project.write('meetings/2016-11-06-earlier.md', PERU.replace('date: 2016-11-07', 'date: 2016-11-06\nslug: 2016-11-07-peru'));
    const built = await buildHere(project.dir, { formats: ['json'] });
    const clash = built.diagnostics.filter((d) => d.rule === 'duplicate-slug');
    // Its name comes from its file name: the clash is at the top, over the opening `---`.
    expect(clash.map((d) => [d.file, d.line, d.column, d.endColumn])).toEqual([[join('meetings', '2016-11-07-peru.md'), 1, 1, 4]]);
    // Given by `slug:` instead, that line is shown.
    project.write('meetings/2016-11-07-peru.md', PERU.replace('date: 2016-11-07', 'date: 2016-11-07\nslug: "2016-11-07-peru"  # as published'));
    const again = await buildHere(project.dir, { formats: ['json'] });
    expect(again.diagnostics.filter((d) => d.rule === 'duplicate-slug').map((d) => [d.file, d.line, d.column, d.endColumn])).toEqual([
      [join('meetings', '2016-11-07-peru.md'), 4, 1, 24],
    ]);
  });
});
