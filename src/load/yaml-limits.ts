/**
 * The front-matter's bound on nesting, checked before the YAML is composed. The `yaml` package
 * composes a document recursively: a few hundred nested `[` or `{`, or `- ` repeated on one
 * line, and it runs out of stack, at a depth that depends on the thread, and reports the
 * overflow as a syntax error somewhere inside; a deeper value then overflows the walks after it
 * (an internal error for the whole record, found with 50,000 `- ` in 100 KB). A record's
 * front-matter nests three deep (speakers: a list of mappings, each with its fields).
 */
import { Parser } from 'yaml';
import type { LimitProblem } from './limits.js';

/** Lists and mappings nested deeper than this in the front-matter are refused. */
export const MAX_YAML_NESTING = 32;

/** What a record's front-matter needs, for the note. */
const FRONT_MATTER_NOTE =
  'a record’s front-matter nests three deep at most (speakers: a list of names and initials); check the brackets, dashes and indentation';

/**
 * Where the YAML `yaml` first nests lists or mappings deeper than MAX_YAML_NESTING, if it
 * does; offsets are `yaml`'s own. `name` and `note` say what the YAML is (a record's
 * front-matter unless given: the config file gives its own).
 */
export function yamlLimitProblem(yaml: string, name = 'the front-matter', note = FRONT_MATTER_NOTE): LimitProblem | undefined {
  const scan = scanNesting(yaml);
  if (scan.bound <= MAX_YAML_NESTING && scan.compactPast === undefined) return undefined;
  // `- ` or `? ` repeated on one line opens a level each: past the bound on one line, that
  // line alone is too deep (and the syntax tree below would recurse once per level).
  const deep = scan.compactPast ?? firstTooDeep(yaml);
  if (deep === undefined) return undefined;
  return { start: deep, end: deep + 1, message: `${name} nests lists and mappings more than ${MAX_YAML_NESTING} deep here: phrg-brief reads no further`, note };
}

/**
 * A quick upper bound on the nesting, in one pass over the text: every flow collection opens
 * with `[` or `{`, counted wherever they stand; a block collection starts at its line's first
 * key or `-`, and each level below it starts further right, but for a list under a key at the
 * key's own column; so a line whose content starts at column c is at most 2 (c + 1) deep.
 * Scalars' text counts too, and only ever raises the bound: past it, the exact count decides.
 * Also where a line's `- ` and `? ` indicators alone pass the limit, if one does.
 */
function scanNesting(yaml: string): { bound: number; compactPast?: number } {
  let openers = 0;
  let widest = 0;
  let column = 0;
  let compact = 0;
  let leading = true;
  for (let i = 0; i < yaml.length; i++) {
    const code = yaml.charCodeAt(i);
    if (code === 10) {
      column = 0;
      compact = 0;
      leading = true;
      continue;
    }
    if (code === 91 || code === 123) openers++;
    if (!leading) continue;
    if (code === 45 || code === 63) {
      // `-` or `?` followed by a blank opens a level; followed by text, it starts a scalar.
      const next = yaml.charCodeAt(i + 1);
      if (next === 32 || next === 9 || next === 10 || Number.isNaN(next)) {
        if (++compact > MAX_YAML_NESTING) return { bound: Infinity, compactPast: i };
      }
      column++;
    } else if (code === 32 || code === 9 || code === 58) {
      column++;
    } else {
      // A key, a value, or an anchor or tag before one: a collection of this line starts here at the latest.
      leading = false;
      if (column > widest) widest = column;
    }
  }
  if (leading && column > widest) widest = column;
  return { bound: openers + 2 * (widest + 1) };
}

/** The offset of the first collection nested past the bound, by the `yaml` package's own syntax tree, built without recursion. */
function firstTooDeep(yaml: string): number | undefined {
  interface Token {
    type: string;
    offset: number;
    value?: Token;
    key?: Token | null;
    items?: { key?: Token | null; value?: Token | null }[];
  }
  for (const document of new Parser().parse(yaml) as Iterable<Token>) {
    // Depth-first, in the order the text has them, so that the first place is the one reported.
    const stack: { token: Token; depth: number }[] = [{ token: document, depth: 0 }];
    while (stack.length > 0) {
      const { token, depth: above } = stack.pop()!;
      const depth = token.items ? above + 1 : above;
      if (depth > MAX_YAML_NESTING) return token.offset;
      const children: Token[] = [];
      if (token.value && typeof token.value === 'object') children.push(token.value);
      for (const item of token.items ?? []) {
        if (item.key && typeof item.key === 'object') children.push(item.key);
        if (item.value && typeof item.value === 'object') children.push(item.value);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push({ token: children[i]!, depth });
    }
  }
  return undefined;
}
