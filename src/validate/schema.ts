/** The record contract's front-matter, as a zod schema (see the spec's "Front-matter"). */
import { z } from 'zod';

/** Initials used in attributions: a capital letter, then up to five capitals or digits. */
export const SPEAKER_KEY = /^[A-Z][A-Z0-9]{0,5}$/;

const text = z.string().trim().min(1, { error: 'must not be empty' });

export const personSchema = z
  .strictObject({
    key: z.string().regex(SPEAKER_KEY, {
      error: 'must be 1–6 characters: a capital letter first, then capitals or digits (e.g. JC, CWW)',
    }),
    name: text,
    role: text,
    note: text,
    onBehalfOf: text,
  })
  .partial()
  .refine((person) => person.name !== undefined || person.note !== undefined, {
    error: 'needs a name, or a note saying who they are when they must not be named',
  });

/** A plain string is printed as it is ("Egypt", for a list of countries). */
export const speakerSchema = z.union([text, personSchema]);

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be written YYYY-MM-DD', abort: true })
  .refine(isIsoDate, { error: 'must be written YYYY-MM-DD' });

/** A BCP 47 language tag, as `lang` attributes, the PDF's /Lang and Word's w:lang take it. */
export const languageTagSchema = z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, { error: 'must be a language tag such as en-GB or es' });

export const recordSchema = z.strictObject({
  title: text.describe('The briefing’s title, e.g. Peru – The Negative Impacts of …'),
  date: isoDateSchema.describe('The day of the meeting, YYYY-MM-DD'),
  updated: isoDateSchema.optional().describe('The day the briefing was last corrected, YYYY-MM-DD; the feed shows it as the entry’s update'),
  hosts: z
    .array(text)
    .min(1, { error: 'must name at least one host' })
    .describe('Who held the meeting, lead first, as each reads mid-sentence: the All-Party Parliamentary Human Rights Group (PHRG)'),
  partners: z.array(text).optional().describe('Printed as “in conjunction with …”'),
  kind: text.optional().describe('meeting (default), roundtable, panel event, report launch, …'),
  topic: text.optional().describe('The meeting’s announced title, quoted in the intro sentence'),
  chair: z
    .union([speakerSchema, z.array(speakerSchema).min(1)])
    .optional()
    .describe('Who chaired: a person, or a list of persons'),
  speakers: z.array(speakerSchema).optional().describe('Persons (key, name, role, note, onBehalfOf), or plain strings printed as they are'),
  speakersLead: text.optional().describe('Replaces the line “The speakers were:”'),
  intro: text.optional().describe('Markdown that replaces the generated intro sentence'),
  chathamHouse: z.boolean().optional().describe('Adds “The meeting was held under the Chatham House Rule.”'),
  tags: z
    .array(text)
    // Each tag makes a page that lists the briefing with all its tags: 3,000 tags made 634 MB.
    .max(100, { error: 'must list at most 100: each tag makes a page that lists the briefing with all its tags' })
    .optional()
    .describe('Countries and themes, for the index, tag pages and feed'),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lower-case letters, digits and single hyphens' })
    // It names the output files, whose names a file system bounds (255 bytes with .html and a temporary suffix).
    .max(100, { error: 'must be at most 100 characters: it names the output files' })
    .optional()
    .describe('Output file name; default: the record’s file name without .md'),
  draft: z.boolean().optional().describe('Drafts are checked but left out of builds unless --drafts'),
  /** BCP 47 language of the briefing; en-GB when absent. */
  lang: languageTagSchema.optional(),
});

/** A record's chairs and speakers alone, valid or not whatever the rest of the front-matter holds. */
export const castSchema = recordSchema.pick({ chair: true, speakers: true });

export type Person = z.infer<typeof personSchema>;
export type Speaker = z.infer<typeof speakerSchema>;
export type RecordData = z.infer<typeof recordSchema>;

/** Keys in the order the contract lists them (used for suggestions and formatting). */
export const RECORD_KEYS = Object.keys(recordSchema.shape);

/** Output names the archive uses for its own files: no record may take them. */
export const RESERVED_SLUGS = ['index', 'feed', 'briefings', 'sitemap', 'people', 'tags', 'schema', '404'];
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Names Windows gives its devices, with any extension: no file can be called so there. */
export const WINDOWS_DEVICES = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/;
export const PERSON_KEYS = ['key', 'name', 'role', 'note', 'onBehalfOf'];

/** Words a secretariat writes for a key, lower-case, with the key the contract names it by. */
export const RECORD_KEY_SYNONYMS: Readonly<Record<string, string>> = {
  chairs: 'chair',
  chairman: 'chair',
  chairperson: 'chair',
  chairwoman: 'chair',
  host: 'hosts',
  partner: 'partners',
  speaker: 'speakers',
  panel: 'speakers',
  panellists: 'speakers',
  tag: 'tags',
  keywords: 'tags',
  subject: 'topic',
};
export const PERSON_KEY_SYNONYMS: Readonly<Record<string, string>> = {
  initials: 'key',
  initial: 'key',
  abbreviation: 'key',
  title: 'role',
  position: 'role',
  job: 'role',
  organisation: 'role',
  organization: 'role',
  affiliation: 'role',
  onbehalf: 'onBehalfOf',
};

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
