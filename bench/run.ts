/**
 * `npm run bench`: builds generated archives with the real CLI and prints figures against
 * the project's targets (2 cores). Numbers, not pass/fail: the tests check behaviour, this
 * checks speed.
 *
 *   npm run bench [-- --records 1000] [-- --quick]
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRecords } from './generate.js';
import { eleventy, runPeers } from './peers.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'bin', 'phrg-brief.js');
const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--records') + 1] || 0) || (args.includes('--quick') ? 200 : 1000);
const large = args.includes('--quick') ? 2000 : 10_000;

interface Run {
  seconds: number;
  maxRssMb: number;
  output: string;
}

/** Runs the CLI under GNU time for wall-clock seconds and peak resident memory. */
function cli(cliArgs: string[], cwd: string): Run {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...cliArgs], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssLine = result.stderr.trim().split('\n').at(-1) ?? '0';
  // A build is timed only when it built every record: one that failed them all is quick, and
  // its rate would be a lie (fmt --check exits 1 when a record needs formatting: that is its answer).
  const built = cliArgs[0] !== 'build' || (result.status === 0 && /\bfailed 0\b/.test(result.stderr));
  if (!built || (result.status !== 0 && result.status !== 1)) throw new Error(`phrg-brief ${cliArgs.join(' ')} failed:\n${result.stderr}`);
  return { seconds, maxRssMb: Number(rssLine) / 1024, output: result.stderr };
}

function timed(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function line(label: string, value: string, target = ''): void {
  process.stdout.write(`${label.padEnd(44)} ${value.padStart(16)}   ${target}\n`);
}

const work = mkdtempSync(join(tmpdir(), 'phrg-brief-bench-'));
try {
  const records = join(work, 'meetings');
  generateRecords(count, records, 42);
  process.stdout.write(
    `phrg-brief bench: ${count} generated records, ${process.versions.node} on ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores\n\n`,
  );

  const html = cli(['build', 'meetings', '--format', 'html', '--out', 'out-html', '--force'], work);
  const htmlRate = count / html.seconds;
  line('cold build, HTML only', `${htmlRate.toFixed(0)} records/s`, `(${html.seconds.toFixed(2)} s; target ≥ 1.2× Eleventy, below)`);
  const single = cli(['build', 'meetings', '--format', 'html', '--out', 'out-one', '--force', '--jobs', '1'], work);
  line('  … on one thread (--jobs 1)', `${(count / single.seconds).toFixed(0)} records/s`, `(${single.seconds.toFixed(2)} s)`);
  // The default leaves a core to the indexer (pool.ts, defaultJobs): one thread per core is asked for here.
  const cores = availableParallelism();
  const perCore = cli(['build', 'meetings', '--format', 'html', '--out', 'out-cores', '--force', '--jobs', String(cores)], work);
  line(
    `  … on ${cores} threads (--jobs ${cores})`,
    `${(count / perCore.seconds).toFixed(0)} records/s`,
    `(${perCore.seconds.toFixed(2)} s; ${(single.seconds / perCore.seconds).toFixed(2)}× --jobs 1, target ≥ 1.6× on 2 cores)`,
  );

  // The peers on the same records, in the same run, each cold in a fresh folder: on a shared
  // machine only figures taken side by side compare.
  for (const peer of runPeers(records, Math.min(count, 200))) {
    if (peer.perSecond === undefined) {
      line(peer.name, peer.missing ?? 'no figure');
      continue;
    }
    line(peer.name, `${peer.perSecond.toFixed(0)} records/s`, `(${peer.seconds!.toFixed(2)} s for ${peer.records}, one page each, checked)`);
    line(
      `  phrg-brief HTML ÷ ${peer.name.split(',')[0]}`,
      `${(htmlRate / peer.perSecond).toFixed(2)}×`,
      peer.name.startsWith('Eleventy') ? '(target ≥ 1.2×)' : '',
    );
  }

  // The headline ratio again, steadier: on a shared machine one run can be off by a third, so
  // phrg-brief and Eleventy take turns for three rounds, each cold, and meet the same moods.
  // Also without the full-text search index, which Eleventy does not make: the same pages,
  // checks and archive, so what the index costs is seen apart.
  writeFileSync(join(work, 'no-search.yaml'), 'site:\n  search: false\n');
  const rounds = [0, 1, 2].map((round) => {
    const ours = cli(['build', 'meetings', '--format', 'html', '--out', `out-round-${round}`, '--force'], work).seconds;
    const noSearch = cli(['build', 'meetings', '--format', 'html', '--out', `out-round-bare-${round}`, '--force', '--config', 'no-search.yaml'], work).seconds;
    const peerWork = mkdtempSync(join(tmpdir(), 'phrg-brief-round-'));
    try {
      return { ours, noSearch, theirs: eleventy(records, peerWork).seconds! };
    } finally {
      rmSync(peerWork, { recursive: true, force: true });
    }
  });
  const theirsMedian = median(rounds.map((r) => r.theirs));
  for (const [label, ours] of [
    ['phrg-brief HTML ÷ Eleventy 3, taking turns', (r: (typeof rounds)[number]) => r.ours],
    ['  … without the search index (site.search)', (r: (typeof rounds)[number]) => r.noSearch],
  ] as const) {
    const oursMedian = median(rounds.map(ours));
    line(
      label,
      `${(theirsMedian / oursMedian).toFixed(2)}×`,
      `(median ${oursMedian.toFixed(2)} s against ${theirsMedian.toFixed(2)} s; each round ${rounds.map((r) => (r.theirs / ours(r)).toFixed(2)).join(', ')}; target ≥ 1.2×)`,
    );
  }

  const both = cli(['build', 'meetings', '--format', 'html,pdf', '--out', 'out-both', '--force'], work);
  line('cold build, HTML + PDF', `${(count / both.seconds).toFixed(0)} records/s`, `(${both.seconds.toFixed(2)} s; target ≥ 300/s)`);
  const pdfFiles = readdirSync(join(work, 'out-both')).filter((name) => name.endsWith('.pdf')).length;
  line('PDF documents written', `${pdfFiles}`, `(${(pdfFiles / both.seconds).toFixed(0)} PDF documents/s with their HTML)`);

  // The short runs are taken three times each, their median shown: one run is at the mercy of
  // the disk's write-back after the builds before it.
  const thrice = (run: () => number): number[] => [run(), run(), run()];
  const again = thrice(() => cli(['build', 'meetings', '--format', 'html,pdf', '--out', 'out-both'], work).seconds * 1000);
  line('rebuild, nothing changed (HTML + PDF)', `${median(again).toFixed(0)} ms`, `(median of 3: ${again.map((ms) => ms.toFixed(0)).join(', ')})`);

  // One record edited, as a secretary would: a point added. Built into the HTML + PDF
  // archive, then into one of every format but PDF (whose first document in a process pays
  // for loading and warming the font machinery).
  const sorted = readdirSync(records).sort();
  const edit = (name: string): void => appendFileSync(join(records, name), '\nOne more paragraph, added for the benchmark.\n');
  let next = 0;
  const editOne = (outArgs: string[]): number => {
    edit(sorted[next++]!);
    return cli(['build', 'meetings', ...outArgs], work).seconds * 1000;
  };
  const one = thrice(() => editOne(['--format', 'html,pdf', '--out', 'out-both']));
  line(
    'rebuild, one record changed (HTML + PDF)',
    `${median(one).toFixed(0)} ms`,
    `(median of 3: ${one.map((ms) => ms.toFixed(0)).join(', ')}; target < 250 ms)`,
  );
  cli(['build', 'meetings', '--format', 'html,md,json', '--out', 'out-web'], work);
  const oneWeb = thrice(() => editOne(['--format', 'html,md,json', '--out', 'out-web']));
  line(
    'rebuild, one record changed (HTML, MD, JSON)',
    `${median(oneWeb).toFixed(0)} ms`,
    `(median of 3: ${oneWeb.map((ms) => ms.toFixed(0)).join(', ')}; target < 250 ms)`,
  );
  // The same edits to a build left running, as Eleventy's --incremental is used with --watch:
  // from the save to the line that reports the rebuild, its files written.
  const watched = await watchedSaves(
    ['build', 'meetings', '--format', 'html,pdf', '--out', 'out-both', '--watch'],
    work,
    sorted.slice(next, next + 7).map((name) => () => edit(name)),
  );
  line(
    'rebuild, one record changed, build --watch',
    `${median(watched).toFixed(0)} ms`,
    `(HTML + PDF, save to files written; median of ${watched.length} saves, first ${watched[0]!.toFixed(0)} ms; target < 250 ms)`,
  );

  // fmt on the archive as generated (the edits above included), then fmt --check on it as CI
  // runs it: each record read, formatted and compared, none to print.
  const fmtWrite = cli(['fmt', 'meetings'], work);
  const fmtCheck = cli(['fmt', '--check', 'meetings'], work);
  line(
    `fmt --check, ${count} formatted records`,
    `${((fmtCheck.seconds * 1000) / count).toFixed(1)} ms/record`,
    `(${fmtCheck.seconds.toFixed(2)} s; fmt rewriting them first: ${fmtWrite.seconds.toFixed(2)} s)`,
  );

  const helps = Array.from({ length: 9 }, () => cli(['--help'], work).seconds * 1000);
  const bare = Array.from({ length: 9 }, () => timed(() => spawnSync(process.execPath, ['-e', ''])) * 1000);
  line(
    'phrg-brief --help start-up (median of 9)',
    `${median(helps).toFixed(0)} ms`,
    `(fastest ${Math.min(...helps).toFixed(0)} ms; target < 120 ms; node itself: median ${median(bare).toFixed(0)}, fastest ${Math.min(...bare).toFixed(0)} ms)`,
  );
  if (process.env.NODE_EXTRA_CA_CERTS) {
    // This machine's environment makes every Node process load extra CA certificates first.
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const plain = Array.from({ length: 9 }, () => timed(() => spawnSync(process.execPath, [bin, '--help'], { env })) * 1000);
    const plainBare = Array.from({ length: 9 }, () => timed(() => spawnSync(process.execPath, ['-e', ''], { env })) * 1000);
    line(
      '  … without NODE_EXTRA_CA_CERTS',
      `${median(plain).toFixed(0)} ms`,
      `(fastest ${Math.min(...plain).toFixed(0)} ms; node itself: median ${median(plainBare).toFixed(0)} ms)`,
    );
  }

  const big = join(work, 'large');
  generateRecords(large, join(big, 'meetings'), 7);
  const bigRun = cli(['build', 'meetings', '--format', 'html', '--out', 'out', '--force'], big);
  line(
    `peak memory, ${large.toLocaleString('en-GB')} records (HTML)`,
    `${bigRun.maxRssMb.toFixed(0)} MB`,
    `(${(large / bigRun.seconds).toFixed(0)} records/s; target < 300 MB at 10,000; the largest process, Pagefind's or ours)`,
  );
  // GNU time reports the largest of the process and the children it waited for: without the
  // index, phrg-brief's own.
  writeFileSync(join(big, 'no-search.yaml'), 'site:\n  search: false\n');
  const bareRun = cli(['build', 'meetings', '--format', 'html', '--out', 'out-bare', '--force', '--config', 'no-search.yaml'], big);
  line('  … without the search index (site.search)', `${bareRun.maxRssMb.toFixed(0)} MB`, `(${(large / bareRun.seconds).toFixed(0)} records/s)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Starts a build with --watch, makes each save in turn, and times each until its rebuild is reported. */
async function watchedSaves(cliArgs: string[], cwd: string, saves: (() => void)[]): Promise<number[]> {
  const child = spawn(process.execPath, [bin, ...cliArgs], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  let waiting: { test: () => boolean; resolve: () => void } | undefined;
  const until = (test: () => boolean): Promise<void> => (test() ? Promise.resolve() : new Promise((resolve) => (waiting = { test, resolve })));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (waiting?.test()) waiting.resolve();
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  void exited.then(() => {
    if (waiting) throw new Error(`phrg-brief ${cliArgs.join(' ')} stopped:\n${stderr}`);
  });
  const rebuilds = (): number => (stderr.match(/^built \d+, unchanged/gm) ?? []).length;
  try {
    await until(() => stderr.includes('watching'));
    const times: number[] = [];
    for (const save of saves) {
      const before = rebuilds();
      const started = process.hrtime.bigint();
      save();
      await until(() => rebuilds() > before);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return times;
  } finally {
    waiting = undefined;
    child.kill('SIGINT');
    await exited;
  }
}

// ── PDF: long records and the per-page cost (bench/pdf.ts) ─────────────────────────────────
await (await import('./pdf.js')).benchPdf({ quick: args.includes('--quick') });
