import { describe, expect, it } from 'vitest';
import { loadRecordText } from '../../../src/load/record.js';
import { validateRecord } from '../../../src/validate/record.js';
import { findings, record } from './lint.js';

describe('undefined-footnote', () => {
  it('reports a footnote’s mark with no note, in the body and in a list, and not one written on purpose', () => {
    const text = record('A point.[^nope] (AB)\n\n- Nested.[^also] (CD)\n\nWritten \\[^escaped] and `[^code]`, and cited.[^n] (AB)\n\n[^n]: A note.');
    expect(findings(text, 'undefined-footnote')).toEqual(['12:9 [^nope]', '14:10 [^also]']);
    // After a backslash written as two, the mark is one again.
    expect(findings(record('A written \\\\[^zz] backslash. (AB)'), 'undefined-footnote')).toEqual(['12:13 [^zz]']);
  });

  it('reads an intro’s mark as citing the body’s note of that name, and reports one that cites none', () => {
    const cites = record('A point.[^n] (AB)\n\n[^n]: A note.', 'intro: "An intro.[^n]"\n');
    expect(findings(cites, 'undefined-footnote')).toEqual([]);
    const citesNone = record('A point. (AB)', 'intro: "An intro.[^n]"\n');
    expect(findings(citesNone, 'undefined-footnote')).toEqual(['10:8 "An intro.[^n]"']);
    // An intro ending in a code fence left open cannot cite the body's notes: said so, not that the note is missing.
    const loaded = loadRecordText(record('A point.[^n] (AB)\n\n[^n]: A note.', 'intro: "An intro.[^n]\\n\\n```\\ncode"\n'), 'r.md');
    const told = validateRecord(loaded.record!).diagnostics.filter((d) => d.rule === 'undefined-footnote');
    expect(told.map((d) => d.note)).toEqual([expect.stringContaining('a block left open (a code fence not closed)')]);
  });
});
