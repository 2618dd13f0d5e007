/** Two records that would write the same files: check reports the later, as the build does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/cli/check.js';
import { collectOutput } from '../../src/cli/output.js';
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
    const clashes = (JSON.parse(out.printed.stdout) as { file: string; rule: string; message: string }[]).filter((d) => d.rule === 'duplicate-slug');
    expect(clashes).toEqual([
      expect.objectContaining({
        file: join('meetings', '2016-11-08-again.md'),
        message: `the output name 2016-11-07-peru is already taken by ${join('meetings', '2016-11-07-peru.md')}`,
      }),
    ]);
    const built = await buildHere(project.dir, { formats: ['json'] });
    expect(built.diagnostics.filter((d) => d.rule === 'duplicate-slug').map((d) => [d.file, d.message])).toEqual(clashes.map((d) => [d.file, d.message]));

    project.write('meetings/2016-11-08-again.md', later.replace('---\n', '---\ndraft: true\n'));
    expect(await checkPaths(['meetings'], project.dir, { reporter: 'json' }, collectOutput())).toBe(0);
  });
});
