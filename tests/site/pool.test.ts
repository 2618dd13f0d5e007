/**
 * Rendering on threads (site/pool.ts): a worker's heap is bounded, and a record too big for it
 * must still be built — by the main thread, which has no bound — not end the build. The bound
 * is set low here (PHRG_BRIEF_WORKER_HEAP_MB, internal), so that a record of about a megabyte
 * is too big for it, where the default bound takes one of several megabytes.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { LARGE_ARCHIVE } from '../../src/site/large-archive.js';
import { defaultJobs } from '../../src/site/pool.js';
import { runCli, tempProject, type TempProject } from '../helpers/cli.js';

let project: TempProject;
/** Points in the huge record beyond those of the first, which holds one copy of them. */
let extraPoints = 0;

beforeAll(() => {
  project = tempProject();
  // A project that takes records past the default size limit (about 1 MB here).
  project.write('phrg-brief.yaml', 'limits:\n  recordSize: 4000000\n');
  // Sixteen records in all, the fewest for which the build starts a worker beside this thread.
  const names = generateRecords(14, project.path('meetings'), 3);
  const sample = readFileSync(project.path('meetings', names[0]!), 'utf8');
  const [front, body] = sample.split('\n---\n') as [string, string];
  const dated = (date: string): string => front.replace(/^date: .*$/m, `date: ${date}`);
  // Sorted first, this one goes to the main thread; the second, the huge one, to the worker.
  project.write('meetings/1900-01-01-first.md', `${dated('1900-01-01')}\n---\n${body}`);
  const points = body.split('\n').filter((line) => line.startsWith('- '));
  const copies = Math.ceil(1_000_000 / points.join('\n').length);
  extraPoints = (copies - 1) * points.length;
  const many = Array.from({ length: copies }, () => points.join('\n')).join('\n');
  project.write(
    'meetings/1900-01-02-huge.md',
    `${dated('1900-01-02')}\n---\n\nThe main points made were as follows:\n\n${many}\n\nThe end of a long meeting.\n`,
  );
});
afterAll(() => project?.remove());

describe('rendering on threads', () => {
  it('builds a record too big for a worker’s heap on the main thread instead', async () => {
    // Measured: a worker needs about 15 MB to render a normal record, over 35 for this one.
    const result = await runCli(['build', '--format', 'html', '--jobs', '2'], project.dir, { PHRG_BRIEF_WORKER_HEAP_MB: '24' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('built 16, unchanged 0, failed 0');
    expect(readdirSync(project.path('dist')).filter((name) => /^\d{4}-.*\.html$/.test(name))).toHaveLength(16);
  }, 60_000);

  it('and its page is whole, every point to the last line', () => {
    const items = (name: string): number => {
      const page = readFileSync(project.path('dist', name), 'utf8');
      return page.slice(page.indexOf('<article'), page.indexOf('</article>')).split('<li>').length - 1;
    };
    // The same speakers, so every list item beyond the first record's is one more point.
    expect(items('1900-01-02-huge.html') - items('1900-01-01-first.html')).toBe(extraPoints);
    expect(readFileSync(project.path('dist', '1900-01-02-huge.html'), 'utf8')).toContain('The end of a long meeting.');
  });
});

describe('a worker writing its own files', () => {
  let written: TempProject;
  let names: string[];
  beforeAll(() => {
    written = tempProject();
    written.write('phrg-brief.yaml', 'site:\n  search: false\n'); // Pagefind is not what this is about
    // Sixteen records: this thread renders the first, the worker takes the second and third.
    names = generateRecords(16, written.path('meetings'), 5).sort();
  });
  afterAll(() => written?.remove());

  it('writes what this thread alone would, and reports a file it cannot write against its record', async () => {
    const alone = await runCli(['build', '--format', 'html,json', '--jobs', '1', '--out', 'alone'], written.dir);
    expect(alone.code, alone.stderr).toBe(0);
    const second = names[1]!.replace(/\.md$/, '');
    mkdirSync(written.path('shared', `${second}.html`), { recursive: true }); // a folder where its page should go
    const shared = await runCli(['build', '--format', 'html,json', '--jobs', '2', '--out', 'shared', '--reporter', 'json'], written.dir);
    expect(shared.code).toBe(1);
    expect(JSON.parse(shared.stdout)).toEqual([
      expect.objectContaining({ file: `meetings/${names[1]!}`, rule: 'write-error', message: `cannot write shared/${second}.html (EISDIR)` }),
    ]);
    expect(shared.stderr).toContain('built 15, unchanged 0, failed 1');
    // Every briefing's files but the failed record's (and the pages that link to it, as their
    // neighbour is another now), byte for byte as this thread alone wrote them.
    const briefings = readdirSync(written.path('alone')).filter((name) => /^\d{4}-.*\.(html|json)$/.test(name) && !name.startsWith(second));
    const compared = briefings.filter((name) => !readFileSync(written.path('alone', name), 'utf8').includes(`href="${second}.html"`));
    expect(compared.length).toBeGreaterThanOrEqual(26);
    for (const name of compared) expect(readFileSync(written.path('shared', name)), name).toEqual(readFileSync(written.path('alone', name)));
    // No temporary file is left behind.
    expect(readdirSync(written.path('shared')).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 60_000);
});

describe('the default number of threads', () => {
  it('leaves a core to the indexer and the writes, and has one per core for an archive rendered on workers alone', () => {
    const cores = availableParallelism();
    expect(defaultJobs(1000)).toBe(Math.max(1, cores - 1));
    expect(defaultJobs(LARGE_ARCHIVE)).toBe(Math.max(1, cores - 1));
    expect(defaultJobs(LARGE_ARCHIVE + 1)).toBe(cores);
  });
});
