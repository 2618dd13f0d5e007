/** The shape of a briefing as data (`<slug>.json`, entries of `briefings.json`), as a zod schema. */
import { z } from 'zod';

const person = z.object({
  key: z.string().optional(),
  name: z.string().optional(),
  role: z.string().optional(),
  note: z.string().optional(),
  onBehalfOf: z.string().optional(),
  text: z.string().optional().describe('a plain-string speaker, printed as it is (e.g. a country)'),
});

export const briefingSummarySchema = z.object({
  slug: z.string().describe('output file name without extension'),
  source: z.string().describe('the record file, relative to the project'),
  title: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  updated: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('the record’s `updated:` date, when it has one'),
  heading: z.string().describe('the heading as printed: D/M/YY: title'),
  kind: z.string(),
  lang: z.string(),
  draft: z.boolean(),
  chathamHouse: z.boolean().describe('the meeting was held under the Chatham House Rule'),
  hosts: z.array(z.string()),
  partners: z.array(z.string()),
  topic: z.string().optional(),
  tags: z.array(z.string()),
  summary: z.string().describe('the intro sentence as the briefing prints it'),
  chairs: z.array(person),
  speakers: z.array(person),
  points: z.array(
    z.object({
      text: z.string().describe('the point, without its attribution'),
      html: z.string().optional().describe('the same as HTML, its links and emphasis kept'),
      lead: z
        .object({ text: z.string(), html: z.string() })
        .optional()
        .describe('the words of the list item the point is nested under (“The government has failed:”), its attribution left off'),
      speakers: z.array(z.object({ key: z.string(), name: z.string() })),
    }),
  ),
  files: z.record(z.string(), z.string()).describe('format → file name, relative to the output folder'),
});

export type BriefingSummary = z.infer<typeof briefingSummarySchema>;

/** A briefing as the index, tag, people and feed pages need it: everything but its points. */
export type SiteSummary = Omit<BriefingSummary, 'points'>;

const SUMMARY_KEYS = Object.keys(briefingSummarySchema.shape) as (keyof BriefingSummary)[];

/** The summary's fields in the schema's order, as `<slug>.json` and `briefings.json` print them. */
export function inSchemaOrder(summary: BriefingSummary): BriefingSummary {
  const ordered: Record<string, unknown> = {};
  for (const key of SUMMARY_KEYS) if (summary[key] !== undefined) ordered[key] = summary[key];
  return ordered as BriefingSummary;
}
