/**
 * The archive the browser and Nu checker tests read, built once per worker by the real CLI
 * (tests/helpers/built.ts) and never changed by a test: the bundled Peru record, Santo Tomás
 * (accents, a correction date, and a word, "cadastre", said only in a point) and 29 generated
 * records, 31 briefings in all, with --format html,md,json.
 */
import { copyFileSync, cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateRecords } from '../../bench/generate.js';
import { builtProject } from './built.js';
import { FIXTURES, REPO, runCli, type TempProject } from './cli.js';
import { nuMessages, type NuMessage } from './html.js';

export const PERU = '2016-11-07-peru';
export const SANTO_TOMAS = '2019-05-14-santo-tomas';
export const ARCHIVE_SIZE = 31;

export function siteArchive(): Promise<TempProject> {
  return builtProject('site-archive', async (project) => {
    cpSync(join(REPO, 'meetings'), project.path('meetings'), { recursive: true });
    generateRecords(ARCHIVE_SIZE - 2, project.path('meetings'), 21);
    copyFileSync(join(FIXTURES, 'records', 'site', `${SANTO_TOMAS}.md`), project.path('meetings', `${SANTO_TOMAS}.md`));
    const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
    if (result.code !== 0) throw new Error(`the site archive did not build (${result.code}): ${result.stderr}`);
  });
}

/** One page of each kind, relative to dist/: the index, two briefings, a tag, the people, a person. */
export function pagesOfEachKind(project: TempProject): string[] {
  const person = readdirSync(project.path('dist', 'people')).find((name) => name !== 'index.html')!;
  return ['index.html', `${SANTO_TOMAS}.html`, `${PERU}.html`, 'tags/peru.html', 'people/index.html', `people/${person}`];
}

let nuReport: Promise<NuMessage[]> | undefined;

/**
 * The Nu HTML Checker's messages on every kind of page of the archive, checked in one Java
 * start shared by the files that assert on them (html-golden, site-browser).
 */
export function archiveNuMessages(): Promise<NuMessage[]> {
  nuReport ??= siteArchive().then((project) => nuMessages(pagesOfEachKind(project).map((name) => project.path('dist', name))));
  return nuReport;
}
