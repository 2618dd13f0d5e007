/**
 * The PDF figures of `npm run bench` (called at the end of bench/run.ts): a record of about
 * 800 pages built by the real CLI (wall time, CPU time, peak memory, and where the CPU time
 * goes, from a `node --cpu-prof` run), and a typical two-page briefing rendered again and
 * again in one process, as a build of many records does (its cost after the first).
 *
 *   tsx bench/pdf.ts [--quick]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { longRecord } from './pdf-records.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'bin', 'phrg-brief.js');

function line(label: string, value: string, note = ''): void {
  process.stdout.write(`${label.padEnd(44)} ${value.padStart(16)}   ${note}\n`);
}

/** Pipeline stages by the functions that do them, the more particular first. */
const STAGES: [string, RegExp][] = [
  ['garbage collection', /^\(garbage collector\)$/],
  ['PDF: deflate (page content, fonts)', /^(deflateSync|processChunkSync|zlibBufferSync)$/],
  ['PDF: font subsetting and embedding', /^(embed|encodeStream)$/],
  ['PDF: line breaking (and measuring words)', /^(breakLines|words|collectRuns|mergeRuns)$/],
  ['PDF: glyph layout (shaping, encoding)', /^(textWidth|encode|layoutRun|layoutCached|widthOfString)$/],
  ['PDF: drawing text and marks (pdfkit)', /^(_text|_line|_fragment|addContent|markStructureContent|markContent|link|annotate|addPage)$/],
  ['PDF: the rest (layout, structure tree)', /^renderPdf$/],
  ['reading, checking and composing the record', /^(loadRecordText|validateRecord|parseArticle|composeBriefing|checkRecords|loadRecords)$/],
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
  children?: number[];
}

/** Milliseconds of a .cpuprofile by stage: a sample counts for the first stage listed that is on its stack. */
function stages(file: string): { stage: string; ms: number }[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (byId.get(id)?.callFrame.functionName === '(idle)') return;
    busy += ms;
    const names: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) names.push(byId.get(at)!.callFrame.functionName);
    const stage = STAGES.find(([, pattern]) => names.some((name) => pattern.test(name)))?.[0] ?? 'other (start-up, compose, write)';
    totals.set(stage, (totals.get(stage) ?? 0) + ms);
  });
  return [...totals]
    .map(([stage, ms]) => ({ stage, ms }))
    .sort((a, b) => b.ms - a.ms)
    .concat([{ stage: 'total, not idle', ms: busy }]);
}

export async function benchPdf(options: { quick?: boolean } = {}): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'phrg-brief-bench-pdf-'));
  try {
    process.stdout.write('\nPDF (the machine may be shared: CPU time is the steadier figure)\n');
    const points = options.quick ? 1250 : 5000; // about 6¼ points to a page
    mkdirSync(join(work, 'meetings'));
    writeFileSync(join(work, 'meetings', '2023-03-01-long.md'), longRecord(points));
    // An 800-page record is ten times the default size limit, which no real briefing meets.
    writeFileSync(join(work, 'phrg-brief.yaml'), 'limits:\n  recordSize: 16000000\n');
    const args = [bin, 'build', 'meetings', '--format', 'pdf', '--force', '--jobs', '1'];
    const started = process.hrtime.bigint();
    const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...args], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`phrg-brief build failed:\n${run.stderr}`);
    const [rssKb = 0, user = 0, sys = 0] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    const pdf = readFileSync(join(work, 'dist', '2023-03-01-long.pdf'));
    const pages = Number(/\/Type \/Pages\n\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);
    line(
      `long record, ${pages} pages (whole build)`,
      `${seconds.toFixed(1)} s`,
      `(CPU ${(user + sys).toFixed(1)} s; ${((seconds * 1000) / pages).toFixed(1)} ms a page; target < 10 s at 800)`,
    );
    line('  … peak memory', `${(rssKb / 1024).toFixed(0)} MB`, `(${(pdf.length / 1e6).toFixed(1)} MB PDF; target < 300 MB at 800 pages)`);

    const profiles = join(work, 'profile');
    spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profiles}`, ...args.slice(0)], { cwd: work, env: { ...process.env, NO_COLOR: '1' } });
    const profile = readdirSync(profiles).find((name) => name.endsWith('.cpuprofile'));
    if (profile) {
      const found = stages(join(profiles, profile));
      const total = found.at(-1)!.ms;
      for (const { stage, ms } of found.slice(0, -1))
        line(`  ${stage}`, `${(ms / 1000).toFixed(2)} s`, `(${((ms / total) * 100).toFixed(0)}%; node --cpu-prof, main thread)`);
    }

    // A typical briefing of two pages, rendered in one process after a first (which loads and
    // warms the fonts), as a build renders record after record.
    const [{ loadRecordText }, { validateRecord }, { composeBriefing }, { loadTemplates }, { renderPdf }, { loadTheme }] = await Promise.all([
      import('../src/load/record.js'),
      import('../src/validate/record.js'),
      import('../src/compose/briefing.js'),
      import('../src/compose/templates.js'),
      import('../src/render/pdf/document.js'),
      import('../src/render/pdf/theme.js'),
    ]);
    const meeting = validateRecord(loadRecordText(longRecord(9, 9), 'two-pages.md').record!).meeting!;
    const composed = composeBriefing(meeting, loadTemplates());
    const theme = loadTheme();
    const first = await renderPdf(composed.article, composed.view, theme);
    const times: number[] = [];
    for (let i = 0; i < (options.quick ? 40 : 200); i++) {
      const t = process.hrtime.bigint();
      await renderPdf(composed.article, composed.view, theme);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    line(
      `typical briefing, ${first.pages} pages, after the first`,
      `${median.toFixed(1)} ms`,
      `(median of ${times.length}, fastest ${times[0]!.toFixed(1)} ms; ${(median / first.pages).toFixed(1)} ms a page; target < 5 ms)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPdf({ quick: process.argv.includes('--quick') });
