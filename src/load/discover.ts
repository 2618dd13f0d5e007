/** Finds the record files named on the command line: files as given, folders searched for *.md. */
import { opendir, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../diagnostics/paths.js';

export interface Discovered {
  /** Absolute paths, sorted, each once. */
  files: string[];
  diagnostics: Diagnostic[];
}

export async function discoverRecords(paths: readonly string[], cwd: string): Promise<Discovered> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const folders: FolderWalk = { named: [], read: new Set(), followed: false };
  const named = await Promise.all(
    paths.map((path) =>
      stat(resolve(cwd, path)).then(
        (info) => (info.isDirectory() ? realpath(resolve(cwd, path)) : undefined),
        () => undefined,
      ),
    ),
  );
  folders.named = named.filter((folder): folder is string => folder !== undefined);
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      diagnostics.push(missing(path, linkProblem(error) ?? 'no such file or folder'));
      continue;
    }
    if (info.isDirectory()) {
      // A folder named that a link in another has led to already is read once.
      const real = await realpath(absolute);
      if ([...folders.read].some((read) => isWithin(read, real))) continue;
      const { records: found, skipped, broken } = await markdownFilesUnder(absolute, folders);
      if (found.length === 0) diagnostics.push({ ...missing(path, 'the folder holds no .md records'), severity: 'warning' });
      files.push(...found);
      for (const file of skipped) diagnostics.push(skippedFile(file, cwd));
      for (const { file, problem } of broken) diagnostics.push({ ...missing(displayPath(file, cwd), problem), severity: 'warning' });
    } else {
      files.push(absolute);
    }
  }
  return { files: await onceEach(files, folders.followed || paths.length > 1), diagnostics };
}

/** The folders a discovery reads: those named (where they lead), and those read so far. */
interface FolderWalk {
  named: string[];
  read: Set<string>;
  /** Whether a link to a folder was followed, so that a record may have been met twice. */
  followed: boolean;
}

/** Whether `path` is `dir` or inside it (the root `/` holding every path). */
function isWithin(dir: string, path: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);
}

/**
 * The records, sorted, each once: met twice where links lead to one folder two ways (a link
 * to a folder that holds one linked already, a folder named beside a link to it), the first
 * path met is kept. Real paths are asked for only where that can be.
 */
async function onceEach(files: readonly string[], mayRepeat: boolean): Promise<string[]> {
  if (!mayRepeat) return [...new Set(files)].sort();
  const reals = await Promise.all(files.map((file) => realpath(file).catch(() => file)));
  const kept = new Map<string, string>();
  files.forEach((file, i) => {
    if (!kept.has(reals[i]!)) kept.set(reals[i]!, file);
  });
  return [...kept.values()].sort();
}

/**
 * Whether any of `paths` is, or holds, a record: stops at the first one, so that a command
 * can tell "nothing here yet" from a build before it starts one.
 */
export async function hasRecords(paths: readonly string[], cwd: string, seen = new Set<string>()): Promise<boolean> {
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) return true;
    if (!info?.isDirectory()) continue;
    // A folder is looked in once, however many links lead to it (one to a folder above loops).
    const real = await realpath(absolute);
    if (seen.has(real)) continue;
    seen.add(real);
    const within = absolute.endsWith(sep) ? absolute.length : absolute.length + 1;
    for await (const entry of await opendir(absolute, { recursive: true })) {
      const path = join(entry.parentPath, entry.name);
      if (hiddenBelow(path, within)) continue;
      if (isRecordFile(entry)) return true;
      if (!entry.isSymbolicLink()) continue;
      const target = await stat(path).catch(() => undefined);
      if (isRecordName(entry.name) && target?.isFile()) return true;
      // Not a link up (to the project, the home folder or /), which would look through all it holds.
      if (!target?.isDirectory()) continue;
      const real = await realpath(path);
      if ([...seen].some((read) => isWithin(real, read))) continue;
      if (await hasRecords([path], cwd, seen)) return true;
    }
  }
  return false;
}

function isRecordFile(entry: { isFile(): boolean; name: string }): boolean {
  return entry.isFile() && isRecordName(entry.name);
}

const isRecordName = (name: string): boolean => name.endsWith('.md') && !/^readme\.md$/i.test(name);

/** A file in a dot-folder or node_modules below the folder searched is no record. */
function hiddenBelow(file: string, within: number): boolean {
  return file
    .slice(within)
    .split(/[\\/]/)
    .some((part) => part.startsWith('.') || part === 'node_modules');
}

async function markdownFilesUnder(
  dir: string,
  folders: FolderWalk = { named: [], read: new Set(), followed: false },
): Promise<{ records: string[]; skipped: string[]; broken: { file: string; problem: string }[] }> {
  folders.read.add(await realpath(dir));
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const within = dir.endsWith(sep) ? dir.length : dir.length + 1; // where a path below `dir` goes on
  const paths = (keep: (entry: (typeof entries)[number]) => boolean): string[] =>
    entries
      .filter(keep)
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => !hiddenBelow(file, within));
  // A record kept elsewhere and linked into meetings/ is read where the link leads; a link to
  // nothing is said, where it would leave a briefing out of the site without a word.
  const records = paths(isRecordFile);
  const broken: { file: string; problem: string }[] = [];
  const links = paths((entry) => entry.isSymbolicLink() && isRecordName(entry.name));
  // Where the records lie for real, asked only when there is a link to compare them with.
  const read = new Set(links.length > 0 ? await Promise.all(records.map((record) => realpath(record))) : []);
  for (const link of links) {
    try {
      if (!(await stat(link)).isFile()) continue;
      // A link to a record read already (`latest.md`) would publish it twice, under two names.
      const target = await realpath(link);
      if (read.has(target)) broken.push({ file: link, problem: `this link is not read: it leads to ${basename(target)}, a record read already` });
      else {
        records.push(link);
        read.add(target);
      }
    } catch (error) {
      broken.push({ file: link, problem: `this record is not read: ${linkProblem(error, true) ?? 'it cannot be opened'}` });
    }
  }
  const skipped = paths((entry) => entry.isFile() && !isRecordFile(entry) && looksLikeRecord(entry.name));
  // A folder of records kept elsewhere and linked in (`meetings/2019`, a synced folder) is read
  // as one that is there; readdir does not go into it, and its briefings were left out without
  // a word. One read already, or inside one, is not read again; nor one that holds a folder
  // named (a link up to the project, the home folder or /, which would read all it holds).
  for (const link of paths((entry) => entry.isSymbolicLink() && !isRecordName(entry.name))) {
    if (!(await stat(link).catch(() => undefined))?.isDirectory()) continue;
    const target = await realpath(link);
    if ([...folders.read].some((read) => isWithin(read, target)) || folders.named.some((named) => isWithin(target, named))) continue;
    folders.followed = true;
    const inner = await markdownFilesUnder(link, folders);
    records.push(...inner.records);
    skipped.push(...inner.skipped);
    broken.push(...inner.broken);
  }
  return { records, skipped, broken };
}

/** What is wrong with a symbolic link that cannot be followed (`link`: the path is known to be one). */
function linkProblem(error: unknown, link = false): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'it is a symbolic link that leads round in a loop';
  if (link && code === 'ENOENT') return 'it is a symbolic link to a file that is not there';
  return undefined;
}

/**
 * A file named as a record but for its ending: `.md.txt` (Windows hides the `.txt` it adds),
 * `.MD`, `.markdown`, or a dated name in another format. It is not read, and would be missing
 * from the site without a word.
 */
function looksLikeRecord(name: string): boolean {
  if (/^readme\./i.test(name)) return false;
  return /\.md\.\w+$|\.(md|markdown|mdown|mkd)$/i.test(name) || /^\d{4}-\d{2}-\d{2}-[^.]+\.(txt|text|docx?|rtf)$/i.test(name);
}

function skippedFile(file: string, cwd: string): Diagnostic {
  return fileDiagnostic(displayPath(file, cwd), {
    severity: 'warning',
    rule: 'skipped-file',
    message: 'this file is not read as a record: a record’s name ends in .md',
    note: 'rename it to YYYY-MM-DD-slug.md (Windows may hide a .txt it added: show file name extensions)',
  });
}

function missing(path: string, message: string): Diagnostic {
  return fileDiagnostic(path, { severity: 'error', rule: 'read-error', message });
}

export { displayPath };
