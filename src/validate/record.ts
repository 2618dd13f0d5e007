/** Validate stage: a loaded record → a Meeting (when it has no errors) and its diagnostics. */
import { basename } from 'node:path';
import { isNode, isScalar, type Node } from 'yaml';
import { markdownLimitProblem } from '../load/limits.js';
import { parseIntro } from '../load/markdown.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { diagnosticAt, hasErrors } from '../diagnostics/diagnostic.js';
import type { RecordFrontMatter } from '../load/frontmatter.js';
import type { LoadedRecord } from '../load/record.js';
import type { Paragraph } from 'mdast';
import type { Node as UnistNode } from 'unist';
import { findAttributions, nearMissAttribution, type NearMiss } from './attributions.js';
import { allNodes } from './nodes.js';
import { controlCharacterDiagnostics } from './control-characters.js';
import { explainDate } from './dates.js';
import { isPerson, type Cast, type Meeting } from './meeting.js';
import { RULES } from './rules/index.js';
import type { RuleContext } from './rules/rule.js';
import {
  PERSON_KEY_SYNONYMS,
  PERSON_KEYS,
  RECORD_KEY_SYNONYMS,
  RECORD_KEYS,
  RESERVED_SLUGS,
  SLUG,
  WINDOWS_DEVICES,
  castSchema,
  recordSchema,
  type Person,
  type RecordData,
  type Speaker,
} from './schema.js';
import { bodyTexts, frontMatterTexts, valueTexts, type TextSegment } from './texts.js';
import { validateYaml, type YamlValidation } from './yaml-diagnostics.js';

/** One line of each required key, as a record would have it, for the error that it is missing. */
const REQUIRED_KEY_EXAMPLES: Readonly<Record<string, string>> = {
  title: 'title: Peru – Human Rights Defenders',
  date: 'date: 2016-11-07',
  hosts: 'hosts: [the All-Party Parliamentary Human Rights Group (PHRG)]',
};

export type RuleSeverities = Readonly<Record<string, Severity | 'off'>>;

export interface ValidateOptions {
  /** Per-rule overrides from the config. */
  rules?: RuleSeverities;
  /** Abbreviations the project declares known. */
  abbreviations?: readonly string[];
}

export interface ValidateResult {
  meeting?: Meeting;
  diagnostics: Diagnostic[];
}

export function validateRecord(record: LoadedRecord, options: ValidateOptions = {}): ValidateResult {
  const { file, source, frontMatter } = record;
  // A front-matter the quick read took and the schema accepts has nothing to point at: its
  // positions are read only if a rule reports on it. Any other goes the positioned way, whose
  // diagnostics need them.
  const quick = frontMatter.quick ? recordSchema.safeParse(frontMatter.quick) : undefined;
  const plain = quick?.success ? frontMatter.quick : undefined;
  const validation: YamlValidation<RecordData> = quick?.success
    ? { ok: true, data: quick.data, diagnostics: [] }
    : validateYaml<RecordData>(
        {
          file,
          source,
          document: frontMatter.document(),
          offset: frontMatter.offset,
          knownKeys: (path) => (path.length === 0 ? RECORD_KEYS : PERSON_KEYS),
          synonyms: (path) => (path.length === 0 ? RECORD_KEY_SYNONYMS : PERSON_KEY_SYNONYMS),
          explain: (path, value) =>
            path.length === 1 && path[0] === 'date' ? explainDate(value, /^(\d{4}-\d{2}-\d{2})-/.exec(basename(file))?.[1]) : undefined,
          frontMatter: { example: (key) => REQUIRED_KEY_EXAMPLES[key] },
        },
        recordSchema,
      );
  const diagnostics = [...validation.diagnostics];
  const attributions = findAttributions(record.tree);
  const meeting = validation.ok ? buildMeeting(record, plain, validation.data, attributions, diagnostics) : undefined;
  // With an error elsewhere in the front-matter (a date, a tag), valid chairs and speakers
  // still let the rules about attributions run: one pass shows every problem.
  const cast = meeting ?? (validation.ok ? undefined : castOfValidPeople(record, validation.value, diagnostics));
  const syntaxFailed = !plain && frontMatter.document().errors.length > 0;
  const intro = introOf(frontMatter, plain);
  const introTooComplex = intro !== undefined && hostileIntro(record, intro, diagnostics);
  const range = (path: readonly (string | number)[]): [number, number] | undefined => {
    const node = frontMatter.document().getIn(path, true);
    return isNode(node) && node.range ? [node.range[0] + frontMatter.offset, node.range[1] + frontMatter.offset] : undefined;
  };

  let texts: TextSegment[] | undefined;
  let bodyNodes: UnistNode[] | undefined;
  const keys = new Set(cast?.people.keys() ?? []);
  const nearMisses = new Map<Paragraph, NearMiss | undefined>();
  const context: RuleContext = {
    file: record.file,
    source,
    tree: record.tree,
    attributions,
    abbreviations: options.abbreviations ?? [],
    texts: () =>
      (texts ??= [
        ...(syntaxFailed ? [] : plain ? valueTexts(plain, range, source.text) : frontMatterTexts(frontMatter.document(), frontMatter.offset, source.text)),
        ...bodyTexts(record.tree, attributions, source.text),
      ]),
    intro: () => (intro && !introTooComplex ? { tree: parseIntro(intro.value, record.tree), text: intro.value, range: intro.range } : undefined),
    frontMatterRange: range,
    nodes: <T extends UnistNode>(...types: T['type'][]): T[] => (bodyNodes ??= allNodes(record.tree)).filter((node): node is T => types.includes(node.type)),
    nearMiss(paragraph) {
      if (!nearMisses.has(paragraph)) nearMisses.set(paragraph, nearMissAttribution(paragraph, keys));
      return nearMisses.get(paragraph);
    },
    ...(cast ? { cast } : {}),
    ...(meeting ? { meeting } : {}),
  };

  // Body rules run even when the front-matter failed, so one pass shows every problem; rules
  // that need the chairs and speakers, or all the facts, wait until those are valid.
  const has = { body: true, cast: cast !== undefined, meeting: meeting !== undefined };
  for (const rule of RULES) {
    const severity = options.rules?.[rule.id] ?? rule.severity;
    if (severity === 'off' || !has[rule.needs]) continue;
    rule.check(context, ({ start, end, message, note }) => {
      diagnostics.push(diagnosticAt(file, source, start, end, { severity, rule: rule.id, message, note }));
    });
  }

  diagnostics.push(...controlCharacterDiagnostics(file, source, plain ?? (validation.ok ? validation.data : validation.value), context, range));

  const final = applySeverities(diagnostics, options.rules);
  return meeting && !hasErrors(final) ? { meeting, diagnostics: final } : { diagnostics: final };
}

/** The `intro` Markdown, when it is a string, and the file offsets of its value (found when asked). */
function introOf(frontMatter: RecordFrontMatter, plain: Record<string, unknown> | undefined): { value: string; range(): [number, number] } | undefined {
  const { offset } = frontMatter;
  const rangeOf = (node: Node): [number, number] => [node.range![0] + offset, node.range![1] + offset];
  if (plain) {
    const value = plain.intro;
    return typeof value === 'string' ? { value, range: () => rangeOf(frontMatter.document().get('intro', true) as Node) } : undefined;
  }
  const node = frontMatter.document().get('intro', true);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  return { value: node.value, range: () => rangeOf(node) };
}

/** The `intro` Markdown held to the body's bounds (src/load/limits.ts) before anything parses it. */
function hostileIntro(record: LoadedRecord, intro: { value: string; range(): [number, number] }, diagnostics: Diagnostic[]): boolean {
  const problem = markdownLimitProblem(intro.value);
  if (!problem) return false;
  // The value's offsets are not the source's (quotes, folding): the whole value is pointed at.
  const [start, end] = intro.range();
  diagnostics.push(
    diagnosticAt(record.file, record.source, start, end, { severity: 'error', rule: 'too-complex', message: `intro: ${problem.message}`, note: problem.note }),
  );
  return true;
}

/**
 * The chairs and speakers of a front-matter that failed elsewhere, when they are valid
 * themselves; people with the same initials are reported here too.
 */
function castOfValidPeople(record: LoadedRecord, value: unknown, diagnostics: Diagnostic[]): Cast | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  // An unknown key may be the speakers under another name (`speakrs:`, `panel:`): with it,
  // every attribution would be unknown.
  if (Object.keys(value).some((key) => !RECORD_KEYS.includes(key))) return undefined;
  const { chair, speakers } = value as Record<string, unknown>;
  const people = castSchema.safeParse({ chair, speakers });
  return people.success ? castOf(record, undefined, people.data, diagnostics) : undefined;
}

/** Chairs and speakers as lists, and every keyed person by key; people with the same initials are reported. */
function castOf(
  record: LoadedRecord,
  plain: Record<string, unknown> | undefined,
  data: Pick<RecordData, 'chair' | 'speakers'>,
  diagnostics: Diagnostic[],
): Cast {
  const { file, source, frontMatter } = record;
  const chairs = data.chair === undefined ? [] : Array.isArray(data.chair) ? data.chair : [data.chair];
  const speakers = data.speakers ?? [];
  const people = new Map<string, Person>();
  const keyed: [(string | number)[], Speaker][] = [
    ...speakers.map((speaker, i): [(string | number)[], Speaker] => [['speakers', i], speaker]),
    ...chairs.map((chair, i): [(string | number)[], Speaker] => [Array.isArray(data.chair) ? ['chair', i] : ['chair'], chair]),
  ];
  // The later of two people with the same key, in file order, is the one reported. Read
  // quickly, the file order is that of the keys (speakers or chair first) and of the items.
  const keyOrder = plain ? Object.keys(plain) : [];
  const position = plain
    ? (path: (string | number)[]): number => keyOrder.indexOf(String(path[0])) * 2 ** 32 + (typeof path[1] === 'number' ? path[1] : 0)
    : (path: (string | number)[]): number => {
        const node = frontMatter.document().getIn(path, true);
        return isNode(node) && node.range ? node.range[0] : 0;
      };
  keyed.sort(([a], [b]) => position(a) - position(b));
  for (const [path, person] of keyed) {
    if (!isPerson(person) || person.key === undefined) continue;
    const holder = people.get(person.key);
    if (holder === undefined) {
      people.set(person.key, person);
      continue;
    }
    const node = frontMatter.document().getIn([...path, 'key'], true);
    const [start, end] = isNode(node) && node.range ? node.range : [0, 0];
    diagnostics.push(
      diagnosticAt(file, source, start + frontMatter.offset, end + frontMatter.offset, {
        severity: 'error',
        rule: 'duplicate-key',
        message: `the key ${person.key} is already used by ${holder.name ?? holder.note ?? 'another person'}`,
        note: 'each speaker and chair needs initials of their own (e.g. JC and JC2)',
      }),
    );
  }
  return { chairs, speakers, people };
}

/** The facts of a valid front-matter; people with the same initials are reported here. */
function buildMeeting(
  record: LoadedRecord,
  plain: Record<string, unknown> | undefined,
  data: RecordData,
  attributions: Meeting['attributions'],
  diagnostics: Diagnostic[],
): Meeting {
  const { file, source, frontMatter } = record;
  const { chairs, speakers, people } = castOf(record, plain, data, diagnostics);
  const slug = data.slug ?? basename(file).replace(/\.md$/i, '');
  const slugProblem = !SLUG.test(slug)
    ? `the output name ${slug} (from ${data.slug === undefined ? 'the file name' : 'slug'}) must be lower-case letters, digits and single hyphens`
    : RESERVED_SLUGS.includes(slug)
      ? `the output name ${slug} is the archive's own (${slug}.html, ${slug}.json or ${slug}/)`
      : WINDOWS_DEVICES.test(slug)
        ? `the output name ${slug} is one Windows keeps for a device: ${slug}.html cannot be written there`
        : undefined;
  if (slugProblem) {
    const node = frontMatter.document().getIn(['slug'], true);
    const [start, end] = isNode(node) && node.range ? [node.range[0] + frontMatter.offset, node.range[1] + frontMatter.offset] : [0, 3];
    diagnostics.push(
      diagnosticAt(file, source, start, end, {
        severity: 'error',
        rule: 'schema',
        message: slugProblem,
        note: data.slug === undefined ? 'rename the file YYYY-MM-DD-some-words.md, or set slug in the front-matter' : 'choose another slug',
      }),
    );
  }
  return {
    file,
    source,
    slug,
    data,
    chairs,
    speakers,
    people,
    attributions,
    tree: record.tree,
  };
}

/** Config overrides apply to the built-in checks too, except that broken YAML stays an error. */
export function applySeverities(diagnostics: Diagnostic[], rules: RuleSeverities | undefined): Diagnostic[] {
  if (!rules) return diagnostics;
  return diagnostics.flatMap((diagnostic) => {
    const override = rules[diagnostic.rule];
    // What the outputs cannot hold, or the build cannot read, is not the project's to turn off.
    if (override === undefined || ['yaml-syntax', 'schema', 'control-character'].includes(diagnostic.rule)) return [diagnostic];
    return override === 'off' ? [] : [{ ...diagnostic, severity: override }];
  });
}
