import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordResult } from '../../src/site/record-job.js';
import type { WriteFailure } from '../../src/site/settle-records.js';
import { WriteBehind } from '../../src/site/write-behind.js';
import { tempProject, type TempProject } from '../helpers/cli.js';

const result = (name: string, files: { name: string; data: string }[]): RecordResult => ({
  path: `/records/${name}.md`,
  file: `${name}.md`,
  diagnostics: [],
  files,
});

describe('the files of records rendered on this thread', () => {
  let project: TempProject;
  afterEach(() => project?.remove());

  it('are written whole and finished in the order the records came, whichever write ends first', async () => {
    project = tempProject();
    const finished: string[] = [];
    const sink = {
      claim: (record: RecordResult) => record.file !== 'refused.md',
      finish: (record: RecordResult, failure?: WriteFailure) => {
        // Finished only once its own files are there (a refused record has none to write).
        if (record.file !== 'refused.md') for (const file of record.files ?? []) expect(existsSync(project.path(file.name)), file.name).toBe(true);
        finished.push(`${record.file}${failure ? ' failed' : ''}`);
      },
    };
    const writes = new WriteBehind(project.dir, sink);
    // The first record's page is megabytes, the rest a few bytes: theirs are written first.
    await writes.add(result('large', [{ name: 'large.html', data: 'x'.repeat(8 << 20) }]));
    for (let i = 0; i < 40; i++)
      await writes.add(
        result(`small-${i}`, [
          { name: `small-${i}.html`, data: `<p>${i}</p>` },
          { name: `small-${i}.json`, data: `${i}` },
        ]),
      );
    await writes.add(result('refused', [{ name: 'refused.html', data: 'not written' }]));
    await writes.drain();
    expect(finished).toEqual(['large.md', ...Array.from({ length: 40 }, (_, i) => `small-${i}.md`), 'refused.md']);
    expect(readFileSync(project.path('small-7.html'), 'utf8')).toBe('<p>7</p>');
    expect(readFileSync(project.path('large.html')).length).toBe(8 << 20);
    expect(existsSync(project.path('refused.html'))).toBe(false);
    // Nothing half-written is left behind.
    expect(readdirSync(project.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('fails the record a file of which cannot be written, naming that file, and goes on', async () => {
    project = tempProject();
    mkdirSync(project.path('taken.html')); // a folder where the page should go
    const failures = new Map<string, WriteFailure | undefined>();
    const writes = new WriteBehind(project.dir, { claim: () => true, finish: (record, failure) => failures.set(record.file, failure) });
    await writes.add(
      result('taken', [
        { name: 'taken.json', data: '{}' },
        { name: 'taken.html', data: '<p>' },
      ]),
    );
    await writes.add(result('after', [{ name: 'after.html', data: '<p>' }]));
    await writes.drain();
    expect(failures.get('taken.md')?.target).toBe(project.path('taken.html'));
    expect((failures.get('taken.md')?.reason as NodeJS.ErrnoException).code).toBe('EISDIR');
    expect(failures.get('after.md')).toBeUndefined();
    expect(readFileSync(project.path('after.html'), 'utf8')).toBe('<p>');
    expect(readdirSync(project.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
