/**
 * `build`, `check` and `fmt` where there are no records yet: a usage error (exit 2) that says how to
 * start, before anything is written — no empty site, no cache. It says why there are none when
 * it can see: a path mistyped, records saved with another ending, or a command run from a
 * folder inside the project rather than from the project's own.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { CONFIG_FILE } from '../config/defaults.js';
import { discoverRecords, hasRecords } from '../load/discover.js';
import { closest } from '../validate/suggest.js';
import { EXIT_USAGE } from './exit-codes.js';

/** Exit 2 with a message when `paths` hold no record; undefined when there is one to work on. */
export async function refuseWithoutRecords(command: string, paths: readonly string[], cwd: string): Promise<number | undefined> {
  if (await hasRecords(paths, cwd)) return undefined;
  const where = paths.join(', ');
  const reasons: string[] = [];
  const { diagnostics } = await discoverRecords(paths, cwd);
  for (const path of paths.filter((path) => !existsSync(resolve(cwd, path)))) {
    // A link that leads nowhere, or round in a loop, is said to be one; a path not there, what was likely meant.
    const found = diagnostics.find((d) => d.file === path && d.rule === 'read-error');
    const near = nearbyRecord(resolve(cwd, path));
    if (found && found.message !== 'no such file or folder') reasons.push(`${path}: ${found.message}`);
    else reasons.push(`${path}: no such file or folder${near ? `; did you mean ${relative(cwd, near) || near}?` : ''}`);
  }
  // Records in the folders named that are links to nothing.
  for (const d of diagnostics.filter((d) => d.rule === 'read-error' && d.message.startsWith('this record is not read')))
    reasons.push(`${d.file}: ${d.message}`);
  const skipped = diagnostics.filter((d) => d.rule === 'skipped-file').map((d) => d.file);
  if (skipped.length > 0)
    reasons.push(
      `${skipped.slice(0, 3).join(', ')}${skipped.length > 3 ? ` and ${skipped.length - 3} more` : ''}: not read, as a record's name ends in .md (Windows may hide a .txt it added: show file name extensions)`,
    );
  const project = projectAbove(cwd);
  const steps =
    project !== undefined
      ? [insideProject(cwd, project)]
      : [
          ...(existsSync(join(cwd, CONFIG_FILE)) ? [] : ['to start a project here:  phrg-brief init']),
          'to write a first record:  phrg-brief new "Title" --date YYYY-MM-DD',
        ];
  process.stderr.write(
    `phrg-brief ${command}: no records in ${where} (Markdown files, meetings/YYYY-MM-DD-slug.md)\n${[...reasons, ...steps].map((line) => `  ${line}\n`).join('')}`,
  );
  return EXIT_USAGE;
}

/** A record beside a path that is not there, named almost as it is (`2016-11-7-peru.md`). */
function nearbyRecord(path: string): string | undefined {
  const dir = dirname(path);
  if (!existsSync(dir)) return undefined;
  const names = readdirSync(dir).filter((name) => name.endsWith('.md'));
  const name = closest(basename(path), names);
  return name === undefined ? undefined : join(dir, name);
}

/** The nearest folder above `cwd` with a phrg-brief.yaml, when `cwd` has none of its own. */
export function projectAbove(cwd: string): string | undefined {
  if (existsSync(join(cwd, CONFIG_FILE))) return undefined;
  for (let dir = dirname(cwd); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
  }
  return undefined;
}

/**
 * What to say in a folder inside a project: the command belongs in the project's own, or, for
 * a command that starts something (`startsHere`), in a project begun here.
 */
export function insideProject(cwd: string, project: string, startsHere = false): string {
  const there = `this folder is inside the project in ${relative(cwd, project)} (it has ${CONFIG_FILE}): run phrg-brief there`;
  return startsHere ? `${there}, or start a project of this folder's own first (phrg-brief init)` : there;
}
