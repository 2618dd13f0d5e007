/**
 * A quick, position-free read of a record's front-matter, for the common case: a record whose
 * YAML is plain mappings, lists and scalars, with nothing to report. The positioned read (the
 * `yaml` package's `parseDocument`, with its syntax tree and node ranges) was the largest cost
 * of checking a record (profiled, 1,000 records); most records never need a range, because
 * most have no problem to point at.
 *
 * The quick read is js-yaml, with the plain scalars typed by the `yaml` package's own YAML 1.2
 * core tags (so `no`, `on`, `1:30` and dates stay strings, exactly as the positioned read
 * has them). It answers only for text it is sure of: anything that either reader could take
 * differently, or that the positioned read warns about — anchors, aliases, tags, directives,
 * complex keys, block scalars, tabs, escapes, control characters, quoted scalars and flow
 * collections over several lines, document markers — is left to the positioned read, as is
 * any text js-yaml refuses (a duplicate key, say). The tests hold the two reads equal (value,
 * no errors, no warnings) on every record of the repository and on many thousands of
 * generated and fuzzed front-matters.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { Schema, isScalar, type CollectionTag, type ScalarTag } from 'yaml';

/** YAML 1.2 core's implicit scalar tags (null, bool, int, float), in the order the positioned read tries them. */
const CORE_TAGS = new Schema({ schema: 'core' }).tags.filter(
  (tag: CollectionTag | ScalarTag): tag is ScalarTag & { test: RegExp } => tag.default === true && tag.test !== undefined,
);

/**
 * One implicit type for them all, trying the tags in that order as the positioned read does
 * (js-yaml keeps only the last of several types that share a tag, such as the three ints).
 */
const CORE_SCALAR = new Type('tag:phrg-brief,2026:core-scalar', {
  kind: 'scalar',
  resolve: (source: string | null) => source !== null && CORE_TAGS.some((tag) => tag.test.test(source)),
  construct(source: string): unknown {
    const tag = CORE_TAGS.find((candidate) => candidate.test.test(source))!;
    const resolved: unknown = tag.resolve(source, () => undefined, { intAsBigInt: false });
    return isScalar(resolved) ? resolved.value : resolved;
  },
});

const QUICK_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [CORE_SCALAR] });

/**
 * Text either reader could take differently, or that the positioned read warns about:
 * a tab, CR, backslash (escapes), control or BOM character, a line separator; `&`, `*`, `!`,
 * `%`, `?`, `@`, a backtick, `|` or `>` where a node can start (anchors, aliases, tags,
 * directives, complex keys, reserved indicators, block scalars, whose chomping and folding
 * of trailing lines the readers do not share); a merge key; a document marker; a list item
 * whose value starts on a later line (js-yaml nests what follows a bare `-` wrongly).
 */
const UNSURE = /[\t\r\\\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]|(?:^|[-:?,[{])[ ]*[&*!%?@`|>]|<<|^(?:---|\.\.\.)|^[ ]*-[ ]*$/m;

/**
 * The front-matter as a plain mapping, or `undefined` when only the positioned read can
 * say (it may still be valid): the quick read is an optimisation, never a judge.
 */
export function quickYaml(source: string): Record<string, unknown> | undefined {
  if (UNSURE.test(source) || !eachLineClosesWhatItOpens(source)) return undefined;
  let value: unknown;
  try {
    value = load(source, { schema: QUICK_SCHEMA });
  } catch {
    return undefined;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A quote where a node can start: the opening of a quoted scalar (or, to be safe, a plain one's). */
const QUOTE_AT_NODE_START = /(?:^|[-:?,[{])[ ]*(["'])/g;

/**
 * Whether every line closes the quoted scalars and flow collections it opens (`tags: [a, b]`,
 * `topic: "…"`). Over several lines, the two readers' indentation rules part: js-yaml takes a
 * quoted scalar whose next line is not indented, which the positioned read refuses, and the
 * positioned read warns of a flow collection whose closing bracket is not indented.
 */
function eachLineClosesWhatItOpens(source: string): boolean {
  const brackets = /[[\]{}]/.test(source);
  const quotes = /["']/.test(source);
  if (!brackets && !quotes) return true;
  for (const line of source.split('\n')) {
    if (quotes && !quotesClose(line)) return false;
    if (brackets && !bracketsClose(line)) return false;
  }
  return true;
}

function quotesClose(line: string): boolean {
  QUOTE_AT_NODE_START.lastIndex = 0;
  for (let match = QUOTE_AT_NODE_START.exec(line); match; match = QUOTE_AT_NODE_START.exec(line)) {
    const quote = match[1]!;
    let at = match.index + match[0].length;
    for (;;) {
      at = line.indexOf(quote, at);
      if (at === -1) return false;
      if (quote === "'" && line[at + 1] === "'")
        at += 2; // '' is a quote inside single quotes
      else break;
    }
    QUOTE_AT_NODE_START.lastIndex = at + 1;
  }
  return true;
}

function bracketsClose(line: string): boolean {
  let depth = 0;
  for (const char of line) {
    if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}
