/** Reporters are pure functions from diagnostics to text. */
import type { Diagnostic } from '../diagnostic.js';
import { formatGithub } from './github.js';
export { fromWorkspace } from './github.js';
import { formatJson } from './json.js';
import { formatPretty, type PrettyOptions } from './pretty.js';

export const REPORTERS = ['pretty', 'json', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export function formatDiagnostics(name: ReporterName, diagnostics: readonly Diagnostic[], options: PrettyOptions): string {
  switch (name) {
    case 'json':
      return formatJson(diagnostics);
    case 'github':
      return formatGithub(diagnostics);
    case 'pretty':
      return formatPretty(diagnostics, options);
  }
}

export { summary } from './summary.js';
