import { describe, expect, it } from 'vitest';
import { errorMessage, isStackOverflow, rebuildFailure } from '../../src/diagnostics/error-message.js';

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

describe('rebuildFailure', () => {
  it('says to start again when a module loaded on demand is gone, and passes other errors as they are', () => {
    // As Node reports a chunk of the bundle that an update removed (seen under build --watch).
    const gone = Object.assign(new Error("Cannot find module '/app/lib/bundle/read-AVEXG6BE.js' imported from /app/lib/bundle/chunk-PT6FVZ6F.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(rebuildFailure(gone)).toMatch(/: phrg-brief was updated or removed while it ran; stop it \(Ctrl-C\) and start it again$/);
    expect(rebuildFailure(new Error('the disk is full'))).toBe('the disk is full');
  });
});
