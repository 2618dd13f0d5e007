/** Heading levels without a gap, the record's outline kept. */
import { describe, expect, it } from 'vitest';
import { HeadingLevels } from '../../src/render/heading-levels.js';

const given = (written: number[]): number[] => {
  const levels = new HeadingLevels();
  return written.map((level) => levels.next(level));
};

describe('HeadingLevels', () => {
  it('closes a gap below the title, and keeps headings written at one level level with each other', () => {
    expect(given([1, 3, 4, 3])).toEqual([1, 2, 3, 2]);
    expect(given([1, 3, 2, 4])).toEqual([1, 2, 2, 3]);
  });

  it('leaves an outline without gaps as it is', () => {
    expect(given([1, 2, 3, 3, 2, 3, 4, 2])).toEqual([1, 2, 3, 3, 2, 3, 4, 2]);
  });
});
