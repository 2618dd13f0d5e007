/**
 * GitHub Actions workflow commands, one line a diagnostic:
 * `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=rule::message`.
 * Property values escape %, CR, LF, ':' and ','; the message escapes %, CR and LF.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const properties = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.rule)}`,
      ].join(',');
      const message = d.note ? `${d.message} (${d.note})` : d.message;
      return `::${COMMAND[d.severity]} ${properties}::${escapeData(message)}\n`;
    })
    .join('');
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub places an annotation by its file's path from the repository's root (GITHUB_WORKSPACE
 * on the runner), where a project in a sub-folder names its files from its own folder: they are
 * named again from `workspace`. A file outside it keeps its name.
 */
export function fromWorkspace(diagnostics: readonly Diagnostic[], workspace: string, cwd: string): Diagnostic[] {
  return diagnostics.map((d) => {
    if (!d.file) return d;
    const path = relative(workspace, resolve(cwd, d.file));
    return path && !path.startsWith('..') && !isAbsolute(path) ? { ...d, file: path.split(sep).join('/') } : d;
  });
}
