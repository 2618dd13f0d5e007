/** Every lint rule, by id. Severities can be changed per rule in phrg-brief.yaml. */
import { commentInValue } from './comment-in-value.js';
import { dateMismatch } from './date-mismatch.js';
import { emptyBody } from './empty-body.js';
import { headingLevel } from './heading-level.js';
import { imageDescription } from './image-description.js';
import { inconsistentName } from './inconsistent-name.js';
import { invisibleCharacter } from './invisible-character.js';
import { malformedAttribution } from './malformed-attribution.js';
import { pastedBullet } from './pasted-bullet.js';
import { rawHtml } from './raw-html.js';
import type { Rule } from './rule.js';
import { unattributedPoint } from './unattributed-point.js';
import { unbalancedQuotes } from './unbalanced-quotes.js';
import { undefinedAbbreviation } from './undefined-abbreviation.js';
import { undefinedFootnote } from './undefined-footnote.js';
import { unknownSpeaker } from './unknown-speaker.js';
import { unsafeLink } from './unsafe-link.js';
import { unusedFootnote } from './unused-footnote.js';
import { unusedSpeaker } from './unused-speaker.js';

export const RULES: readonly Rule[] = [
  unknownSpeaker,
  malformedAttribution,
  unusedSpeaker,
  unattributedPoint,
  pastedBullet,
  unbalancedQuotes,
  invisibleCharacter,
  commentInValue,
  undefinedAbbreviation,
  rawHtml,
  unsafeLink,
  imageDescription,
  undefinedFootnote,
  unusedFootnote,
  dateMismatch,
  inconsistentName,
  headingLevel,
  emptyBody,
];

/**
 * Checks made outside the rule modules: reading, decoding, YAML and the schema (`reading`, before
 * the rules run), the records compared with each other (`archive`), the PDF's fonts
 * (`rendering`), and the run itself (`running`).
 */
export const BUILT_IN_CHECKS = [
  { id: 'read-error', severity: 'error', stage: 'reading', description: 'a file that cannot be read' },
  { id: 'encoding', severity: 'error', stage: 'reading', description: 'a file that is not UTF-8 (the first bad byte is located)' },
  {
    id: 'control-character',
    severity: 'error',
    stage: 'reading',
    description:
      'a control character (a form feed, vertical tab or escape, as text pasted from Word or a PDF carries; U+FFFE), which the feed, the Word file and the PDF cannot hold, also as a YAML escape (`"\\f"`) or a character reference (`&#12;`)',
  },
  {
    id: 'yaml-syntax',
    severity: 'error',
    stage: 'reading',
    description: 'no front-matter, an unclosed one, a tab in indentation, an unclosed quote or bracket (pointed at where it opened)',
  },
  {
    id: 'schema',
    severity: 'error',
    stage: 'reading',
    description:
      'a missing key (at the front-matter\'s closing `---`, with a one-line example such as `hosts: [the All-Party Parliamentary Human Rights Group (PHRG)]`) or an unknown one (`speakrs` or `panel`: "did you mean speakers?"; `initials`: "did you mean key?"), a value of the wrong kind, `date: 7/11/16` (both readings offered), a bad slug',
  },
  { id: 'duplicate-key', severity: 'error', stage: 'reading', description: 'a YAML key given twice, or two people with the same initials' },
  { id: 'duplicate-slug', severity: 'error', stage: 'reading', description: 'two records that would write the same file' },
  {
    id: 'skipped-file',
    severity: 'warning',
    stage: 'reading',
    description: 'a file in a records folder named as a record but for its ending (`.md.txt`, `.MD`, `.markdown`, a dated `.docx`): it is not read',
  },
  {
    id: 'too-large',
    severity: 'error',
    stage: 'reading',
    description: 'a record bigger than `limits.recordSize` (default 256 KiB, a dozen times the longest real briefing), refused before it is read',
  },
  {
    id: 'too-complex',
    severity: 'error',
    stage: 'reading',
    description: "Markdown or front-matter past the parsers' bounds, pointed at where it passes them (see below)",
  },
  {
    id: 'name-variant',
    severity: 'warning',
    stage: 'archive',
    description:
      "`Siobhan O'Connor` in one record and `Siobhán O'Connor` in a newer one: one person page names them both, as the newest record spells it (`check` compares the records it is given)",
  },
  {
    id: 'missing-glyph',
    severity: 'warning',
    stage: 'rendering',
    description: 'characters the PDF font cannot set (they would print as blank boxes, and the PDF would not claim PDF/UA-1), one warning a word',
  },
  {
    id: 'pdf-layout',
    severity: 'warning',
    stage: 'rendering',
    description: 'something the PDF layout had to give way on: a word too wide for the page or its table column, lists nested too deep to indent',
  },
  {
    id: 'search-index',
    severity: 'warning',
    stage: 'rendering',
    description: 'Pagefind could not make the search index (no binary for this system, say); the pages are written and work without it',
  },
  {
    id: 'template',
    severity: 'error',
    stage: 'running',
    description:
      "a project's own template that cannot be read or run: a block left open or closed by another name, a helper, partial or field there is none of (`{{titel}}`), one that gives nothing; a PDF theme value out of bounds or font file not there (check reports these too)",
  },
  {
    id: 'usage',
    severity: 'error',
    stage: 'running',
    description: 'a command that cannot be carried out as given (an output folder among the records, or that is a file)',
  },
  {
    id: 'write-error',
    severity: 'error',
    stage: 'running',
    description: 'an output that cannot be written (a folder not writable or full, a file where a folder should be), against its record or the output folder',
  },
  { id: 'internal-error', severity: 'error', stage: 'running', description: 'phrg-brief itself failed on the file (`--debug` shows the stack trace)' },
] as const;

/** Every check in the order the README's table lists them: reading, the rules, across records, rendering, running. */
export function checksInOrder(): { id: string; severity: string; description: string }[] {
  const stage = (name: string) => BUILT_IN_CHECKS.filter((check) => check.stage === name);
  return [...stage('reading'), ...RULES, ...stage('archive'), ...stage('rendering'), ...stage('running')].map(({ id, severity, description }) => ({
    id,
    severity,
    description,
  }));
}

export const RULE_IDS: readonly string[] = [...RULES.map((rule) => rule.id), ...BUILT_IN_CHECKS.map((check) => check.id)];
