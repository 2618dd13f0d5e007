import { describe, expect, it } from 'vitest';
import { isIsoDate, recordSchema } from '../../src/validate/schema.js';

const minimal = { title: 'T', date: '2016-11-07', hosts: ['the PHRG'] };
const codes = (value: unknown): string[] => {
  const result = recordSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${issue.code}`);
};

describe('recordSchema', () => {
  it('accepts a minimal record and every optional field', () => {
    expect(codes(minimal)).toEqual([]);
    expect(
      codes({
        ...minimal,
        partners: ['the Peru Support Group'],
        kind: 'roundtable',
        topic: 'A topic',
        chair: [{ key: 'BR', name: 'Baroness Royall', role: 'Vice-Chair' }, 'A plain chair'],
        speakers: ['Egypt', { key: 'CWW', name: 'N', role: 'R', note: 'n', onBehalfOf: 'o' }, { key: 'X1', note: 'an unnamed speaker' }],
        speakersLead: 'Lead:',
        intro: 'An *intro*.',
        chathamHouse: true,
        tags: ['Peru'],
        slug: 'peru-2016',
        draft: false,
        lang: 'en-GB',
      }),
    ).toEqual([]);
  });

  it('refuses missing required keys, empty hosts and unknown keys', () => {
    expect(codes({})).toEqual(['title:invalid_type', 'date:invalid_type', 'hosts:invalid_type']);
    expect(codes({ ...minimal, hosts: [] })).toEqual(['hosts:too_small']);
    expect(codes({ ...minimal, speakrs: [] })).toEqual([':unrecognized_keys']);
    expect(codes({ ...minimal, speakers: [{ key: 'JC', name: 'J', nam: 'x' }] })).toEqual(['speakers.0:unrecognized_keys']);
  });

  it('refuses bad keys, nameless people, bad slugs and YAML 1.1 booleans left as strings', () => {
    expect(codes({ ...minimal, speakers: [{ key: 'jc', name: 'J' }] })).toEqual(['speakers.0.key:invalid_format']);
    expect(codes({ ...minimal, speakers: [{ key: 'ABCDEFG', name: 'J' }] })).toEqual(['speakers.0.key:invalid_format']);
    expect(codes({ ...minimal, speakers: [{ key: 'JC', role: 'R' }] })).toEqual(['speakers.0:custom']);
    expect(codes({ ...minimal, slug: '../etc/passwd' })).toEqual(['slug:invalid_format']);
    // A slug names the output files: a file system bounds a name to 255 bytes.
    expect(codes({ ...minimal, slug: 'a'.repeat(100) })).toEqual([]);
    expect(codes({ ...minimal, slug: 'a'.repeat(101) })).toEqual(['slug:too_big']);
    // Each tag makes a page listing the briefing with all its tags: the output grows as their square.
    expect(codes({ ...minimal, tags: Array.from({ length: 100 }, (_, i) => `tag ${i}`) })).toEqual([]);
    expect(codes({ ...minimal, tags: Array.from({ length: 101 }, (_, i) => `tag ${i}`) })).toEqual(['tags:too_big']);
    expect(codes({ ...minimal, chathamHouse: 'yes' })).toEqual(['chathamHouse:invalid_type']);
    expect(codes({ ...minimal, speakers: [3] })).toEqual(['speakers.0:invalid_union']);
  });

  it('knows calendar dates', () => {
    expect(isIsoDate('2016-11-07')).toBe(true);
    expect(isIsoDate('2016-02-29')).toBe(true);
    expect(isIsoDate('2017-02-29')).toBe(false);
    expect(isIsoDate('2016-13-01')).toBe(false);
    expect(isIsoDate('7/11/16')).toBe(false);
    expect(isIsoDate('2016-11-7')).toBe(false);
  });
});
