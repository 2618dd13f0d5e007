/** The words of a rendered briefing: whitespace collapsed, bullet glyphs dropped. */
export function words(text: string): string[] {
  return text
    .replace(/[•◦▪‣●]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** A readable diff of two word lists: the first place they part, with context. */
export function wordDiff(actual: readonly string[], expected: readonly string[]): string {
  const length = Math.max(actual.length, expected.length);
  for (let i = 0; i < length; i++) {
    if (actual[i] !== expected[i]) {
      const from = Math.max(0, i - 5);
      return `word ${i}: got …${actual.slice(from, i + 5).join(' ')}… expected …${expected.slice(from, i + 5).join(' ')}…`;
    }
  }
  return '';
}
