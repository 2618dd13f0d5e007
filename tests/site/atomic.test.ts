/**
 * A build killed at any moment (SIGKILL, as a CI runner's timeout would) leaves every file in
 * dist/ whole: the old version or the new one, never half of either; and the next build tidies
 * up after it.
 *
 * Rather than at random times, each build is killed at a phase of its own, seen as it happens:
 * as a temporary file of the given kind appears (src/write/atomic.ts names them
 * `.<name>.<pid>.<n>.tmp`), the moment a file is half-written. Four aimed kills reach each way
 * a build writes, where the twenty at random times this test once made landed mostly while
 * the records rendered, the longest phase, and had not met the search index's swap: aimed
 * there, a kill left its hidden folder behind for good, which the next build now removes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cliEnv, tempProject } from '../helpers/cli.js';
import { qpdfCheck } from '../helpers/pdf.js';
import { buildHere } from '../helpers/site-build.js';
import { haveTools, QPDF } from '../helpers/tools.js';
import { generateRecords } from '../../bench/generate.js';

/** Few records: each phase is aimed at, not hoped for, so more records would only cost time. */
const COUNT = 3;
const project = tempProject();
afterAll(() => project.remove());

/** A temporary file of the given extension's, made by src/write/atomic.ts. */
const temporary = (extension = '[^.]+'): RegExp => new RegExp(`^\\..+\\.${extension}\\.\\d+\\.[0-9a-f]{8}\\.tmp$`);

interface Phase {
  name: string;
  /** Where to watch, relative to the project. */
  folder: string;
  /** The file names whose appearance marks the phase. */
  match: RegExp;
  /** The build's arguments: the phases after the PDF's leave PDFs out, which only cost time there. */
  args: string[];
}

/**
 * The places a build writes, in the order it writes them, one for each way it writes: a
 * briefing's files at once as each is rendered, the archive's pages one by one, the search
 * index as a folder swapped in, the cache's manifest last.
 */
const PHASES: Phase[] = [
  { name: 'a briefing’s PDF', folder: 'dist', match: temporary('pdf'), args: ['build'] },
  { name: 'the tag pages', folder: 'dist/tags', match: temporary(), args: ['build', '--format', 'html,md,json'] },
  { name: 'the search index', folder: 'dist', match: /^\.pagefind\./, args: ['build', '--format', 'html,md,json'] },
  { name: 'the build cache’s manifest', folder: '.phrg-brief-cache', match: /^\.build-[0-9a-f]+\.json\./, args: ['build', '--format', 'html,md,json'] },
];

/**
 * Runs a build and kills it once a name matching `phase.match` appears in its folder; says
 * whether the kill came before the build ended.
 */
function killAt(phase: Phase): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...phase.args], { cwd: project.dir, env: cliEnv(), stdio: 'ignore' });
    const watcher = watch(project.path(phase.folder), (_event, name) => {
      if (name !== null && phase.match.test(name)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      watcher.close();
      resolve(signal === 'SIGKILL');
    });
  });
}

/** Locally qpdf may be missing: a PDF is then only seen to begin and end as one does. */
const QPDF_HERE = haveTools(QPDF);

/** PDFs already found whole, by path and modification time: qpdf need not read them twice. */
const checkedPdfs = new Set<string>();

/** Every file but the hidden temporary ones must be complete of its kind. */
function assertWhole(dir: string): number {
  if (!existsSync(dir)) return 0;
  let checked = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    // Hidden files and whatever is in a hidden folder (the search index's, before its swap)
    // are the build's temporary ones, left by the kill for the next build to tidy.
    if (
      !entry.isFile() ||
      path
        .slice(dir.length)
        .split('/')
        .some((part) => part.startsWith('.'))
    )
      continue;
    const text = () => readFileSync(path, 'utf8');
    if (entry.name.endsWith('.html')) expect(text().trimEnd().endsWith('</html>'), path).toBe(true);
    else if (entry.name.endsWith('.json')) expect(() => JSON.parse(text()), path).not.toThrow();
    else if (entry.name.endsWith('.xml')) expect(() => new XMLParser().parse(text(), true), path).not.toThrow();
    else if (entry.name.endsWith('.md')) expect(text().endsWith('\n'), path).toBe(true);
    else if (entry.name.endsWith('.pdf')) {
      const seen = `${path}@${statSync(path).mtimeMs}`;
      if (!QPDF_HERE) {
        const bytes = readFileSync(path, 'latin1');
        expect(bytes.startsWith('%PDF-') && bytes.trimEnd().endsWith('%%EOF'), path).toBe(true);
      } else if (!checkedPdfs.has(seen)) {
        const check = qpdfCheck(path);
        expect(check.ok, `${path}: ${check.output}`).toBe(true);
        checkedPdfs.add(seen);
      }
    }
    checked++;
  }
  return checked;
}

describe.runIf(QPDF_HERE)('a build killed half-way', () => {
  it('leaves every file whole, whichever phase it is killed in, and the next build tidies up', async () => {
    const names = generateRecords(COUNT, project.path('meetings'), 3);
    // A whole build first (in this thread: only the killed builds need a process of their
    // own), so that each killed one is replacing files, not only adding them.
    expect((await buildHere(project.dir)).ok).toBe(true);
    const texts = names.map((name) => readFileSync(project.path('meetings', name), 'utf8'));
    const landed: string[] = [];
    for (const [round, phase] of PHASES.entries()) {
      // A record's title edited, so that its files, its neighbours' pages and the archive's
      // change: each killed build is writing new versions over old ones.
      const edited = round % COUNT;
      project.write(`meetings/${names[edited]!}`, texts[edited]!.replace(/^title: (.*)$/m, `title: $1, revised ${round + 1}`));
      if (await killAt(phase)) landed.push(phase.name);
      expect(assertWhole(project.path('dist')), phase.name).toBeGreaterThan(0);
    }
    // Killed once the phase has begun, a build may yet finish first on a fast machine; most are not.
    process.stdout.write(`atomic: killed while writing ${landed.join('; ') || 'nothing'}\n`);
    expect(landed.length).toBeGreaterThan(0);
    // With every format again, the PDFs the later phases left out among them.
    const next = await buildHere(project.dir);
    expect(next.ok, JSON.stringify(next.diagnostics)).toBe(true);
    expect(readdirSync(project.path('dist'), { recursive: true }).filter((name) => String(name).split('/').pop()!.startsWith('.'))).toEqual([]);
    // Four files a record; a page a tag and a person; the index, 404 page, feed, briefings.json,
    // people index and two schemas; the pages' fonts; the search index.
    const count = (...dir: string[]): number =>
      readdirSync(project.path('dist', ...dir), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
    expect(assertWhole(project.path('dist'))).toBe(COUNT * 4 + count('tags') + (count('people') - 1) + 7 + count('fonts') + count('pagefind'));
    expect(readFileSync(project.path('dist', 'index.html'), 'utf8')).toContain(`revised ${PHASES.length}`);
  }, 120_000);
});

describe('a build stopped by Ctrl-C', () => {
  // build --watch in its first build, before it watches: it died of the signal, silent, its temporary files and lock left.
  it.each([[['build']], [['build', '--watch']]])(
    '%j says so, ends with 130, and leaves no temporary file behind, only whole ones',
    async (args) => {
      const own = tempProject();
      try {
        generateRecords(COUNT, own.path('meetings'), 4);
        mkdirSync(own.path('dist'));
        const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
          const child = spawn(process.execPath, [BIN, ...args], { cwd: own.dir, env: cliEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
          let err = '';
          child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
          // Stopped as a temporary file appears: mid-write.
          const watcher = watch(own.path('dist'), (_event, name) => {
            if (name !== null && temporary().test(name) && !child.killed) child.kill('SIGINT');
          });
          child.on('error', reject);
          child.on('close', (exit) => {
            watcher.close();
            resolve({ code: exit, stderr: err });
          });
        });
        // A build that ended first, on a fast machine, is no test of this: it must not pass as one.
        expect(code, stderr).toBe(130);
        expect(stderr).toContain(
          'phrg-brief: stopped by Ctrl-C; the files built so far are whole, and the next build renders again every record changed since the last build that ended\n',
        );
        // Nor its lock: the next build need not find out that its holder is gone.
        expect(readdirSync(own.path('.phrg-brief-cache')).filter((name) => name.endsWith('.lock'))).toEqual([]);
        expect(
          readdirSync(own.path('dist'), { recursive: true })
            .map(String)
            .filter((name) => name.split('/').pop()!.startsWith('.')),
        ).toEqual([]);
        assertWhole(own.path('dist'));
      } finally {
        own.remove();
      }
    },
    60_000,
  );
});

describe('two builds of one project at once', () => {
  it('take turns: the second waits for the first, and both end well', async () => {
    const own = tempProject();
    try {
      // Enough records that the first is still building when the second has started.
      generateRecords(2 * COUNT, own.path('meetings'), 6);
      mkdirSync(own.path('dist'));
      const run = (): { done: Promise<{ code: number | null; stderr: string }> } => {
        const child = spawn(process.execPath, [BIN, 'build', '--reporter', 'json'], { cwd: own.dir, env: cliEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        return { done: new Promise((resolve, reject) => (child.on('error', reject), child.on('close', (code) => resolve({ code, stderr })))) };
      };
      // The second starts once the first is writing: mid-build.
      const first = run();
      const second = await new Promise<ReturnType<typeof run>>((resolve) => {
        const watcher = watch(own.path('dist'), (_event, name) => {
          if (name === null || !temporary().test(name)) return;
          watcher.close();
          resolve(run());
        });
      });
      const [a, b] = await Promise.all([first.done, second.done]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stderr).toMatch(/phrg-brief: waiting for the build already writing to dist\/ \(process \d+\) to end\n/);
      expect(a.stderr + b.stderr).not.toContain('internal-error');
      expect(readdirSync(own.path('.phrg-brief-cache')).filter((name) => name.endsWith('.lock'))).toEqual([]);
      assertWhole(own.path('dist'));
    } finally {
      own.remove();
    }
  }, 60_000);
});
