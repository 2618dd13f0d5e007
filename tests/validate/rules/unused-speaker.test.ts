import { describe, expect, it } from 'vitest';
import { findings, record } from './lint.js';

describe('unused-speaker', () => {
  it('reports a speaker whose key makes no point, at the key', () => {
    expect(findings(record('- One. (AB)'), 'unused-speaker')).toEqual(['8:10 CD']);
  });

  it('counts joint attributions for each speaker', () => {
    expect(findings(record('- One. (AB & CD)'), 'unused-speaker')).toEqual([]);
  });
});
