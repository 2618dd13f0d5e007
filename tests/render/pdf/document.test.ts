import { describe, expect, it } from 'vitest';
import { fitText } from '../../../src/render/pdf/document.js';

/** Every character one unit wide; counts what it measures. */
function counting(): { measure: (text: string) => number; measured: () => number } {
  let total = 0;
  return {
    measure: (text) => {
      total += text.length;
      return text.length;
    },
    measured: () => total,
  };
}

describe('fitText (the running header)', () => {
  it('keeps text that fits, and otherwise the most words that fit with an ellipsis', () => {
    expect(fitText('7/11/16 · Peru', 20, counting().measure)).toBe('7/11/16 · Peru');
    expect(fitText('one two three four five', 15, counting().measure)).toBe('one two three …');
    expect(fitText('one two three four five', 14, counting().measure)).toBe('one two …');
    expect(fitText('one two', 6, counting().measure)).toBe('one …');
  });

  it('cuts a first word too wide alone between characters, never inside a surrogate pair', () => {
    expect(fitText('abcdefghij klm', 6, counting().measure)).toBe('abcde…');
    expect(fitText('abcd😀efgh', 6, counting().measure)).toBe('abcd…');
  });

  it('measures about a line’s worth of text for a title of 20,000 words, not the title once a word', () => {
    const title = 'word '.repeat(20_000).trim();
    const { measure, measured } = counting();
    expect(fitText(title, 80, measure)).toBe(`${'word '.repeat(15).trim()} …`);
    // The title whole once, then a few dozen trials of a line or two each.
    expect(measured() - title.length).toBeLessThan(5_000);
  });
});
