import { describe, expect, it } from 'vitest';
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

  it('leaves alone brackets that name no speaker, and proper attributions', () => {
    expect(findings(record('The Ministry of Energy and Mines (MINEM)\n\n- A point. (AB)\n- Two. (CD)'), 'malformed-attribution')).toEqual([]);
  });

  it('stops unattributed-point from reporting the same point twice', () => {
    expect(findings(record('- One. (AB)\n- Two (CD)\n- Three. (AB)'), 'unattributed-point')).toEqual([]);
  });
});
