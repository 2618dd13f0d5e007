/** Validate stage: a loaded record → a Meeting (when it has no errors) and its diagnostics. */
import { basename } from 'node:path';
import { isNode } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { diagnosticAt, hasErrors } from '../diagnostics/diagnostic.js';
import type { LoadedRecord } from '../load/record.js';
import { findAttributions } from './attributions.js';
import { isPerson, type Meeting } from './meeting.js';
import { RULES } from './rules/index.js';
import { PERSON_KEYS, RECORD_KEYS, recordSchema, type Person, type RecordData, type Speaker } from './schema.js';
import { validateYaml } from './yaml-diagnostics.js';

export type RuleSeverities = Readonly<Record<string, Severity | 'off'>>;

export interface ValidateOptions {
  /** Per-rule overrides from the config. */
  rules?: RuleSeverities;
}

export interface ValidateResult {
  meeting?: Meeting;
  diagnostics: Diagnostic[];
}

export function validateRecord(record: LoadedRecord, options: ValidateOptions = {}): ValidateResult {
  const { file, source, frontMatter } = record;
  const validation = validateYaml<RecordData>(
    {
      file,
      source,
      document: frontMatter.document,
      offset: frontMatter.offset,
      knownKeys: (path) => (path.length === 0 ? RECORD_KEYS : PERSON_KEYS),
      explain: explainValue,
    },
    recordSchema,
  );
  if (!validation.ok) return { diagnostics: applySeverities(validation.diagnostics, options.rules) };

  const data = validation.data;
  const chairs = data.chair === undefined ? [] : Array.isArray(data.chair) ? data.chair : [data.chair];
  const speakers = data.speakers ?? [];
  const diagnostics = [...validation.diagnostics];

  const people = new Map<string, Person>();
  const keyed: [PropertyKey[], Speaker][] = [
    ...speakers.map((speaker, i): [PropertyKey[], Speaker] => [['speakers', i], speaker]),
    ...chairs.map((chair, i): [PropertyKey[], Speaker] => [Array.isArray(data.chair) ? ['chair', i] : ['chair'], chair]),
  ];
  for (const [path, person] of keyed) {
    if (!isPerson(person) || person.key === undefined) continue;
    if (people.has(person.key)) {
      const node = frontMatter.document.getIn([...path, 'key'], true);
      const [start, end] = isNode(node) && node.range ? node.range : [0, 0];
      diagnostics.push(
        diagnosticAt(file, source, start + frontMatter.offset, end + frontMatter.offset, {
          severity: 'error',
          rule: 'duplicate-key',
          message: `the key ${person.key} is already used by ${people.get(person.key)?.name ?? 'another person'}`,
          note: 'each speaker and chair needs initials of their own (e.g. JC and JC2)',
        }),
      );
      continue;
    }
    people.set(person.key, person);
  }

  const meeting: Meeting = {
    file,
    source,
    slug: data.slug ?? basename(file).replace(/\.md$/i, ''),
    data,
    chairs,
    speakers,
    people,
    attributions: findAttributions(record.tree),
    tree: record.tree,
  };

  for (const rule of RULES) {
    const severity = options.rules?.[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    rule.check(meeting, ({ start, end, message, note }) => {
      diagnostics.push(diagnosticAt(file, source, start, end, { severity, rule: rule.id, message, note }));
    });
  }

  const final = applySeverities(diagnostics, options.rules);
  return hasErrors(final) ? { diagnostics: final } : { meeting, diagnostics: final };
}

/** Config overrides apply to front-matter rules too, except that syntax errors stay errors. */
function applySeverities(diagnostics: Diagnostic[], rules: RuleSeverities | undefined): Diagnostic[] {
  if (!rules) return diagnostics;
  return diagnostics.flatMap((diagnostic) => {
    const override = rules[diagnostic.rule];
    if (override === undefined || diagnostic.rule === 'yaml-syntax' || diagnostic.rule === 'schema') return [diagnostic];
    return override === 'off' ? [] : [{ ...diagnostic, severity: override }];
  });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Dates like 7/11/16 are refused with both readings spelt out. */
function explainValue(path: readonly PropertyKey[], value: unknown): { message: string; note?: string } | undefined {
  if (path.length !== 1 || path[0] !== 'date' || typeof value !== 'string') return undefined;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(value.trim());
  if (!match) return { message: `date must be written YYYY-MM-DD, found "${value}"` };
  const [a, b, y] = [Number(match[1]), Number(match[2]), match[3]!];
  // The archive reaches back to the 1970s: two-digit years from 70 are of the last century.
  const year = y.length === 4 ? Number(y) : Number(y) >= 70 ? 1900 + Number(y) : 2000 + Number(y);
  const readings = [
    [a, b],
    [b, a],
  ]
    .filter(([day, month], i, all) => month! >= 1 && month! <= 12 && day! >= 1 && day! <= 31 && (i === 0 || all[0]![0] !== day))
    .map(([day, month]) => `${year}-${pad(month!)}-${pad(day!)} (${day} ${MONTHS[month! - 1]} ${year})`);
  return {
    message: `the date "${value}" is ambiguous: write it as YYYY-MM-DD`,
    note: readings.length > 0 ? `did you mean ${readings.join(' or ')}?` : undefined,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
