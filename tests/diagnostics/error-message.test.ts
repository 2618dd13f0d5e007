import { describe, expect, it } from 'vitest';
import { errorMessage, isStackOverflow } from '../../src/diagnostics/error-message.js';

describe('isStackOverflow', () => {
  it('knows the stack’s overflow from other errors, RangeErrors included', () => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    let overflow: unknown;
    try {
      recurse(0);
    } catch (error) {
      overflow = error;
    }
    expect(isStackOverflow(overflow)).toBe(true);
    expect(isStackOverflow(new RangeError('Invalid array length'))).toBe(false);
    expect(isStackOverflow('Maximum call stack size exceeded')).toBe(false);
    expect(errorMessage(new RangeError('Invalid array length'))).toBe('Invalid array length');
  });
});
