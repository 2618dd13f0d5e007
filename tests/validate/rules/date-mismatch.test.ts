import { describe, expect, it } from 'vitest';
import { namedDays } from '../../../src/validate/rules/date-mismatch.js';
import { findings, record } from './lint.js';

describe('namedDays', () => {
  it('reads the ways a briefing writes a day', () => {
    const days = namedDays('On Monday 4 May 2020, the 5th of May, May 6, 2020 and 7th May.');
    expect(days.map((d) => [d.weekday, d.day, d.month, d.year])).toEqual([
      [1, 4, 5, 2020],
      [undefined, 5, 5, undefined],
      [undefined, 6, 5, 2020],
      [undefined, 7, 5, undefined],
    ]);
  });
});

describe('date-mismatch', () => {
  const rest = '(AB) (CD)';
  it('reports a weekday that does not fall on its date', () => {
    expect(findings(record(`It met on Tuesday 4 May 2020. ${rest}`), 'date-mismatch')).toEqual(['12:11 Tuesday 4 May 2020']);
  });

  it('reports a sentence about the meeting that gives another day', () => {
    expect(findings(record(`The meeting was held on 5 May. ${rest}`), 'date-mismatch')).toEqual(['12:25 5 May']);
    expect(findings(record('- Fine. (AB) (CD)', 'intro: The PHRG met on 3 May 2020.\n'), 'date-mismatch')).toEqual(['10:24 3 May 2020']);
  });

  it('reports a correction dated before the meeting, and not one after it', () => {
    expect(findings(record(`A point. ${rest}`, 'updated: 2020-05-01\n'), 'date-mismatch')).toEqual(['10:10 2020-05-01']);
    expect(findings(record(`A point. ${rest}`, 'updated: 2020-06-01\n'), 'date-mismatch')).toEqual([]);
  });

  it('leaves other days alone', () => {
    expect(findings(record(`The meeting was held on Monday 4 May, after the report of 1 April. The election is on 7 June. ${rest}`), 'date-mismatch')).toEqual(
      [],
    );
  });
});
