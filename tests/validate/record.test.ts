/**
 * validateRecord reads positions only when a diagnostic needs one: a front-matter the quick
 * read took is checked without them. The diagnostics must not change by a character: each
 * record here is checked twice, as loaded and with the quick value taken away (so that every
 * read goes through the positioned document), and the two lists compared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRecord } from '../../bench/generate.js';
import { loadRecordText, type LoadedRecord } from '../../src/load/record.js';
import { validateRecord, type ValidateOptions } from '../../src/validate/record.js';
import { REPO } from '../helpers/cli.js';

/** The record as loaded, and the same record with only the positioned read to go on. */
function bothWays(text: string, file = 'r.md'): { quick: LoadedRecord; positioned: LoadedRecord } | undefined {
  const record = loadRecordText(text, file).record;
  if (!record) return undefined;
  const { quick: _quick, ...frontMatter } = record.frontMatter;
  return { quick: record, positioned: { ...loadRecordText(text, file).record!, frontMatter } };
}

/** Checks one record both ways; true when the quick read had taken its front-matter. */
function sameDiagnostics(text: string, options: ValidateOptions = {}, file = 'r.md'): boolean {
  const records = bothWays(text, file);
  if (!records) return false;
  const quick = validateRecord(records.quick, options);
  const positioned = validateRecord(records.positioned, options);
  expect(quick.diagnostics, text).toEqual(positioned.diagnostics);
  expect(quick.meeting?.data, text).toEqual(positioned.meeting?.data);
  expect([...(quick.meeting?.people.keys() ?? [])]).toEqual([...(positioned.meeting?.people.keys() ?? [])]);
  return records.quick.frontMatter.quick !== undefined;
}

function recordsUnder(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => ({ file: entry.name, text: readFileSync(join(entry.parentPath, entry.name), 'utf8') }));
}

const HEAD = `---
title: Peru – Briefing on Human Rights Defenders (HRDs)
date: 2016-11-07
hosts:
  - the All-Party Parliamentary Human Rights Group (PHRG)
`;

/** Front-matter lines that make rules report on the front-matter itself, and bodies that use them. */
const PROBLEM_LINES = [
  'topic: “Indigenous groups in Peru (PPK)',
  'topic: Meeting held on Tuesday 8 November 2016',
  'title: The PKK and the HRDs',
  'kind: roundtable',
  'chair:\n  name: Baroness Ó Briain\n  role: Vice-Chair, PHRG',
  'chair:\n  - name: Baroness O Briain\n    key: OB\n  - name: Lord Smith\n    key: JC',
  'speakers:\n  - key: JC\n    name: John Crabtree\n    role: Peru Support Group (PSG)\n  - key: IV\n    name: Ismael Vega\n    role: Director, CAAAP',
  'speakers:\n  - key: JC\n    name: José Crabtree\n  - key: JC\n    name: Jane Cole',
  'speakers:\n  - Egypt\n  - key: AB\n    note: a defender who must not be named',
  'intro: The PHRG held a <b>meeting</b> on [this](javascript:alert(1)).',
  'intro: The group attended an event (ABC) held on 9 November.',
  'tags: [Peru, human rights defenders]',
  'slug: index',
  'slug: Bad_Slug',
  'speakersLead: "The speakers were: “all of them"',
  'draft: true',
  'lang: es',
];
const BODIES = [
  '- Mining is a source of conflict. (JC)\n- Protestors are labelled subversives. (JC + IV)\n',
  '- A point by nobody known. (ZZ)\n- Jose Crabtree said so. (JC)\n- An unattributed point.\n',
  'The PKK said that Hernandez was right. (OB)\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
  'See the [report](https://example.org) for more (JC).\n',
];

describe('validateRecord', () => {
  it('reports the same, to the column, whether the front-matter was read quickly or with positions: every record of the repository', () => {
    let quick = 0;
    const records = [...recordsUnder(join(REPO, 'meetings')), ...recordsUnder(join(REPO, 'tests/fixtures'))];
    for (const { file, text } of records) if (sameDiagnostics(text, { abbreviations: ['CAAAP'] }, file)) quick++;
    expect(records.length).toBeGreaterThan(60);
    expect(quick).toBeGreaterThan(records.length * 0.7);
  });

  it('reports the same on generated records, all read quickly', () => {
    let quick = 0;
    for (let i = 0; i < 200; i += 4) if (sameDiagnostics(generateRecord(i, () => ((i * 7919 + 17) % 1000) / 1000).text)) quick++;
    expect(quick).toBe(50);
  });

  it('reports the same on records whose front-matter the rules report on', () => {
    let quick = 0;
    let reported = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...PROBLEM_LINES), { maxLength: 5, selector: (line) => line.split(':')[0] }),
        fc.constantFrom(...BODIES),
        (lines, body) => {
          const text = `${HEAD}${lines.map((line) => `${line}\n`).join('')}---\n\n${body}`;
          if (sameDiagnostics(text, {}, '2016-11-07-peru.md')) quick++;
          if (validateRecord(loadRecordText(text, '2016-11-07-peru.md').record!).diagnostics.some((d) => d.line <= lines.length + 5)) reported++;
        },
      ),
      { numRuns: Number(process.env.PHRG_BRIEF_FUZZ_RUNS ?? 400), seed: Number(process.env.PHRG_BRIEF_FUZZ_SEED ?? 20261201) },
    );
    // Most are read quickly, and most have a diagnostic in their front-matter, found only when asked.
    expect(quick).toBeGreaterThan(200);
    expect(reported).toBeGreaterThan(200);
  });

  it('points at a problem in a quickly read front-matter exactly', () => {
    const text = `${HEAD}topic: Rights in “Peru\nspeakers:\n  - key: JC\n    name: John Crabtree\n---\n\nA point. (JC)\n`;
    const record = loadRecordText(text, 'r.md').record!;
    expect(record.frontMatter.quick).toBeDefined();
    const diagnostics = validateRecord(record).diagnostics.filter((d) => d.rule === 'unbalanced-quotes');
    expect(diagnostics).toMatchObject([
      { line: 6, column: 18, endLine: 6, endColumn: 19, message: 'unbalanced quotes or brackets in topic: “ is never closed' },
    ]);
  });

  it('checks attributions against valid speakers while another key of the front-matter is wrong, and not against invalid ones', () => {
    const body = '\n- A point. (JC)\n- A point by nobody declared. (XY)\n';
    const speakers = 'speakers:\n  - key: JC\n    name: John Crabtree\n  - key: IV\n    name: Ismael Vega\n';
    const rulesOf = (frontMatter: string): string[] =>
      validateRecord(loadRecordText(`${HEAD}${frontMatter}---\n${body}`, 'r.md').record!).diagnostics.map((d) => `${d.rule} ${d.line}:${d.column}`);
    // A tag that is not text, a date in the wrong form: the cast is fine, so all is said at once.
    expect(rulesOf(`${speakers}tags: [Peru, {}]\n`)).toEqual(['schema 11:14', 'unknown-speaker 15:32', 'unused-speaker 9:10']);
    expect(rulesOf(`${speakers}updated: 7/11/16\n`)).toEqual(['schema 11:10', 'unknown-speaker 15:32', 'unused-speaker 9:10']);
    // Nor while a key is unknown: it may be the speakers under another name.
    expect(rulesOf(`${speakers}panel: [Ana Bravo]\n`)).toEqual(['schema 11:1']);
    // Two people with one key are reported while the date is wrong too.
    expect(rulesOf(`${speakers.replace('key: IV', 'key: JC')}updated: 7/11/16\n`)).toContain('duplicate-key 9:10');
    // A speaker who is wrong: their keys cannot be known, so no attribution is judged by them.
    expect(rulesOf(speakers.replace('key: IV', 'initials: IV'))).toEqual(['schema 9:5']);
  });
});
