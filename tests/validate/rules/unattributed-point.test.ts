import { describe, expect, it } from 'vitest';
import { findings, record } from './lint.js';

describe('unattributed-point', () => {
  it('reports the bullet without initials among attributed ones', () => {
    expect(findings(record('- One. (AB)\n- Two.\n- Three. (CD)'), 'unattributed-point')).toEqual(['13:1 - Two.']);
  });

  it('leaves alone lists that are mostly unattributed, and attributed nested items', () => {
    expect(findings(record('1. Raise cases.\n2. Fund aid.\n3. Report back. (AB)\n\nIt ended. (CD)'), 'unattributed-point')).toEqual([]);
    expect(findings(record('- One:\n  - nested point. (AB)\n- Two. (CD)'), 'unattributed-point')).toEqual([]);
  });
});
