import { describe, expect, it } from 'vitest';
import { findings, record } from './lint.js';

describe('unknown-speaker', () => {
  it('reports each unknown key at its place', () => {
    expect(findings(record('- One. (AB + XY)\n- Two. (“CD” & ZZ)'), 'unknown-speaker')).toEqual(['12:14 XY', '13:16 ZZ']);
  });

  it('leaves a bracket that does not follow closing punctuation alone', () => {
    expect(findings(record('The Ministry of Energy and Mines (MINEM)\n\nA point. (AB) (CD)'), 'unknown-speaker')).toEqual([]);
  });
});
