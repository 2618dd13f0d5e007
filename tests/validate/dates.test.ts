/** What `check` says of a date not written YYYY-MM-DD: each day it could be, the file name's first. */
import { describe, expect, it } from 'vitest';
import { loadRecordText } from '../../src/load/record.js';
import { explainDate } from '../../src/validate/dates.js';
import { validateRecord } from '../../src/validate/record.js';

describe('explainDate', () => {
  it('reads day and month both ways', () => {
    expect(explainDate('7/11/16')?.note).toBe('did you mean 2016-11-07 (7 November 2016) or 2016-07-11 (11 July 2016)?');
    // A two-digit year first is offered only when the file name says so (below): not 2029-02-16 here.
    expect(explainDate('29-02-16')?.note).toBe('did you mean 2016-02-29 (29 February 2016)?');
  });

  it('offers first the day the file name gives, saying so', () => {
    expect(explainDate('16-11-07', '2016-11-07')?.note).toBe(
      'did you mean 2016-11-07 (7 November 2016), as the file name says, or 2007-11-16 (16 November 2007)?',
    );
    expect(explainDate('16/11/07', '2016-11-07')?.note).toBe(
      'did you mean 2016-11-07 (7 November 2016), as the file name says, or 2007-11-16 (16 November 2007)?',
    );
    // A file name that is none of its readings changes nothing.
    expect(explainDate('7/11/16', '2020-01-01')?.note).toBe(explainDate('7/11/16')?.note);
  });

  it('is given the record’s file name by check', () => {
    const text = '---\ntitle: T\ndate: 16-11-07\nhosts: [the PHRG (PHRG)]\n---\n\nA point.\n';
    const notes = validateRecord(loadRecordText(text, 'meetings/2016-11-07-h.md').record!).diagnostics.map((d) => d.note);
    expect(notes).toContain('did you mean 2016-11-07 (7 November 2016), as the file name says, or 2007-11-16 (16 November 2007)?');
  });
});
