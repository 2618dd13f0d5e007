/** Finds the record files named on the command line: files as given, folders searched for *.md. */
import { opendir, readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface Discovered {
  /** Absolute paths, sorted, each once. */
  files: string[];
  diagnostics: Diagnostic[];
}

export async function discoverRecords(paths: readonly string[], cwd: string): Promise<Discovered> {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      diagnostics.push(missing(path, 'no such file or folder'));
      continue;
    }
    if (info.isDirectory()) {
      const found = await markdownFilesUnder(absolute);
      if (found.length === 0) diagnostics.push({ ...missing(path, 'the folder holds no .md records'), severity: 'warning' });
      found.forEach((file) => files.add(file));
    } else {
      files.add(absolute);
    }
  }
  return { files: [...files].sort(), diagnostics };
}

/**
 * Whether any of `paths` is, or holds, a record: stops at the first one, so that a command
 * can tell "nothing here yet" from a build before it starts one.
 */
export async function hasRecords(paths: readonly string[], cwd: string): Promise<boolean> {
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) return true;
    if (!info?.isDirectory()) continue;
    const within = absolute.endsWith(sep) ? absolute.length : absolute.length + 1;
    for await (const entry of await opendir(absolute, { recursive: true })) {
      if (isRecordFile(entry) && !hiddenBelow(join(entry.parentPath, entry.name), within)) return true;
    }
  }
  return false;
}

function isRecordFile(entry: { isFile(): boolean; name: string }): boolean {
  return entry.isFile() && entry.name.endsWith('.md') && !/^readme\.md$/i.test(entry.name);
}

/** A file in a dot-folder or node_modules below the folder searched is no record. */
function hiddenBelow(file: string, within: number): boolean {
  return file
    .slice(within)
    .split(/[\\/]/)
    .some((part) => part.startsWith('.') || part === 'node_modules');
}

async function markdownFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const within = dir.endsWith(sep) ? dir.length : dir.length + 1; // where a path below `dir` goes on
  return entries
    .filter(isRecordFile)
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !hiddenBelow(file, within));
}

function missing(path: string, message: string): Diagnostic {
  return fileDiagnostic(path, { severity: 'error', rule: 'read-error', message });
}

export { displayPath } from '../diagnostics/paths.js';
