/**
 * The bench's peers run for real on a few generated records: each time counts only when the
 * peer wrote one page per record, and a peer that leaves a record out is caught, not timed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { countPages, eleventy, hugo, pandoc } from '../../bench/peers.js';
import { haveTools, HUGO, PANDOC } from '../helpers/tools.js';

let work: string;
let records: string;
let names: string[];

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'phrg-brief-peers-test-'));
  records = join(work, 'meetings');
  // Three records: enough to tell one page per record from a sample, and a record left out.
  names = generateRecords(3, records, 3);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** One record given a front-matter key that makes the peer write no page for it. */
function leaveOneOut(key: string): void {
  const file = join(records, names[0]!);
  writeFileSync(file, readFileSync(file, 'utf8').replace('---\n', `---\n${key}\n`));
}

describe('Eleventy', () => {
  it('writes one page per record, each with its title, before its time counts', () => {
    const run = eleventy(records, join(work, 'run'));
    expect(run).toMatchObject({ records: 3 });
    expect(run.perSecond).toBeGreaterThan(0);
    for (const name of names) {
      const title = /^title: (.*)$/m.exec(readFileSync(join(records, name), 'utf8'))![1]!;
      expect(readFileSync(join(work, 'run', 'eleventy', 'out', name.replace(/\.md$/, '.html')), 'utf8')).toContain(`<h1>${title.replace('&', '&amp;')}</h1>`);
    }
  }, 60_000);

  it('is not timed when a record has no page', () => {
    leaveOneOut('permalink: false');
    expect(() => eleventy(records, join(work, 'run'))).toThrow(/Eleventy 3, one Liquid layout wrote 2 pages for 3 records/);
  }, 60_000);
});

describe.runIf(haveTools(HUGO))('Hugo', () => {
  it('writes one page per record before its time counts', () => {
    const run = hugo(records, join(work, 'run'));
    expect(run).toMatchObject({ records: 3 });
    expect(run.perSecond).toBeGreaterThan(0);
  }, 60_000);

  it('is not timed when a record has no page', () => {
    leaveOneOut('draft: true');
    expect(() => hugo(records, join(work, 'run'))).toThrow(/wrote 2 pages for 3 records/);
  }, 60_000);
});

describe.runIf(haveTools(PANDOC))('Pandoc', () => {
  it('writes one standalone page per record of its sample', () => {
    const run = pandoc(records, join(work, 'run'), 2);
    expect(run).toMatchObject({ records: 2 });
    expect(countPages(join(work, 'run', 'pandoc'))).toBe(2);
    expect(readFileSync(join(work, 'run', 'pandoc', names.sort()[0]!.replace(/\.md$/, '.html')), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  }, 60_000);
});
