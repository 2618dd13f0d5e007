import { describe, expect, it } from 'vitest';
import { capitalise, joinClauses, joinList, listEnd, listSeparator, longDate, ogLocale, shortDate, weekday, withArticle } from '../../src/compose/helpers.js';

/** The endings of n bulleted items, as the house style prints them. */
const endings = (count: number): string[] => Array.from({ length: count }, (_, i) => listEnd(i, count));

describe('listEnd', () => {
  it.each([
    [1, ['.']],
    [2, ['; and,', '.']],
    [3, [';', '; and,', '.']],
    [4, [';', ';', '; and,', '.']],
    [5, [';', ';', ';', '; and,', '.']],
  ])('ends %i speakers as the house style does', (count, expected) => {
    expect(endings(count)).toEqual(expected);
  });
});

describe('lists mid-sentence', () => {
  it.each([
    [[], ''],
    [['the PHRG'], 'the PHRG'],
    [['the PHRG', 'APPG Latin America'], 'the PHRG and APPG Latin America'],
    [['A', 'B', 'C'], 'A, B and C'],
    [['A', 'B', 'C', 'D', 'E'], 'A, B, C, D and E'],
  ])('joinList(%j) = %s', (items, expected) => {
    expect(joinList(items)).toBe(expected);
  });

  it('separates items with commas of their own by "; " and ", and "', () => {
    const items = ['A, Chair', 'B, Vice-Chair', 'C, Officer'];
    expect(items.map((item, i) => item + listSeparator(i, items.length, true)).join('')).toBe('A, Chair; B, Vice-Chair; and C, Officer');
    expect(
      items
        .slice(1)
        .map((item, i) => item + listSeparator(i, 2, true))
        .join(''),
    ).toBe('B, Vice-Chair, and C, Officer');
    expect(items.map((item, i) => item + listSeparator(i, items.length)).join('')).toBe('A, Chair, B, Vice-Chair and C, Officer');
  });

  it('joins clauses, skipping missing ones', () => {
    expect(joinClauses('Ismael Vega', 'Director', undefined, 'which works')).toBe('Ismael Vega, Director, which works');
    expect(joinClauses(undefined, '', 'Egypt')).toBe('Egypt');
  });
});

describe('dates and words', () => {
  it('formats dates in the house style', () => {
    expect(shortDate('2016-11-07')).toBe('7/11/16');
    expect(shortDate('2009-01-30')).toBe('30/1/09');
    expect(longDate('2016-11-07')).toBe('7 November');
    expect(longDate('1979-05-01')).toBe('1 May');
  });

  it('capitalises the first letter only', () => {
    expect(capitalise('the All-Party Group')).toBe('The All-Party Group');
    expect(capitalise('ábc')).toBe('Ábc');
  });

  it('chooses the article', () => {
    expect(withArticle('meeting')).toBe('a meeting');
    expect(withArticle('roundtable')).toBe('a roundtable');
    expect(withArticle('event')).toBe('an event');
    expect(withArticle('informal briefing')).toBe('an informal briefing');
    expect(withArticle('university seminar')).toBe('a university seminar');
  });
});

describe('weekday', () => {
  it('names the day as Intl’s en-GB long weekday does, for every day of four centuries', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
    let days = 0;
    for (let time = Date.UTC(1800, 0, 1); time < Date.UTC(2200, 0, 1); time += 86_400_000) {
      const iso = new Date(time).toISOString().slice(0, 10);
      expect(weekday(iso)).toBe(intl.format(new Date(`${iso}T12:00:00Z`)));
      days++;
    }
    expect(days).toBe(146_097);
    expect(weekday('2016-11-07')).toBe('Monday');
  });
});

describe('ogLocale', () => {
  it('writes a language tag as Open Graph’s language_TERRITORY, and none where the tag has no territory', () => {
    expect(ogLocale('en-GB')).toBe('en_GB');
    expect(ogLocale('pt-br')).toBe('pt_BR');
    expect(ogLocale('fr')).toBe('');
    expect(ogLocale('sr-Latn-RS')).toBe('');
  });
});
