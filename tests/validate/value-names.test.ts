import { describe as suite, expect, it } from 'vitest';
import { describe, lowerFirst, nameOfType, pathLabel } from '../../src/validate/value-names.js';

suite('value names', () => {
  it('names a path as an editor counts, from one', () => {
    expect(pathLabel(['title'])).toBe('title');
    expect(pathLabel(['speakers', 1])).toBe('speaker 2');
    expect(pathLabel(['speakers', 1, 'key'])).toBe('key of speaker 2');
    expect(pathLabel(['chair', 0, 'name'])).toBe('name of chair 1');
  });

  it('names expected types and found values in words', () => {
    expect(nameOfType('object')).toBe('a mapping (key: value lines)');
    expect(nameOfType('date')).toBe('date');
    expect([null, [1], 'x', { a: 1 }, true, 3].map(describe)).toEqual(['nothing (null)', 'a list', '"x"', 'a mapping', 'true', 'a number (3)']);
    expect(lowerFirst('Nested mappings are not allowed')).toBe('nested mappings are not allowed');
  });
});
