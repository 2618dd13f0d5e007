import { describe, expect, it } from 'vitest';
import { loadRecordText } from '../../../src/load/record.js';
import { validateRecord } from '../../../src/validate/record.js';
import { findings, record } from './lint.js';

describe('malformed-attribution', () => {
  it.each([
    ['- A point (AB)\n- Two. (CD)', '12:11 (AB)'],
    ['- A point. (ab)\n- Two. (CD)', '12:12 (ab)'],
    ['- A point. (AB/CD)', '12:12 (AB/CD)'],
    ['- A point. (AB + )\n- Two. (CD)', '12:12 (AB + )'],
  ])('reports %j', (body, expected) => {
    expect(findings(record(body), 'malformed-attribution')).toEqual([expected]);
  });

  it('says to end the sentence with a full stop, in place of the semicolon or comma a list item ends with', () => {
    const loaded = loadRecordText(record('- Two remain in prison:\n  1. Dr al-Singace, on hunger strike since 2021; (AB)\n  2. a nurse. (CD)'), 'r.md');
    const found = validateRecord(loaded.record!, { abbreviations: [] }).diagnostics.filter((d) => d.rule === 'malformed-attribution');
    expect(found.map((d) => [d.message, d.note])).toEqual([
      ['this is not read as an attribution: an attribution follows the sentence’s closing punctuation: a full stop, ! or ?', 'write it as …2021. (AB)'],
    ]);
  });

  it('says to end a Chinese sentence with its own full stop, and reads one ended so, or by a French closing quote', () => {
    const loaded = loadRecordText(record('- 强迫劳动问题普遍存在，(AB)\n- 英国应当立法！(CD)\n- « La répression continue. » (AB)'), 'r.md');
    const found = validateRecord(loaded.record!, { abbreviations: [] }).diagnostics.filter((d) => d.rule === 'malformed-attribution');
    expect(found.map((d) => [d.line, d.note])).toEqual([[12, 'write it as …强迫劳动问题普遍存在。 (AB)']]);
  });

  it('says to join two attributions one after another into one, where it said to put a full stop between them', () => {
    const loaded = loadRecordText(record('- Point five. (AB)(CD)\n- Point six. (AB) (CD)'), 'r.md');
    const found = validateRecord(loaded.record!, { abbreviations: [] }).diagnostics.filter((d) => d.rule === 'malformed-attribution');
    expect(found.map((d) => [`${d.line}:${d.column}-${d.endColumn}`, d.message, d.note])).toEqual([
      ['12:15-23', 'this is not read as an attribution: one attribution follows another: their initials go in one, joined by +', 'write it as (AB + CD)'],
      ['13:14-23', 'this is not read as an attribution: one attribution follows another: their initials go in one, joined by +', 'write it as (AB + CD)'],
    ]);
  });

  it('leaves alone brackets that name no speaker, and proper attributions', () => {
    expect(findings(record('The Ministry of Energy and Mines (MINEM)\n\n- A point. (AB)\n- Two. (CD)'), 'malformed-attribution')).toEqual([]);
  });

  it('stops unattributed-point from reporting the same point twice', () => {
    expect(findings(record('- One. (AB)\n- Two (CD)\n- Three. (AB)'), 'unattributed-point')).toEqual([]);
  });
});
