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

export const isoDateSchema = z.string().refine(isIsoDate, {
  error: 'must be written YYYY-MM-DD',
});

export const recordSchema = z.strictObject({
  title: text,
  date: isoDateSchema,
  hosts: z.array(text).min(1, { error: 'must name at least one host' }),
  partners: z.array(text).optional(),
  kind: text.optional(),
  topic: text.optional(),
  chair: z.union([speakerSchema, z.array(speakerSchema).min(1)]).optional(),
  speakers: z.array(speakerSchema).optional(),
  speakersLead: text.optional(),
  intro: text.optional(),
  chathamHouse: z.boolean().optional(),
  tags: z.array(text).optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lower-case letters, digits and single hyphens' })
    .optional(),
  draft: z.boolean().optional(),
  /** BCP 47 language of the briefing; en-GB when absent. */
  lang: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, { error: 'must be a language tag such as en-GB or es' })
    .optional(),
});

export type Person = z.infer<typeof personSchema>;
export type Speaker = z.infer<typeof speakerSchema>;
export type RecordData = z.infer<typeof recordSchema>;

/** Keys in the order the contract lists them (used for suggestions and formatting). */
export const RECORD_KEYS = Object.keys(recordSchema.shape);
export const PERSON_KEYS = ['key', 'name', 'role', 'note', 'onBehalfOf'];

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
