/**
 * The peers phrg-brief is measured against, run by the bench on the same generated records in
 * the same run: Eleventy 3 (a devDependency; one Liquid layout), Hugo (Debian's `hugo`, when
 * installed; one layout) and Pandoc (`pandoc -s`, one process per record, as a Makefile would
 * run it). Each starts cold in a fresh folder, and its time counts only once it is seen to have
 * written one page per record.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PeerRun {
  name: string;
  /** Records per second, or why there is no figure. */
  perSecond?: number;
  seconds?: number;
  records: number;
  missing?: string;
}

const ELEVENTY = fileURLToPath(new URL('../node_modules/@11ty/eleventy/cmd.cjs', import.meta.url));

/** HTML files anywhere under `dir`. */
export function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).length;
}

function timed(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Fails loudly when a peer wrote other than one page per record: its time would mean nothing. */
function checked(name: string, pages: number, records: number, seconds: number): PeerRun {
  if (pages !== records) throw new Error(`${name} wrote ${pages} pages for ${records} records: its time does not count`);
  return { name, records, seconds, perSecond: records / seconds };
}

const LIQUID_LAYOUT = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main>
<h1>{{ title }}</h1>
<p>{{ date | date: "%-d %B %Y" }}</p>
{{ content }}
</main></body>
</html>
`;

/** Eleventy 3 with one Liquid layout and its default markdown-it, every record a page. */
export function eleventy(records: string, work: string): PeerRun {
  const project = join(work, 'eleventy');
  const input = join(project, 'src');
  cpSync(records, input, { recursive: true });
  mkdirSync(join(input, '_includes'), { recursive: true });
  writeFileSync(join(input, '_includes', 'briefing.liquid'), LIQUID_LAYOUT);
  writeFileSync(
    join(project, 'eleventy.config.mjs'),
    `export default function (config) {
  config.addGlobalData('layout', 'briefing.liquid');
  // The record's own file name (Eleventy's slugs drop a leading date).
  config.addGlobalData('permalink', "{{ page.inputPath | split: '/' | last | replace: '.md', '.html' }}");
  return { dir: { input: 'src', output: 'out' } };
}
`,
  );
  const total = readdirSync(records).length;
  const seconds = timed(() => execFileSync(process.execPath, [ELEVENTY, '--quiet'], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] }));
  return checked('Eleventy 3, one Liquid layout', countPages(join(project, 'out')), total, seconds);
}

const HUGO_LAYOUT = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>
<h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2 January 2006" }}</p>
{{ .Content }}
</main></body>
</html>
`;

/** Hugo with one layout and only the records' pages (no lists, taxonomies or feeds). */
export function hugo(records: string, work: string): PeerRun {
  const total = readdirSync(records).length;
  if (spawnSync('hugo', ['version']).status !== 0) return { name: 'Hugo', records: total, missing: 'not installed (apt-get install hugo, for the ratio)' };
  const site = join(work, 'hugo');
  cpSync(records, join(site, 'content'), { recursive: true });
  mkdirSync(join(site, 'layouts', '_default'), { recursive: true });
  writeFileSync(join(site, 'layouts', '_default', 'single.html'), HUGO_LAYOUT);
  writeFileSync(
    join(site, 'hugo.toml'),
    `baseURL = "https://example.org/"
uglyURLs = true
buildFuture = true
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
`,
  );
  const version = spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.match(/v(\d+\.\d+)/)?.[1] ?? '';
  const seconds = timed(() => execFileSync('hugo', ['--quiet', '-s', site, '-d', join(site, 'out')], { stdio: ['ignore', 'ignore', 'pipe'] }));
  return checked(`Hugo ${version}, one layout`, countPages(join(site, 'out')), total, seconds);
}

/** Pandoc, one process per record, on the first `sample` of them (it is slow). */
export function pandoc(records: string, work: string, sample: number): PeerRun {
  const files = readdirSync(records).sort().slice(0, sample);
  if (spawnSync('pandoc', ['--version']).status !== 0)
    return { name: 'Pandoc', records: files.length, missing: 'not installed (apt-get install pandoc, for the ratio)' };
  const out = join(work, 'pandoc');
  mkdirSync(out, { recursive: true });
  const seconds = timed(() => {
    for (const file of files) execFileSync('pandoc', ['-s', join(records, file), '-o', join(out, file.replace(/\.md$/, '.html'))], { stdio: 'ignore' });
  });
  return checked(`Pandoc -s, one process per record (${files.length})`, countPages(out), files.length, seconds);
}

/** Every peer on the records, each in a folder of its own, removed afterwards. */
export function runPeers(records: string, pandocSample: number): PeerRun[] {
  const work = mkdtempSync(join(tmpdir(), 'phrg-brief-peers-'));
  try {
    return [eleventy(records, work), hugo(records, work), pandoc(records, work, pandocSample)];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
