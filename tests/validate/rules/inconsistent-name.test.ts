import { describe, expect, it } from 'vitest';
import { foldAccents } from '../../../src/validate/rules/inconsistent-name.js';
import { findings, record } from './lint.js';

describe('inconsistent-name', () => {
  it('folds accents', () => {
    expect(foldAccents('Hernández Łukasz Ośmiałowski')).toBe('Hernandez Łukasz Osmiałowski');
  });

  it('reports the spelling that differs from the front-matter', () => {
    expect(findings(record('As Diaz said, and Díaz again, Diaz. (AB) (CD)'), 'inconsistent-name')).toEqual(['12:4 Diaz']);
  });

  it('prefers the commoner spelling, then the accented one, within the body', () => {
    expect(findings(record('Peña, Pena, Peña. (AB) (CD)'), 'inconsistent-name')).toEqual(['12:7 Pena']);
    expect(findings(record('Peña and Pena. (AB) (CD)'), 'inconsistent-name')).toEqual(['12:10 Pena']);
  });
});
