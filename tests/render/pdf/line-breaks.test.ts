/** Line breaking (src/render/pdf/line-breaks.ts), every character one unit wide. */
import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { breakLines, longestFitting } from '../../../src/render/pdf/line-breaks.js';
import { collectRuns, type Run } from '../../../src/render/pdf/runs.js';

const inline = (html: string): ElementContent[] => fromHtml(html, { fragment: true }).children as ElementContent[];
/** Every character one unit wide, spaces included. */
const measure = (text: string) => text.length;
const texts = (runs: Run[], width: number) => breakLines(runs, width, measure).map((line) => line.map((f) => f.text).join(''));

describe('breakLines', () => {
  const run = (text: string): Run => ({ text, face: 'regular' });

  it('fills lines greedily at spaces, keeping the spaces in the text', () => {
    expect(texts([run('aaa bbb ccc dddd')], 8)).toEqual(['aaa bbb ', 'ccc dddd']);
  });

  it('breaks a word wider than the line between characters', () => {
    expect(texts([run('ab cdefghijkl mn')], 5)).toEqual(['ab ', 'cdefg', 'hijkl ', 'mn']);
  });

  it('breaks a very long word measuring about a line’s worth of text for each line, not the word', () => {
    const word = 'x'.repeat(200_000);
    let measured = 0;
    const counting = (text: string): number => {
      measured += text.length;
      return text.length;
    };
    const lines = breakLines([run(word)], 80, counting);
    expect(lines).toHaveLength(2500);
    expect(lines.every((line) => line.map((f) => f.text).join('') === 'x'.repeat(80))).toBe(true);
    // The word is measured whole twice (its width, with and without trailing space); then each
    // line a few hundred characters. Halving from the whole word measured ~400,000 a line.
    expect(measured / lines.length - (2 * word.length) / lines.length).toBeLessThan(1000);
  });

  it('keeps runs apart within a line and honours line breaks', () => {
    const lines = breakLines([run('one '), { text: 'two', face: 'bold' }, { text: '\n', face: 'regular' }, run('three')], 20, measure);
    expect(lines.map((line) => line.map((f) => `${f.text}@${f.x}`))).toEqual([['one @0', 'two@4'], ['three@0']]);
  });

  it('keeps an attribution whole, taking it onto the next line when it does not fit', () => {
    const runs = collectRuns(inline('by the conflict. <span class="attribution">(<abbr title="A">AH</abbr> &amp; <abbr title="B">BC</abbr>)</span>'));
    expect(
      runs
        .filter((r) => r.nowrap)
        .map((r) => r.text)
        .join(''),
    ).toBe('(AH & BC)');
    expect(breakLines(runs, 22, measure).map((line) => line.map((f) => f.text).join(''))).toEqual(['by the conflict. ', '(AH & BC)']);
    // Without the attribution's span, a line may break at its spaces, but never between runs.
    const plain = collectRuns(inline('by the conflict. (<abbr title="R">RES</abbr>)'));
    expect(breakLines(plain, 18, measure).map((line) => line.map((f) => f.text).join(''))).toEqual(['by the conflict. ', '(RES)']);
  });

  it('tells of a word wider than the line', () => {
    const told: string[] = [];
    breakLines([run('ab cdefghijkl')], 5, measure, (word) => told.push(word));
    expect(told).toEqual(['cdefghijkl']);
  });

  it('gives an empty paragraph one empty line', () => {
    expect(breakLines([], 10, measure)).toEqual([[]]);
  });
});

describe('a soft hyphen (U+00AD)', () => {
  const run = (text: string): Run[] => [{ text, face: 'regular' }];

  it('is not printed, nor measured, within a line', () => {
    expect(texts(run('Inter\u00ADnational co\u00ADoperation.'), 40)).toEqual(['International cooperation.']);
  });

  it('is where a word that does not fit breaks, a hyphen printed there, at the last one that fits', () => {
    expect(texts(run('The inter\u00ADnation\u00ADal co\u00ADoperation.'), 16)).toEqual(['The internation-', 'al cooperation.']);
    // Wider than any line, the word breaks at a soft hyphen on each line, not between characters.
    const told: string[] = [];
    const lines = breakLines(run('ab\u00ADcd\u00ADef\u00ADgh'), 5, measure, (word) => told.push(word));
    expect(lines.map((line) => line.map((f) => f.text).join(''))).toEqual(['abcd-', 'efgh']);
    expect(told).toEqual([]);
  });

  it('at a word’s start or end, or where nothing before it fits, leaves the word to the next line', () => {
    expect(texts(run('One two\u00AD'), 5)).toEqual(['One ', 'two']);
    expect(texts(run('abcdef \u00ADInter'), 8)).toEqual(['abcdef ', 'Inter']);
    expect(texts(run('One longer\u00ADword'), 7)).toEqual(['One ', 'longer-', 'word']);
  });
});

describe('a hostile word of soft hyphens', () => {
  it('is broken between characters, measuring about a line’s worth of text for each line, not the word', () => {
    const word = 'abcdefghi\u00AD'.repeat(20_000);
    let measured = 0;
    const counting = (text: string) => ((measured += text.length), text.length);
    const lines = breakLines([{ text: word, face: 'regular' }], 80, counting);
    expect(lines.length).toBeGreaterThan(2000);
    expect(measured).toBeLessThan(50 * word.length);
  });
});

describe('longestFitting', () => {
  it('finds the largest count that fits, as counting up one by one would, in a few trials', () => {
    for (const [least, most] of [
      [0, 0],
      [0, 1],
      [1, 1],
      [0, 37],
      [1, 1000],
      [0, 200_000],
    ] as const) {
      for (const limit of [least, least + 1, Math.floor((least + most) / 3), most - 1, most, most + 5]) {
        const tried: number[] = [];
        const found = longestFitting(least, most, (count) => {
          tried.push(count);
          return count <= limit;
        });
        expect(found, `${least}..${most}, fits up to ${limit}`).toBe(Math.max(least, Math.min(limit, most)));
        expect(tried.every((count) => count >= least && count <= most)).toBe(true);
        // Doubling up to the answer, then halving below it: nothing near `most` unless the answer is.
        expect(tried.length).toBeLessThanOrEqual(2 * Math.log2(Math.max(2, found)) + 4);
        expect(Math.max(0, ...tried)).toBeLessThanOrEqual(Math.max(2 * found + 2, least));
      }
    }
  });
});
