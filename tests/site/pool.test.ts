/**
 * Rendering on threads (site/pool.ts): a worker's heap is bounded, and a record too big for it
 * must still be built — by the main thread, which has no bound — not end the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { pdfInfo, pdfText } from '../helpers/pdf.js';
import { haveTools, PDFTOTEXT } from '../helpers/tools.js';

let project: TempProject;

beforeAll(() => {
  project = tempProject();
  // A project that takes records past the default size limit (2 MB here).
  project.write('phrg-brief.yaml', 'limits:\n  recordSize: 4000000\n');
  const names = generateRecords(40, project.path('meetings'), 3);
  const sample = readFileSync(project.path('meetings', names[0]!), 'utf8');
  const [front, body] = sample.split('\n---\n') as [string, string];
  const dated = (date: string): string => front.replace(/^date: .*$/m, `date: ${date}`);
  // Sorted first, this one goes to the main thread; the second, the huge one, to a worker.
  project.write('meetings/1900-01-01-first.md', `${dated('1900-01-01')}\n---\n${body}`);
  const points = body.split('\n').filter((line) => line.startsWith('- '));
  const many = Array.from({ length: Math.ceil(2_000_000 / points.join('\n').length) }, () => points.join('\n')).join('\n');
  project.write(
    'meetings/1900-01-02-huge.md',
    `${dated('1900-01-02')}\n---\n\nThe main points made were as follows:\n\n${many}\n\nThe end of a long meeting.\n`,
  );
});
afterAll(() => project?.remove());

describe('rendering on threads', () => {
  it('builds a record too big for a worker’s heap on the main thread instead', async () => {
    const result = await runCli(['build', '--format', 'html,pdf', '--jobs', '3'], project.dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('built 42, unchanged 0, failed 0');
    expect(readdirSync(project.path('dist')).filter((name) => name.endsWith('.pdf'))).toHaveLength(42);
    expect(readFileSync(project.path('dist', '1900-01-02-huge.html'), 'utf8')).toContain('The end of a long meeting.');
  }, 120_000);

  it.runIf(haveTools(PDFTOTEXT))('and its PDF is whole, to the last line', () => {
    const file = project.path('dist', '1900-01-02-huge.pdf');
    const pages = Number(pdfInfo(file).Pages);
    expect(pages).toBeGreaterThan(100);
    expect(pdfText(file, { first: pages, last: pages }).replace(/\s+/g, ' ')).toContain('The end of a long meeting.');
  });
});
