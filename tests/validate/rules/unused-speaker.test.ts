import { describe, expect, it } from 'vitest';
import { loadRecordText } from '../../../src/load/record.js';
import { validateRecord } from '../../../src/validate/record.js';
import { findings, record } from './lint.js';

describe('unused-speaker', () => {
  it('reports a speaker whose key makes no point, at the key', () => {
    expect(findings(record('- One. (AB)'), 'unused-speaker')).toEqual(['8:10 CD']);
  });

  it('counts joint attributions for each speaker', () => {
    expect(findings(record('- One. (AB & CD)'), 'unused-speaker')).toEqual([]);
  });

  it('names the speaker, or says it has no name', () => {
    const text = record('- One. (AB)').replace(
      '  - key: CD\n    name: Carla Díaz\n',
      '  - key: CD\n    name: Carla Díaz\n  - key: MS\n    note: of the ministry\n',
    );
    const messages = validateRecord(loadRecordText(text, 'r.md').record!, {})
      .diagnostics.filter((d) => d.rule === 'unused-speaker')
      .map((d) => d.message);
    expect(messages).toEqual(['Carla Díaz (CD) makes no attributed point', 'the speaker with key MS makes no attributed point']);
  });
});
