/** Every lint rule, by id. Severities can be changed per rule in phrg-brief.yaml. */
import { dateMismatch } from './date-mismatch.js';
import { inconsistentName } from './inconsistent-name.js';
import { malformedAttribution } from './malformed-attribution.js';
import { rawHtml } from './raw-html.js';
import type { Rule } from './rule.js';
import { unattributedPoint } from './unattributed-point.js';
import { unbalancedQuotes } from './unbalanced-quotes.js';
import { undefinedAbbreviation } from './undefined-abbreviation.js';
import { unknownSpeaker } from './unknown-speaker.js';
import { unsafeLink } from './unsafe-link.js';
import { unusedSpeaker } from './unused-speaker.js';

export const RULES: readonly Rule[] = [
  unknownSpeaker,
  malformedAttribution,
  unusedSpeaker,
  unattributedPoint,
  unbalancedQuotes,
  undefinedAbbreviation,
  rawHtml,
  unsafeLink,
  dateMismatch,
  inconsistentName,
];

/** Checks made outside the rule modules: reading, decoding, YAML and the schema. */
export const BUILT_IN_CHECKS = [
  { id: 'read-error', severity: 'error', description: 'the file cannot be read' },
  { id: 'encoding', severity: 'error', description: 'the file is not UTF-8' },
  { id: 'yaml-syntax', severity: 'error', description: 'the front-matter is missing, unclosed or not valid YAML' },
  { id: 'schema', severity: 'error', description: 'a front-matter key or value breaks the record contract' },
  { id: 'duplicate-key', severity: 'error', description: 'a YAML key given twice, or two people with the same initials' },
  { id: 'duplicate-slug', severity: 'error', description: 'two records would write the same output file' },
  { id: 'missing-glyph', severity: 'warning', description: 'a character the PDF font cannot set' },
  { id: 'pdf-layout', severity: 'warning', description: 'something the PDF layout had to give way on (a word wider than the page, lists nested too deep)' },
  { id: 'usage', severity: 'error', description: 'the command cannot be carried out as given (an output folder among the records)' },
  { id: 'internal-error', severity: 'error', description: 'phrg-brief itself failed on the file' },
] as const;

export const RULE_IDS: readonly string[] = [...RULES.map((rule) => rule.id), ...BUILT_IN_CHECKS.map((check) => check.id)];
