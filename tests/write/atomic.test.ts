/** Atomic writes: a long text goes out in pieces, and comes back exactly as it was. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pieces, writeFileAtomic } from '../../src/write/atomic.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const dir = mkdtempSync(join(tmpdir(), 'phrg-brief-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('cuts a text into pieces without parting a surrogate pair', () => {
    const text = 'ab😀c😀😀d'.repeat(7);
    for (const size of [1, 2, 3, 4, 5, 7]) {
      const parts = [...pieces(text, size)];
      expect(parts.join(''), `size ${size}`).toBe(text);
      for (const part of parts) expect(LONE_SURROGATE.test(part), `size ${size}: ${JSON.stringify(part)}`).toBe(false);
    }
  });

  it('writes a text of megabytes, astral characters and all, and leaves no temporary file', async () => {
    const text = `${'Łucja Pérez said 😀 “so”. '.repeat(150_000)}end`;
    expect(text.length).toBeGreaterThan(3 << 20);
    await writeFileAtomic(join(dir, 'long.html'), text);
    expect(readFileSync(join(dir, 'long.html'), 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['long.html']);
  });
});
