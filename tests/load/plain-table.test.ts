/**
 * The plain-table fast path gives remark's tree (GFM), positions included, and declines
 * what it does not build itself: held on fuzzed tables, plain ones and near misses mixed.
 */
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/load/markdown.js';
import { parsePlainTable } from '../../src/load/plain-table.js';

const remark = unified().use(remarkParse).use(remarkGfm).freeze();
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Cell contents: plain words most often, then what a cell may hold that the fast path leaves alone. */
const content = fc.oneof(
  { weight: 60, arbitrary: fc.stringMatching(/^[A-Za-zÀ-ž0-9’“”().,:;?%-]{1,8}( [A-Za-z0-9]{1,6}){0,2}$/) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '---',
      ':-:',
      '*em*',
      '`code`',
      'a\\|b',
      '[link](https://example.org)',
      'www.example.org',
      'a@b.org',
      '~~x~~',
      '&amp;',
      '\u00a0x',
      'x\ty',
      '<b>',
      '- item',
      '# h',
      '> q',
      '1. one',
    ),
  },
);
const delimiter = fc.constantFrom('---', '---', ':--', '--:', ':-:', '-', ' --- ', ':---:', '---  ', '- -', '', 'x');
const pad = fc.constantFrom(' ', ' ', '', '  ');

const row = (cells: string[], pads: string[], outer: boolean): string => {
  const inner = cells.map((cell, i) => `${pads[i % pads.length]}${cell}${pads[(i + 1) % pads.length]}`).join('|');
  return outer ? `|${inner}|` : inner;
};

const table = fc
  .record({
    width: fc.integer({ min: 1, max: 4 }),
    header: fc.array(content, { minLength: 1, maxLength: 5 }),
    delimiters: fc.array(delimiter, { minLength: 1, maxLength: 5 }),
    body: fc.array(fc.array(content, { minLength: 1, maxLength: 5 }), { maxLength: 4 }),
    pads: fc.array(pad, { minLength: 1, maxLength: 3 }),
    outer: fc.constantFrom(true, true, true, false),
    ragged: fc.constantFrom(false, false, false, true),
    after: fc.constantFrom('', '\n', '\n\n', '\nlazy line', ' '),
  })
  .map(({ width, header, delimiters, body, pads, outer, ragged, after }) => {
    const fit = <T>(cells: T[], fill: T): T[] => (ragged ? cells : Array.from({ length: width }, (_, i) => cells[i] ?? fill));
    const lines = [row(fit(header, 'H'), pads, outer), row(fit(delimiters, '---'), pads, outer), ...body.map((cells) => row(fit(cells, 'x'), pads, outer))];
    return `${lines.join('\n')}${after}`;
  });

describe('parsePlainTable', () => {
  it('gives remark’s tree for plain tables and declines the rest, on fuzzed tables', () => {
    let fast = 0;
    const numRuns = Number(process.env.PHRG_BRIEF_FUZZ_RUNS ?? 1000);
    fc.assert(
      fc.property(table, (markdown) => {
        expect(plain(parseMarkdown(markdown)), markdown).toEqual(plain(remark.parse(markdown)));
        const direct = parsePlainTable(markdown);
        if (direct) {
          expect(plain(direct), markdown).toEqual(plain(remark.parse(markdown)));
          fast++;
        }
      }),
      { numRuns, seed: Number(process.env.PHRG_BRIEF_FUZZ_SEED ?? 20261201) },
    );
    // The fuzz must reach the fast path often, or it proves little (166 of 1,000 with this seed).
    expect(fast).toBeGreaterThan(numRuns / 10);
  });

  it('builds a plain table with its alignments, cell and text positions', () => {
    const markdown = '| Year | Cases |\n| :-- | --: |\n| 2015 | 12 |\n\n';
    const tree = parsePlainTable(markdown);
    expect(plain(tree)).toEqual(plain(remark.parse(markdown)));
    expect(tree?.children[0]).toMatchObject({ type: 'table', align: ['left', 'right'] });
  });

  it('declines a table with an empty cell, inline syntax, or rows without outer pipes', () => {
    for (const markdown of [
      '| a | |\n| - | - |\n',
      '| *a* | b |\n| - | - |\n',
      'a | b\n- | -\n',
      '| a | b |\n| - | - |\n| 1 | 2 | 3 |\n',
      '| a |\n| - |\nlazy\n',
    ])
      expect(parsePlainTable(markdown), markdown).toBeUndefined();
  });
});
