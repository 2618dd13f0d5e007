import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../src/render/column-widths.js';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('columnWidths', () => {
  it('gives each column its natural width, scaled to the whole, when all fit', () => {
    expect(columnWidths([10, 10], [100, 300], 800)).toEqual([200, 600]);
  });

  it('keeps every column’s longest word when those fit, sharing the rest by what each wants more', () => {
    // Twelve columns: ten of figures (20 wide), a name (45) and notes whose longest word is 60.
    const min = [45, ...Array(10).fill(20), 60];
    const max = [45, ...Array(10).fill(20), 400];
    const widths = columnWidths(min, max, 480);
    expect(sum(widths)).toBeCloseTo(480);
    widths.forEach((width, c) => expect(width, `column ${c}`).toBeGreaterThanOrEqual(min[c]!));
    // What is left over goes to the notes, the one column that wants more.
    expect(widths[11]).toBeCloseTo(480 - 45 - 200);
  });

  it('where the longest words do not fit, meets the small ones in full and shares the rest equally', () => {
    const widths = columnWidths([10, 10, 200, 300], [10, 10, 400, 500], 220);
    expect(widths).toEqual([10, 10, 100, 100]);
  });
});
