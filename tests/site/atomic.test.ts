/**
 * A build killed at any moment (SIGKILL, as a CI runner's timeout would) leaves every file in
 * dist/ whole: the old version or the new one, never half of either.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli, tempProject } from '../helpers/cli.js';
import { qpdfCheck } from '../helpers/pdf.js';
import { haveTools, QPDF } from '../helpers/tools.js';
import { generateRecords, random } from '../../bench/generate.js';

const project = tempProject();
afterAll(() => project.remove());

function killAfter(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'build', '--force'], { cwd: project.dir, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** PDFs already found whole, by path and modification time: qpdf need not read them twice. */
const checkedPdfs = new Set<string>();

/** Every file but the hidden temporary ones must be complete of its kind. */
function assertWhole(dir: string): number {
  if (!existsSync(dir)) return 0;
  let checked = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const path = join(entry.parentPath, entry.name);
    const text = () => readFileSync(path, 'utf8');
    if (entry.name.endsWith('.html')) expect(text().trimEnd().endsWith('</html>'), path).toBe(true);
    else if (entry.name.endsWith('.json')) expect(() => JSON.parse(text()), path).not.toThrow();
    else if (entry.name.endsWith('.xml')) expect(() => new XMLParser().parse(text(), true), path).not.toThrow();
    else if (entry.name.endsWith('.md')) expect(text().endsWith('\n'), path).toBe(true);
    else if (entry.name.endsWith('.pdf')) {
      const seen = `${path}@${statSync(path).mtimeMs}`;
      if (!checkedPdfs.has(seen)) {
        const check = qpdfCheck(path);
        expect(check.ok, `${path}: ${check.output}`).toBe(true);
        checkedPdfs.add(seen);
      }
    }
    checked++;
  }
  return checked;
}

describe.runIf(haveTools(QPDF))('a build killed half-way', () => {
  it('leaves every file whole, twenty times over, and the next build tidies up', async () => {
    generateRecords(24, project.path('meetings'), 3);
    // A whole build first, so that each killed one is replacing files, not only adding them.
    expect((await runCli(['build'], project.dir)).code).toBe(0);
    const rand = random(2016);
    let seen = 0;
    for (let i = 0; i < 20; i++) {
      await killAfter(100 + Math.floor(rand() * 2400));
      seen += assertWhole(project.path('dist'));
    }
    expect(seen).toBeGreaterThan(0);
    const result = await runCli(['build'], project.dir);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(project.path('dist'), { recursive: true }).filter((name) => String(name).split('/').pop()!.startsWith('.'))).toEqual([]);
    // Four files a record; a page a tag and a person; the index, feed, briefings.json, people
    // index and two schemas; the pages' fonts; the search index.
    const count = (...dir: string[]): number =>
      readdirSync(project.path('dist', ...dir), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
    expect(assertWhole(project.path('dist'))).toBe(24 * 4 + count('tags') + (count('people') - 1) + 6 + count('fonts') + count('pagefind'));
  }, 300_000);
});
