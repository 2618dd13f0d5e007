/** How a file is named in diagnostics. */
import { relative } from 'node:path';

/** Relative to the working directory when inside it; as given otherwise. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}
