/** Finds the record files named on the command line: files as given, folders searched for *.md. */
import { readdir, stat } from 'node:fs/promises';
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

async function markdownFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const within = dir.endsWith(sep) ? dir.length : dir.length + 1; // where a path below `dir` goes on
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !/^readme\.md$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.slice(within).split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules'));
}

function missing(path: string, message: string): Diagnostic {
  return fileDiagnostic(path, { severity: 'error', rule: 'read-error', message });
}

export { displayPath } from '../diagnostics/paths.js';
