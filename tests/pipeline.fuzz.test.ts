/**
 * Property test: a thousand generated records, valid and mangled (truncated, bytes flipped,
 * keys shuffled, YAML broken). The pipeline never throws, and every failure is a diagnostic
 * with a position inside the file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeBriefing, renderPage } from '../src/compose/briefing.js';
import { loadTemplates } from '../src/compose/templates.js';
import { decodeRecord } from '../src/load/decode.js';
import { loadRecordBytes } from '../src/load/record.js';
import { validateRecord } from '../src/validate/record.js';

const templates = loadTemplates();
const encoder = new TextEncoder();

const word = fc.stringMatching(/^[A-Za-zÀ-žñ’'"“”()\-]{1,12}$/);
const phrase = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
const key = fc.stringMatching(/^[A-Z][A-Z0-9]{0,3}$/);
const isoDate = fc.date({ min: new Date('1970-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const yamlString = (value: string): string => JSON.stringify(value);

const record = fc
  .record({
    title: phrase,
    date: fc.oneof({ weight: 8, arbitrary: isoDate }, { weight: 1, arbitrary: fc.constantFrom('7/11/16', '2021-02-30', '', 'yesterday') }),
    hosts: fc.oneof({ weight: 8, arbitrary: fc.array(phrase, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant<string[]>([]) }),
    speakers: fc.array(fc.oneof(phrase, fc.record({ key, name: phrase, role: phrase })), { maxLength: 4 }),
    extra: fc.option(fc.constantFrom('chathamHouse: true', 'kind: roundtable', 'speakrs: []', 'slug: ../x', 'draft: no', 'intro: "*An* intro."'), {
      nil: undefined,
    }),
    // Attributions mostly name declared speakers (by index), sometimes an unknown key.
    points: fc.array(
      fc.tuple(phrase, fc.constantFrom('.', '?', ''), fc.array(fc.oneof({ weight: 6, arbitrary: fc.nat(3) }, { weight: 1, arbitrary: key }), { maxLength: 3 })),
      { maxLength: 8 },
    ),
    html: fc.boolean(),
  })
  .map((r) => {
    const speakers = r.speakers
      .map((s) => (typeof s === 'string' ? `  - ${yamlString(s)}` : `  - key: ${s.key}\n    name: ${yamlString(s.name)}\n    role: ${yamlString(s.role)}`))
      .join('\n');
    const declared = r.speakers.flatMap((s) => (typeof s === 'string' ? [] : [s.key]));
    const resolve = (k: number | string): string => (typeof k === 'string' ? k : (declared[k % Math.max(1, declared.length)] ?? 'ZZ'));
    const body = r.points.map(([text, stop, keys]) => `- ${text}${stop}${keys.length ? ` (${keys.map(resolve).join(' + ')})` : ''}`).join('\n');
    return [
      '---',
      `title: ${yamlString(r.title)}`,
      `date: ${r.date}`,
      `hosts:${r.hosts.length ? `\n${r.hosts.map((h) => `  - ${yamlString(h)}`).join('\n')}` : ' []'}`,
      ...(speakers ? [`speakers:\n${speakers}`] : []),
      ...(r.extra ? [r.extra] : []),
      '---',
      '',
      body,
      r.html ? '\n<div onclick="x()">html</div>\n' : '',
    ].join('\n');
  });

type Mangle = (bytes: Uint8Array) => Uint8Array;
const mangle: fc.Arbitrary<Mangle> = fc.oneof(
  fc.constant<Mangle>((b) => b),
  fc.nat().map<Mangle>((n) => (b) => b.slice(0, b.length === 0 ? 0 : n % b.length)),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map<Mangle>(([n, v]) => (b) => {
    const copy = b.slice();
    if (copy.length > 0) copy[n % copy.length] = v;
    return copy;
  }),
  fc.nat().map<Mangle>((n) => (b) => {
    const lines = new TextDecoder().decode(b).split('\n');
    const i = 1 + (n % Math.max(1, lines.length - 1));
    const j = 1 + ((n >> 3) % Math.max(1, lines.length - 1));
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return encoder.encode(lines.join('\n'));
  }),
  fc.tuple(fc.nat(), fc.constantFrom('\t', ': ', '"', '[', '---\n', '\r\n', '\uFEFF', '- ', '  ', '{', '\u0000')).map<Mangle>(([n, insert]) => (b) => {
    const text = new TextDecoder().decode(b);
    const at = text.length === 0 ? 0 : n % text.length;
    return encoder.encode(text.slice(0, at) + insert + text.slice(at));
  }),
);

function assertInside(text: string, diagnostic: { line: number; column: number; endLine: number; endColumn: number }): void {
  const lines = text.split('\n');
  expect(diagnostic.line).toBeGreaterThanOrEqual(1);
  expect(diagnostic.line).toBeLessThanOrEqual(lines.length);
  expect(diagnostic.column).toBeGreaterThanOrEqual(1);
  expect(diagnostic.column).toBeLessThanOrEqual((lines[diagnostic.line - 1]?.length ?? 0) + 1);
  expect(diagnostic.endLine).toBeGreaterThanOrEqual(diagnostic.line);
  expect(diagnostic.endLine).toBeLessThanOrEqual(lines.length);
}

const RUNS = Number(process.env.PHRG_BRIEF_FUZZ_RUNS ?? 1000);

describe('the pipeline on generated records', () => {
  it('never throws, and places every diagnostic inside the file', () => {
    let valid = 0;
    fc.assert(
      fc.property(record, mangle, (text, change) => {
        const bytes = change(encoder.encode(text));
        const loaded = loadRecordBytes(bytes, 'fuzz.md');
        const diagnostics = [...loaded.diagnostics];
        if (loaded.record) {
          const validated = validateRecord(loaded.record);
          diagnostics.push(...validated.diagnostics);
          if (validated.meeting) {
            valid++;
            const page = renderPage(composeBriefing(validated.meeting, templates), templates);
            expect(page).not.toMatch(/<script|onclick=|<div onclick/);
          }
        }
        const decoded = decodeRecord(bytes);
        const fileText = decoded.ok ? decoded.text : new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n');
        for (const diagnostic of diagnostics) {
          expect(diagnostic.file).toBe('fuzz.md');
          expect(diagnostic.message).not.toBe('');
          if (decoded.ok) assertInside(fileText, diagnostic);
        }
        if (!loaded.record) expect(diagnostics.length).toBeGreaterThan(0);
      }),
      // 1,000 runs (once 2,500): with this seed, columns placed one to the right (so that a
      // problem at a line's end falls outside it) fail at run 53. More runs, another seed:
      // PHRG_BRIEF_FUZZ_RUNS, PHRG_BRIEF_FUZZ_SEED.
      { numRuns: RUNS, seed: Number(process.env.PHRG_BRIEF_FUZZ_SEED ?? 20161107) },
    );
    // The generator must exercise the happy path too, not only failures.
    expect(valid).toBeGreaterThan(RUNS / 25);
  }, 120_000);
});
