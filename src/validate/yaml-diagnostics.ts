/**
 * Validates a YAML document against a zod schema and places every problem on the exact key
 * or value it concerns, using the `yaml` package's node ranges. Shared by records and the
 * project config.
 */
import { isMap, isNode, isPair, isScalar, isSeq, visit, YAMLWarning, type Document, type Node, type Pair, type YAMLError } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAt } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/source.js';
import { MAX_ALIAS_COUNT } from '../load/frontmatter.js';
import { aliasProblem } from './yaml-aliases.js';
import { closest } from './suggest.js';
import { colonInValue } from './value-colon.js';
import { unseenIndentation } from './yaml-indentation.js';
import { describe, lowerFirst, nameOfType, pathLabel } from './value-names.js';

export interface YamlContext {
  file: string;
  source: SourceText;
  document: Document.Parsed;
  /** Offset of the YAML source in the file's text. */
  offset: number;
  /** The keys allowed in the mapping at `path`, for "did you mean". */
  knownKeys(path: readonly PropertyKey[]): readonly string[];
  /** Words people write for a key allowed at `path`, lower-case, with the key they mean (`initials` for `key`). */
  synonyms?(path: readonly PropertyKey[]): Readonly<Record<string, string>>;
  /** For an unknown key at `path` (lower-case) that belongs somewhere else, where it does. */
  elsewhere?(path: readonly PropertyKey[]): Readonly<Record<string, string>>;
  /** A better message for a value that failed, if the caller has one (e.g. ambiguous dates). */
  explain?(path: readonly PropertyKey[], value: unknown): { message: string; note?: string } | undefined;
  /** A record's front-matter (between `---` fences), with a one-line example of a required key. */
  frontMatter?: { example(key: string): string | undefined };
}

export type YamlValidation<T> =
  | { ok: true; data: T; diagnostics: Diagnostic[] }
  /** `value`: the document read as it is, when its syntax let it be read. */
  | { ok: false; diagnostics: Diagnostic[]; value?: unknown };

export function validateYaml<T>(context: YamlContext, schema: z.ZodType<T>): YamlValidation<T> {
  const { document } = context;
  // Errors yaml gives for one slip (a quote never closed: a missing character, a bad indent)
  // come out alike once moved to where the slip is: each is said once.
  const said = new Set<string>();
  const syntax = [...document.errors, ...document.warnings]
    .map((error) => syntaxDiagnostic(context, error))
    .filter((d) => !said.has(`${d.line}:${d.column}:${d.message}`) && Boolean(said.add(`${d.line}:${d.column}:${d.message}`)));
  // Indentation YAML cannot see gives errors about what follows from it, in its own words (or a
  // key named with the spaces in it): said instead is what the editor must mend.
  const indentation = unseenIndentation(context);
  if (indentation.length > 0) return { ok: false, diagnostics: indentation };
  if (document.errors.length > 0) return { ok: false, diagnostics: syntax };

  if (document.contents !== null && !isMap(document.contents)) {
    const [start, end] = rangeOf(document.contents);
    return {
      ok: false,
      diagnostics: [
        ...syntax,
        at(context, start, end, {
          severity: 'error',
          rule: 'schema',
          message: `the front-matter must be a mapping of keys to values, found ${describe(document.toJS())}`,
        }),
      ],
    };
  }

  const aliases = aliasProblem(document);
  if (aliases) return { ok: false, diagnostics: [...syntax, at(context, aliases.start, aliases.end, { severity: 'error', rule: 'yaml-syntax', ...aliases })] };
  const value: unknown = document.contents === null ? {} : document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data, diagnostics: syntax };
  // Two checks of one value (a pattern, then the calendar) may fail alike: say it once.
  const seen = new Set<string>();
  const issues = issuesToDiagnostics(context, value, result.error.issues).filter((d) => {
    const key = `${d.line}:${d.column}:${d.message}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
  return { ok: false, diagnostics: [...syntax, ...issues], value };
}

type Issue = z.core.$ZodIssue;

function issuesToDiagnostics(context: YamlContext, root: unknown, issues: readonly Issue[], base: PropertyKey[] = []): Diagnostic[] {
  const unknownKeyPaths = new Set(issues.filter((issue) => issue.code === 'unrecognized_keys').map((issue) => pathKey([...base, ...issue.path])));
  // A required key that is missing because it was misspelt ("titel") is told once, as the
  // unknown key with its suggestion.
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = [...base, ...issue.path];
    for (const key of issue.keys) {
      const suggestion = meantKey(context, path, key);
      if (suggestion) misspelt.add(pathKey([...path, suggestion]));
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    // A refinement on an object that also has a misspelt key is the same mistake told twice.
    if (issue.code === 'custom' && unknownKeyPaths.has(pathKey(path))) continue;
    if (issue.code === 'invalid_type' && misspelt.has(pathKey(path)) && valueAt(root, path) === undefined) continue;
    diagnostics.push(...issueToDiagnostics(context, root, issue, path));
  }
  return diagnostics;
}

/** The allowed key an unknown one stands for: a word people use for it, else one spelt alike. */
function meantKey(context: YamlContext, path: readonly PropertyKey[], key: string): string | undefined {
  return context.synonyms?.(path)[key.toLowerCase()] ?? closest(key, context.knownKeys(path));
}

function issueToDiagnostics(context: YamlContext, root: unknown, issue: Issue, path: PropertyKey[]): Diagnostic[] {
  const value = valueAt(root, path);
  const label = pathLabel(path);

  if (issue.code === 'unrecognized_keys') {
    const known = context.knownKeys(path);
    return issue.keys.map((key) => {
      const [start, end] = keyRange(context.document, path, key);
      const meant = meantKey(context, path, key);
      const elsewhere = context.elsewhere?.(path)[key.toLowerCase()];
      return at(context, start, end, {
        severity: 'error',
        rule: 'schema',
        message: `unknown key ${key}${path.length > 0 ? ` in ${label}` : ''}`,
        note: elsewhere ?? (meant ? `did you mean ${meant}?` : `known keys: ${known.join(', ')}`),
      });
    });
  }

  if (issue.code === 'invalid_union') {
    const expected = issue.errors
      .flatMap((branch) => branch.filter((inner) => inner.code === 'invalid_type').map((inner) => nameOfType(inner.expected)))
      .join(' or ');
    return [valueDiagnostic(context, path, `${label} must be ${expected}, found ${describe(value)}`)];
  }

  if (value === undefined) {
    const parent = path.slice(0, -1);
    const key = String(path.at(-1));
    // A key missing from the front-matter is added at its end: point at the closing `---`,
    // which follows the YAML source (its whole length) and a line break.
    const atFence = parent.length === 0 && context.frontMatter !== undefined;
    const fence = (context.document.range?.[2] ?? 0) + 1;
    const [start, end] = atFence ? [fence, fence + 3] : parentKeyRange(context, parent);
    const example = atFence ? context.frontMatter?.example(key) : undefined;
    const message = `missing required key ${key}${parent.length > 0 ? ` in ${pathLabel(parent)}` : atFence ? ' in the front-matter' : ''}`;
    return [
      at(context, start, end, {
        severity: 'error',
        rule: 'schema',
        message,
        ...(example ? { note: `add it above the closing ---, for example:  ${example}` } : {}),
      }),
    ];
  }

  const explained = context.explain?.(path, value);
  if (explained) return [valueDiagnostic(context, path, explained.message, explained.note)];

  if (issue.code === 'invalid_type') {
    return [valueDiagnostic(context, path, `${label} must be ${nameOfType(issue.expected)}, found ${describe(value)}`)];
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    const choices = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : (allowed[0] ?? '');
    return [valueDiagnostic(context, path, `${label} must be ${allowed.length > 1 ? 'one of ' : ''}${choices}, found ${describe(value)}`)];
  }
  // zod's own words for a bound ("Too small: expected array to have >=1 items") in ours; a
  // schema's own message (tags' "at most 100: …") is kept.
  if ((issue.code === 'too_small' || issue.code === 'too_big') && /^Too (small|big)/.test(issue.message)) {
    const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
    const what = issue.origin === 'array' ? 'list' : issue.origin === 'string' ? 'have' : 'be';
    const unit =
      issue.origin === 'array'
        ? Number(issue.code === 'too_small' ? issue.minimum : issue.maximum) === 1
          ? ' item'
          : ' items'
        : issue.origin === 'string'
          ? ' characters'
          : '';
    return [valueDiagnostic(context, path, `${label} must ${what} ${bound}${unit}`)];
  }
  return [valueDiagnostic(context, path, `${label} ${issue.message}`)];
}

function valueDiagnostic(context: YamlContext, path: PropertyKey[], message: string, note?: string): Diagnostic {
  const node = context.document.getIn(path.map(toYamlKey), true);
  const [start, end] = isNode(node) ? rangeOf(node) : parentKeyRange(context, path);
  return at(context, start, end, { severity: 'error', rule: 'schema', message, note });
}

/** Where to point when a key is missing: the key that holds the mapping, or the opening fence. */
function parentKeyRange(context: YamlContext, path: PropertyKey[]): [number, number] {
  if (path.length === 0) return [-context.offset, 0];
  const pair = pairAt(context.document, path);
  if (pair && isNode(pair.key)) return rangeOf(pair.key);
  const node = context.document.getIn(path.map(toYamlKey), true);
  return isNode(node) ? [rangeOf(node)[0], rangeOf(node)[0] + 1] : parentKeyRange(context, path.slice(0, -1));
}

function keyRange(document: Document.Parsed, path: PropertyKey[], key: string): [number, number] {
  const pair = pairAt(document, [...path, key]);
  if (pair && isNode(pair.key)) return rangeOf(pair.key);
  return [0, 0];
}

/** The key/value pair for the last step of `path`, when that step is a mapping key. */
function pairAt(document: Document.Parsed, path: PropertyKey[]): Pair | undefined {
  const container = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1).map(toYamlKey), true);
  if (!isMap(container)) return undefined;
  const wanted = String(path.at(-1));
  return container.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === wanted);
}

function rangeOf(node: Node): [number, number] {
  const range = node.range ?? [0, 0, 0];
  return [range[0], range[1]];
}

function at(context: YamlContext, start: number, end: number, init: Parameters<typeof diagnosticAt>[4]): Diagnostic {
  return diagnosticAt(context.file, context.source, start + context.offset, end + context.offset, init);
}

/**
 * A YAML error, moved to where the editor must act: the parser notices an unclosed quote or
 * bracket only where the text runs out, so point at the quote or bracket that opened it.
 */
function syntaxDiagnostic(context: YamlContext, error: YAMLError): Diagnostic {
  const severity = error instanceof YAMLWarning ? 'warning' : 'error';
  let [start, end] = error.pos;
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(context.source.text.slice(start + context.offset))?.[0].trim() ?? '';
    return at(context, start, start + key.length, { severity, rule: 'duplicate-key', message: `the key ${key} is given twice in one mapping` });
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const colon = colonInValue(context.source.text, start + context.offset);
    if (colon) return at(context, start, colon.end - context.offset, { severity, rule: 'yaml-syntax', message: colon.message, note: colon.note });
  }
  let message = lowerFirst(error.message);
  const opener = unclosedOpener(context.document, start);
  if (opener !== undefined) {
    const char = context.source.text.charAt(opener + context.offset);
    const what = char === '"' || char === "'" ? 'quote' : 'bracket';
    message = `the ${what} ${char} opened here is never closed`;
    [start, end] = [opener, opener + 1];
  }
  return at(context, start, end, { severity, rule: 'yaml-syntax', message });
}

/** The start of the quoted scalar or flow collection that is still open at `offset`. */
export function unclosedOpener(document: Document.Parsed, offset: number): number | undefined {
  let found: number | undefined;
  visit(document, (_key, node) => {
    if (!isNode(node) || !node.range) return;
    const open = (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) || ((isMap(node) || isSeq(node)) && node.flow);
    if (open && node.range[0] < offset && offset <= node.range[2]) found = node.range[0];
  });
  return found;
}

function toYamlKey(step: PropertyKey): unknown {
  return typeof step === 'symbol' ? String(step) : step;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[step];
  }
  return current;
}

function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('\u0000');
}
