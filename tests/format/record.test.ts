/**
 * fmt is idempotent and preserves meaning: on every record of the repository and on a
 * thousand generated ones (keys shuffled, quoting and list styles varied), the briefing
 * rendered after formatting is the one rendered before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRecord, random } from '../../bench/generate.js';
import { composeBriefing, renderPage } from '../../src/compose/briefing.js';
import { loadTemplates } from '../../src/compose/templates.js';
import { formatRecord } from '../../src/format/record.js';
import { loadRecordText } from '../../src/load/record.js';
import { validateRecord } from '../../src/validate/record.js';
import { FIXTURES, REPO } from '../helpers/cli.js';

const templates = loadTemplates();

function render(text: string): string {
  const loaded = loadRecordText(text, 'r.md');
  const validated = validateRecord(loaded.record!);
  if (!validated.meeting) return `invalid: ${validated.diagnostics.map((d) => `${d.rule}@${d.line}`).join(',')}`;
  return renderPage(composeBriefing(validated.meeting, templates), templates);
}

function assertFormats(text: string): string {
  const once = formatRecord(text);
  expect(once.ok, once.ok ? '' : once.reason).toBe(true);
  if (!once.ok) return text;
  const twice = formatRecord(once.text);
  expect(twice.ok && twice.text).toBe(once.text);
  // Text fmt leaves as it is renders as it did; only a change needs its briefing compared.
  if (once.text !== text) expect(render(once.text)).toBe(render(text));
  return once.text;
}

/** The rules' fixtures that are records with warnings only (with an error, fmt may refuse them). */
const warningRecords = readdirSync(join(FIXTURES, 'rules')).flatMap((folder) => {
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'rules', folder, 'expected.json'), 'utf8')) as Record<string, { severity: string }[]>;
  return Object.entries(expected)
    .filter(([, diagnostics]) => diagnostics.every((d) => d.severity === 'warning'))
    .map(([name]) => join(FIXTURES, 'rules', folder, name));
});

const repositoryRecords = [
  join(REPO, 'meetings', '2016-11-07-peru.md'),
  ...['ok', 'long'].flatMap((folder) =>
    readdirSync(join(FIXTURES, 'records', folder))
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(FIXTURES, 'records', folder, name)),
  ),
  ...warningRecords,
];

/** Records kept in the canonical form: `fmt --check` passes on them (once a CLI test of its own). */
const formatted = (path: string) => !path.includes(join('fixtures', 'rules'));

describe('formatRecord', () => {
  it.each(repositoryRecords.map((path) => [path.slice(REPO.length), path]))('is idempotent and keeps %s’s briefing', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const once = assertFormats(text);
    // What fmt --check compares: the record as it is against the formatted text.
    if (formatted(path)) expect(once, 'run phrg-brief fmt on it').toBe(text);
  });

  it('puts keys in the contract’s order, quotes only where needed and keeps comments', () => {
    const text =
      '---\n# a comment\ntags: [Peru]\nspeakers:\n  - role: "Director"\n    name: \'Ana Bravo\'\n    key: AB\ndate: 2020-05-04\nhosts: ["the PHRG (PHRG)"]\ntitle: "Peru: rights"\ndraft: no\n---\n\n* One point. (AB)\n* *Two*. (AB)\n';
    const result = formatRecord(text);
    expect(result.ok && result.text).toBe(
      '---\n# a comment\ntitle: "Peru: rights"\ndate: 2020-05-04\nhosts:\n  - the PHRG (PHRG)\nspeakers:\n  - key: AB\n    name: Ana Bravo\n    role: Director\ntags:\n  - Peru\ndraft: no\n---\n\n- One point. (AB)\n- _Two_. (AB)\n',
    );
  });

  it('writes emphasis inside a word with *, which _ cannot mark there, and keeps _ elsewhere', () => {
    const front = '---\ntitle: T\ndate: 2020-05-04\nhosts:\n  - the PHRG (PHRG)\n---\n\n';
    const body = 'This was un*believable*. (MG)\n\nThe NGO*s* were *very*important, and *plainly* so. (MG)\n';
    expect(assertFormats(front + body)).toBe(`${front}This was un*believable*. (MG)\n\nThe NGO*s* were *very*important, and _plainly_ so. (MG)\n`);
  });

  it('joins paragraph lines only when asked, and refuses broken YAML', () => {
    const text = '---\ntitle: T\ndate: 2020-05-04\nhosts: [the PHRG (PHRG)]\n---\n\nOne line\nand another.\n';
    expect(formatRecord(text)).toEqual({ ok: true, text: text.replace('hosts: [the PHRG (PHRG)]', 'hosts:\n  - the PHRG (PHRG)') });
    const unwrapped = formatRecord(text, 'none');
    expect(unwrapped.ok && unwrapped.text.endsWith('One line and another.\n')).toBe(true);
    expect(formatRecord('---\ntitle: "T\n---\n').ok).toBe(false);
  });

  it('refuses a hostile body at once, as check does, leaving the file as it is', () => {
    const front = '---\ntitle: T\ndate: 2020-05-04\nhosts:\n  - the PHRG (PHRG)\n---\n\n';
    for (const body of [`${'- '.repeat(5000)}a\n`, `${'>'.repeat(20_000)} a\n`, `${'*a'.repeat(20_000)}\n`]) {
      expect(formatRecord(front + body)).toEqual({ ok: false, reason: 'the body passes the bounds on Markdown nesting or marks (run phrg-brief check)' });
    }
    for (const tags of [`\n  ${'- '.repeat(50_000)}a`, ` ${'['.repeat(50_000)}${']'.repeat(50_000)}`]) {
      expect(formatRecord(`---\r\ntitle: T\ntags:${tags}\n---\n`)).toEqual({
        ok: false,
        reason: 'the front-matter nests lists and mappings more than 32 deep (run phrg-brief check)',
      });
    }
  });

  it.each([
    ['a comment above a key that moves', '---\ndate: 2018-01-01\nhosts:\n  - the group\n\n# the title as announced\ntitle: Something\n---\n'],
    ['a comment inside a speaker', '---\ntitle: T\ndate: 2018-01-01\nhosts: [the group]\nspeakers:\n  - role: R\n    # the full name\n    name: A\n---\n'],
  ])('settles %s in one pass', (_name, text) => {
    assertFormats(text);
  });

  it('is idempotent and meaning-preserving on generated records', () => {
    const shuffled = fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), fc.boolean()).map(([seed, flow, star]) => {
      const rand = random(seed);
      let { text } = generateRecord(seed, rand);
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      // Shuffle top-level keys (each with its indented lines), and vary list styles.
      const blocks = front.split(/\n(?=\S)/);
      for (let i = blocks.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
      }
      text = `---\n${blocks.join('\n')}\n---\n${star ? body.replace(/^- /gm, '* ') : body}`;
      if (flow) text = text.replace(/^hosts:\n {2}- (.*)$/m, 'hosts: ["$1"]');
      return text;
    });
    fc.assert(
      fc.property(shuffled, (text) => {
        assertFormats(text);
      }),
      // The generator varies little that matters to fmt (a table or not, a link or not, flow
      // hosts, star bullets, key order): 150 runs (once 1,000, some 30 CPU-seconds) meet
      // every mix of them several times over; a printer without GFM fails at the first run.
      // More runs, another seed: PHRG_BRIEF_FUZZ_RUNS, PHRG_BRIEF_FUZZ_SEED.
      { numRuns: Number(process.env.PHRG_BRIEF_FUZZ_RUNS ?? 150), seed: Number(process.env.PHRG_BRIEF_FUZZ_SEED ?? 42) },
    );
  }, 120_000);
});
