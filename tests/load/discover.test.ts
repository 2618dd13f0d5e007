/** Finding records in the folders named: what is a record, and a file named as one that is not. */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverRecords, hasRecords } from '../../src/load/discover.js';
import { tempProject, type TempProject } from '../helpers/cli.js';

let project: TempProject;
afterEach(() => project?.remove());

describe('discoverRecords', () => {
  it('finds .md records, and warns of files named as records but for their ending, which it does not read', async () => {
    project = tempProject();
    for (const name of [
      '2026-01-04-a.md',
      '2026-01-05-b.md.txt',
      '2026-01-06-c.MD',
      '2026-01-07-d.markdown',
      '2026-01-08-e.docx',
      'README.md',
      'notes.txt',
      '.drafts/2026-01-09-f.md.txt',
    ])
      project.write(`meetings/${name}`, '');
    const found = await discoverRecords(['meetings'], project.dir);
    expect(found.files).toEqual([project.path('meetings', '2026-01-04-a.md')]);
    expect(found.diagnostics.map((d) => [d.file, d.severity, d.rule])).toEqual(
      ['2026-01-05-b.md.txt', '2026-01-06-c.MD', '2026-01-07-d.markdown', '2026-01-08-e.docx'].map((name) => [
        join('meetings', name),
        'warning',
        'skipped-file',
      ]),
    );
  });

  it('reads a record linked in from elsewhere, and warns of a link to nothing and of one that loops', async () => {
    project = tempProject();
    project.write('shared/kept.md', '');
    project.write('meetings/2026-01-04-a.md', '');
    symlinkSync('../shared/kept.md', project.path('meetings', '2026-01-05-linked.md'));
    symlinkSync('gone.md', project.path('meetings', '2026-01-06-gone.md'));
    symlinkSync('2026-01-07-loop.md', project.path('meetings', '2026-01-07-loop.md'));
    const found = await discoverRecords(['meetings'], project.dir);
    expect(found.files).toEqual([project.path('meetings', '2026-01-04-a.md'), project.path('meetings', '2026-01-05-linked.md')]);
    expect(found.diagnostics.map((d) => [d.file, d.severity, d.message])).toEqual([
      [join('meetings', '2026-01-06-gone.md'), 'warning', 'this record is not read: it is a symbolic link to a file that is not there'],
      [join('meetings', '2026-01-07-loop.md'), 'warning', 'this record is not read: it is a symbolic link that leads round in a loop'],
    ]);
    // A link to a record read already would publish it twice.
    symlinkSync('2026-01-04-a.md', project.path('meetings', '2026-01-08-latest.md'));
    const twice = await discoverRecords(['meetings'], project.dir);
    expect(twice.files).toEqual(found.files);
    expect(twice.diagnostics.map((d) => d.message)).toContain('this link is not read: it leads to 2026-01-04-a.md, a record read already');
    // A folder with nothing but a link to a record has a record.
    const only = tempProject();
    try {
      only.write('kept/2026-01-09-b.md', '');
      mkdirSync(only.path('meetings'));
      symlinkSync('../kept/2026-01-09-b.md', only.path('meetings', '2026-01-09-b.md'));
      expect(await hasRecords(['meetings'], only.dir)).toBe(true);
    } finally {
      only.remove();
    }
    // Named alone, a link that loops is said to be one, not a path that is not there.
    const named = await discoverRecords(['meetings/2026-01-07-loop.md'], project.dir);
    expect(named.diagnostics.map((d) => d.message)).toEqual(['it is a symbolic link that leads round in a loop']);
  });

  it('reads a folder of records linked in from elsewhere, once, and a link round to a folder above is no loop without end', async () => {
    project = tempProject();
    project.write('old 2019/2019-05-05-peru.md', '');
    project.write('old 2019/nested/2019-06-01-b.md', '');
    project.write('meetings/2026-01-04-a.md', '');
    symlinkSync('../old 2019', project.path('meetings', '2019'));
    symlinkSync('../old 2019', project.path('meetings', 'again')); // the same folder, read once
    symlinkSync('..', project.path('meetings', 'up')); // leads round to the records' folder's parent
    symlinkSync('/', project.path('meetings', 'root')); // would read the whole file system
    const found = await discoverRecords(['meetings'], project.dir);
    const expected = [
      project.path('meetings', '2019', '2019-05-05-peru.md'),
      project.path('meetings', '2019', 'nested', '2019-06-01-b.md'),
      project.path('meetings', '2026-01-04-a.md'),
    ];
    expect(found.files).toEqual(expected);
    // The folder a link leads to, named beside the records' folder, is read once, as named.
    const named = (await discoverRecords(['meetings', 'old 2019'], project.dir)).files;
    expect((await discoverRecords(['old 2019', 'meetings'], project.dir)).files).toEqual(named);
    expect(named).toEqual([
      project.path('meetings', '2026-01-04-a.md'),
      project.path('old 2019', '2019-05-05-peru.md'),
      project.path('old 2019', 'nested', '2019-06-01-b.md'),
    ]);
    // A link to a folder that holds one linked already: its own records are read too, each once.
    symlinkSync(join('..', 'old 2019', 'nested'), project.path('meetings', '0-nested'));
    expect((await discoverRecords(['meetings'], project.dir)).files).toEqual([
      project.path('meetings', '0-nested', '2019-06-01-b.md'),
      project.path('meetings', '2019', '2019-05-05-peru.md'),
      project.path('meetings', '2026-01-04-a.md'),
    ]);
    // A folder of records that holds only such a link has records.
    const only = tempProject();
    try {
      only.write('kept/2026-01-09-b.md', '');
      mkdirSync(only.path('meetings'));
      symlinkSync('../kept', only.path('meetings', 'kept'));
      symlinkSync('..', only.path('meetings', 'up'));
      symlinkSync('/', only.path('meetings', 'root'));
      expect(await hasRecords(['meetings'], only.dir)).toBe(true);
      only.remove();
      mkdirSync(only.path('meetings'), { recursive: true });
      symlinkSync('..', only.path('meetings', 'up'));
      symlinkSync('/', only.path('meetings', 'root'));
      expect(await hasRecords(['meetings'], only.dir)).toBe(false);
    } finally {
      only.remove();
    }
  });
});
