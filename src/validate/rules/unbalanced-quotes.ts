/**
 * unbalanced-quotes — quotation marks and brackets open and close within their paragraph.
 *
 * Why: a quote that never opens or closes changes what was said and by whom; the seed
 * briefing itself printed `on Indigenous … (PPK)”` without its opening quote. Curly double
 * quotes must pair (“ ”), straight double quotes come in twos, a curly single opening quote
 * (‘) needs a closing one, and ( ) and [ ] must nest. A ’ alone is an apostrophe.
 */
import type { Rule } from './rule.js';

const OPENERS: Record<string, string> = { ')': '(', ']': '[', '”': '“' };

/** Characters the scan stops at; text without any of them is balanced. */
const MARKS = /[()[\]“”"‘’]/g;

export interface Imbalance {
  index: number;
  char: string;
  message: string;
}

/** The first imbalance in `text`, or none. */
export function findImbalance(text: string): Imbalance | undefined {
  const stack: { char: string; index: number }[] = [];
  const straight: number[] = [];
  let singles: number[] = [];
  // Only the marks matter: jump from one to the next rather than walk every character.
  for (const match of text.matchAll(MARKS)) {
    const char = match[0];
    const i = match.index;
    if (char === '(' || char === '[' || char === '“') stack.push({ char, index: i });
    else if (char === ')' || char === ']' || char === '”') {
      const opener = OPENERS[char]!;
      const top = stack.at(-1);
      if (top?.char === opener) stack.pop();
      else if (stack.some((entry) => entry.char === opener)) {
        return { index: top!.index, char: top!.char, message: `${top!.char} is not closed before ${char}` };
      } else {
        return { index: i, char, message: char === '”' ? 'closing quote ” without an opening “' : `${char} closes nothing` };
      }
    } else if (char === '"') straight.push(i);
    else if (char === '‘') singles.push(i);
    else if (!/\p{L}/u.test(text[i + 1] ?? '')) singles = singles.slice(0, -1); // ’ not inside a word
  }
  const open = stack[0];
  if (open) return { index: open.index, char: open.char, message: `${open.char} is never closed` };
  if (straight.length % 2 === 1) return { index: straight.at(-1)!, char: '"', message: 'an odd number of " quotes' };
  if (singles.length > 0) return { index: singles[0]!, char: '‘', message: '‘ is never closed' };
  return undefined;
}

export const unbalancedQuotes: Rule = {
  id: 'unbalanced-quotes',
  severity: 'warning',
  description: '“ without ”, an odd number of `"`, ‘ without ’, ( or [ not closed',
  needs: 'body',
  check(context, report) {
    for (const segment of context.texts()) {
      const imbalance = findImbalance(segment.text);
      if (!imbalance) continue;
      const [start, end] = segment.locate(imbalance.index, 1);
      report({
        start,
        end,
        message: `unbalanced quotes or brackets${segment.field === 'body' ? '' : ` in ${segment.field}`}: ${imbalance.message}`,
        note: imbalance.char === '”' ? 'add the opening “ where the quotation begins' : undefined,
      });
    }
  },
};
