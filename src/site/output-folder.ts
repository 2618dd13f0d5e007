/**
 * The output folder as the build meets it: whether it may be used at all, which names it
 * holds, how its files are named to the user, and removing files from it (never outside it).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { displayPath } from '../load/discover.js';

/** Why the output folder may not be used: a link to nothing, a file, holding the records, or among them. */
export function outputOverlap(outDir: string, inputs: readonly string[], records: readonly string[]): string | undefined {
  // A file where the folder, or one of the folders above it, would be, or a link there to a
  // folder that is not there (a share that is offline): nothing can be written.
  for (let dir = outDir; ; dir = dirname(dir)) {
    if (danglingLink(dir))
      return `${dir === outDir ? 'the output folder' : `${basename(dir)}, a folder above the output folder,`} is a link to ${readlinkSync(dir)}, which is not there (a drive or share not connected?)`;
    const found = existsSync(dir) ? statSync(dir) : undefined; // existsSync: false below a file too (ENOTDIR)
    if (found && !found.isDirectory())
      return `${dir === outDir ? 'the output folder is' : `${basename(dir)}, a folder above the output folder, is`} a file, not a folder`;
    if (found || dirname(dir) === dir) break;
  }
  const within = (dir: string, path: string): boolean => path === dir || path.startsWith(`${dir}${sep}`);
  // As written, and where the paths lead: a link (`dist` to the records, or `meetings` to a
  // synced folder named again by --out) must not hide that the records would be overwritten.
  const realOut = realPath(outDir);
  const record = records.find((file) => within(outDir, file) || within(realOut, realPath(file)));
  if (record) return `the output folder holds records (${relative(realOut, realPath(record))}): building there would overwrite them`;
  const input = inputs.find((path) => within(path, outDir) || within(realPath(path), realOut));
  if (input) return 'the output folder is inside the records folder: its files would be read as records next time';
  return undefined;
}

/** Whether `path` is a link to nothing (lstat fails below a file, where there is no link). */
function danglingLink(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true && !existsSync(path);
  } catch {
    return false;
  }
}

/** Where a path leads, its links followed; for one not there yet, where its nearest existing folder leads. */
function realPath(path: string): string {
  let rest = '';
  for (let dir = path; ; dir = dirname(dir)) {
    try {
      return join(realpathSync(dir), rest);
    } catch {
      if (dirname(dir) === dir) return path;
      rest = rest === '' ? basename(dir) : join(basename(dir), rest);
    }
  }
}

/**
 * Whether a file is in the output folder: one listing of the folder answers for every name
 * directly in it, a name in a subfolder is looked up.
 */
export function presentIn(outDir: string): (name: string) => boolean {
  let present: Set<string>;
  try {
    present = new Set(readdirSync(outDir));
  } catch {
    present = new Set(); // no folder, no files
  }
  return (name) => (name.includes('/') ? existsSync(join(outDir, name)) : present.has(name));
}

/** Output names as the user sees them, without resolving a path per file. */
export function outputNamer(cwd: string, outDir: string): (name: string) => string {
  const shown = relative(cwd, outDir);
  return (name) => (shown === '' ? name : shown.startsWith('..') ? `${outDir}${sep}${name}` : `${shown}${sep}${name}`);
}

/** Removes `names` from the output folder; returns them as the user sees them. */
export function removeOutputs(outDir: string, names: readonly string[], cwd: string): string[] {
  const removed: string[] = [];
  for (const name of names) {
    const target = join(outDir, name);
    // Only ever inside the output folder, whatever a manifest says.
    if (relative(outDir, target).startsWith('..')) continue;
    rmSync(target, { force: true });
    removed.push(displayPath(target, cwd));
  }
  return removed;
}

/**
 * Briefings phrg-brief wrote into `outDir` whose records are gone: known by their data file
 * (`<slug>.json`, whose `source` names the record, relative to the project in `cwd`), for a
 * build with no cache to say what an earlier one wrote, so that a record deleted meanwhile
 * does not stay published. Each such briefing's files of every format go with it, unless a
 * record of this build owns them (`owned`); a record still there, built today or not, keeps
 * its files, and files phrg-brief did not write are never touched.
 */
export function unownedBriefings(outDir: string, cwd: string, owned: ReadonlySet<string>, extensions: readonly string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return [];
  }
  const present = new Set(names);
  const gone: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.json') || owned.has(name) || name.startsWith('.')) continue;
    const slug = name.slice(0, -'.json'.length);
    let head: string;
    try {
      head = readFileSync(join(outDir, name), 'utf8').slice(0, 4096);
    } catch {
      continue;
    }
    const named = /^\{\s*"slug":\s*"([^"]*)",\s*"source":\s*("(?:[^"\\]|\\.)*")/.exec(head);
    if (!named || named[1] !== slug) continue;
    if (!existsSync(join(cwd, JSON.parse(named[2]!) as string))) gone.push(slug);
  }
  return gone.flatMap((slug) => extensions.map((extension) => `${slug}.${extension}`).filter((name) => present.has(name) && !owned.has(name)));
}
