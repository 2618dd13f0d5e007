import { describe, expect, it } from 'vitest';
import { findImbalance } from '../../../src/validate/rules/unbalanced-quotes.js';
import { findings, record } from './lint.js';

describe('findImbalance', () => {
  it.each([
    'He said “no”. (AB)',
    'The company’s “consultation” (a formality) [sic].',
    'Defenders’ families, the groups’ lawyers.',
    '“Nested (brackets) inside” and ‘single ones’.',
    'A straight "pair" of quotes.',
  ])('accepts %s', (text) => {
    expect(findImbalance(text)).toBeUndefined();
  });

  it.each([
    ['onIndigenous groups … (PPK)”.', 27, '”'],
    ['He said “no. (AB)', 8, '“'],
    ['A (bracket never closed.', 2, '('],
    ['A bracket closed twice).', 22, ')'],
    ['Crossed ( [ ) ].', 10, '['],
    ['An odd "quote.', 7, '"'],
    ['It was ‘a success.', 7, '‘'],
  ])('finds the slip in %s', (text, index, char) => {
    expect(findImbalance(text)).toMatchObject({ index, char });
  });
});

describe('unbalanced-quotes', () => {
  it('reports a slip in the body or the front-matter at its character', () => {
    expect(findings(record('- He said “no. (AB)\n- Fine. (CD)'), 'unbalanced-quotes')).toEqual(['12:11 “']);
    expect(findings(record('- Fine. (AB) \n- Fine. (CD)', 'topic: "Rights (PPK)”"\n'), 'unbalanced-quotes')).toEqual(['10:21 ”']);
  });

  it('reads a paragraph as a whole, across emphasis and links', () => {
    expect(findings(record('He said “*no* to [the plan](https://example.org)”. (AB) (CD)'), 'unbalanced-quotes')).toEqual([]);
  });
});
