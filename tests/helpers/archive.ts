/**
 * The archive the browser and Nu checker tests read, built once per test run by the real CLI
 * (tests/helpers/run-once.ts) and never changed by a test: the bundled Peru record, Santo Tomás
 * (accents, a correction date, and a word, "cadastre", said only in a point) and 29 generated
 * records, 31 briefings in all, with --format html,md,json.
 */
import { copyFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRecords } from '../../bench/generate.js';
import { FIXTURES, REPO, runCli, type TempProject } from './cli.js';
import { nuMessages, type NuMessage } from './html.js';
import { madeOnce, projectMadeOnce } from './run-once.js';
import { haveTools, JAVA } from './tools.js';

export const PERU = '2016-11-07-peru';
export const SANTO_TOMAS = '2019-05-14-santo-tomas';
export const ARCHIVE_SIZE = 31;

export async function siteArchive(): Promise<TempProject> {
  const project = await projectMadeOnce('site-archive', async (project) => {
    cpSync(join(REPO, 'meetings'), project.path('meetings'), { recursive: true });
    generateRecords(ARCHIVE_SIZE - 2, project.path('meetings'), 21);
    copyFileSync(join(FIXTURES, 'records', 'site', `${SANTO_TOMAS}.md`), project.path('meetings', `${SANTO_TOMAS}.md`));
    const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
    if (result.code !== 0) throw new Error(`the site archive did not build (${result.code}): ${result.stderr}`);
  });
  return project;
}

/** One page of each kind, relative to dist/: the index, two briefings, a tag, the people, a person. */
export function pagesOfEachKind(project: TempProject): string[] {
  const person = readdirSync(project.path('dist', 'people')).find((name) => name !== 'index.html')!;
  return ['index.html', `${SANTO_TOMAS}.html`, `${PERU}.html`, 'tags/peru.html', 'people/index.html', `people/${person}`];
}

/**
 * The Nu HTML Checker's messages on every kind of page of the archive, checked in one Java
 * start for the run and read by the files that assert on them (html-golden, site-browser).
 * Those files ask for it as soon as the archive is built and await it in their last test:
 * Java's seconds then pass beside the browser's work and waits, not after them.
 */
export function archiveNuMessages(): Promise<NuMessage[]> {
  nuReport ??= (async () => {
    const project = await siteArchive();
    const dir = await madeOnce('site-archive-nu', async (dir) => {
      const messages = await nuMessages(pagesOfEachKind(project).map((name) => project.path('dist', name)));
      writeFileSync(join(dir, 'messages.json'), JSON.stringify(messages));
    });
    return JSON.parse(readFileSync(join(dir, 'messages.json'), 'utf8')) as NuMessage[];
  })();
  return nuReport;
}

let nuReport: Promise<NuMessage[]> | undefined;

/** Starts the Nu check (where Java is there to run it); a failure is the awaiting test's to report. */
export function startArchiveNuCheck(): void {
  if (haveTools(JAVA)) archiveNuMessages().catch(() => undefined);
}
