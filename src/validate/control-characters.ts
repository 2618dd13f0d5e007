/**
 * The control-character check (load/control-characters.ts says why): the characters the file
 * holds, reported at the first, and those written by a YAML escape (`"\f"`) or a character
 * reference (`&#12;`), each where it is written. They are errors whatever the project's rules
 * say (record.ts, applySeverities): no briefing is made with one.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAt } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/source.js';
import { controlCharacterName, controlCharacterProblem, escapedControlCharacters } from '../load/control-characters.js';
import { nodesOf } from './nodes.js';
import type { RuleContext } from './rules/rule.js';

/** Nodes whose words are printed: a text, code, an image's description, a link's title. */
const WRITTEN = ['text', 'inlineCode', 'code', 'image', 'imageReference', 'link', 'definition'] as const;

export function controlCharacterDiagnostics(
  file: string,
  source: SourceText,
  values: unknown,
  context: Pick<RuleContext, 'nodes' | 'intro'>,
  range: (path: readonly (string | number)[]) => [number, number] | undefined,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const raw = controlCharacterProblem(source.text);
  if (raw)
    diagnostics.push(
      diagnosticAt(file, source, raw.start, raw.start + 1, { severity: 'error', rule: 'control-character', message: raw.message, note: raw.note }),
    );
  const escaped = escapedControlCharacters(values, context.nodes(...WRITTEN));
  // The intro's Markdown is a front-matter value: pointed at whole, once, unless its YAML escape was found already.
  const introTree = context.intro()?.tree;
  const inIntro = introTree ? escapedControlCharacters(undefined, nodesOf(introTree, ...WRITTEN))[0] : undefined;
  if (inIntro && !escaped.some(({ path }) => path?.[0] === 'intro')) escaped.push({ path: ['intro'], char: inIntro.char });
  for (const { offsets, path, char } of escaped) {
    const [start, end] = offsets ?? range(path!) ?? [0, 0];
    diagnostics.push(
      diagnosticAt(file, source, start, end, {
        severity: 'error',
        rule: 'control-character',
        message: `a control character (${controlCharacterName(char)}) is written here, which no briefing can show: the feed, the Word file and the PDF break on most`,
        note: 'take out the escape (\\f, \\x0C) or character reference (&#12;) that writes it',
      }),
    );
  }
  return diagnostics;
}
