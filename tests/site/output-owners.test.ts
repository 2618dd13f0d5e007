/** Who owns each output name: the first record in file order, whichever settles first. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RecordOutcome } from '../../src/pipeline.js';
import type { Manifest } from '../../src/site/cache.js';
import { OutputOwners } from '../../src/site/output-owners.js';

const cwd = mkdtempSync(join(tmpdir(), 'phrg-brief-owners-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
for (const name of ['a.md', 'b.md', 'old.md']) writeFileSync(join(cwd, name), '');
const files = [join(cwd, 'a.md'), join(cwd, 'b.md')];
const outcome = (file: string): RecordOutcome => ({ file, status: 'built', diagnostics: [], outputs: [`dist/${file}.html`] });
const entry = (slug: string): Manifest['records'][string] => ({ key: 'k', slug, outputs: [`${slug}.html`, `${slug}.pdf`], diagnostics: [] });

describe('output owners', () => {
  it('gives a name to the earlier record in file order, failing a later one that took it first', () => {
    const owners = new OutputOwners(cwd, files, {}, new Map());
    const later = outcome('b.md');
    expect(owners.claim('peru', 'b.md', 'b.md', later)).toEqual({ granted: true });
    expect(owners.claim('peru', 'a.md', 'a.md', outcome('a.md'))).toEqual({ granted: true, displaced: 'b.md' });
    expect(later.status).toBe('failed');
    expect(later.outputs).toEqual([]);
    expect(later.diagnostics.map((d) => [d.rule, d.message])).toEqual([['duplicate-slug', 'the output name peru is already taken by a.md']]);
    const refused = owners.claim('peru', 'b.md', 'b.md', outcome('b.md'));
    expect(refused.granted).toBe(false);
    expect(refused.granted === false && refused.clash.message).toBe('the output name peru is already taken by a.md');
  });

  it('keeps a name with the record that last built under it, while its file is there', () => {
    const owners = new OutputOwners(cwd, files, { 'old.md': entry('peru'), 'gone.md': entry('chile') }, new Map());
    expect(owners.ownFiles(['peru.html', 'chile.html', 'new.html'], 'a.md')).toEqual(['chile.html', 'new.html']);
    expect(owners.ownFiles(['peru.html'], 'old.md')).toEqual(['peru.html']);
    expect(owners.recordExists('old.md')).toBe(true);
    expect(owners.recordExists('gone.md')).toBe(false);
    owners.release('peru', 'a.md'); // not a.md's to let go
    expect(owners.ownFiles(['peru.pdf'], 'a.md')).toEqual([]);
    owners.release('peru', 'old.md');
    expect(owners.ownFiles(['peru.pdf'], 'a.md')).toEqual(['peru.pdf']);
  });
});
