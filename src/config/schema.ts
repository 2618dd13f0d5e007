/** phrg-brief.yaml, the project's settings. Every key is optional; defaults are filled in. */
import { z } from 'zod';
import { languageTagSchema } from '../validate/schema.js';
import { FORMATS, formatIds, type Format, type FormatSpec } from '../render/formats.js';

const severity = z.enum(['off', 'info', 'warning', 'error']);

/** The schema for a list of formats: the real one, or a longer one in a test. */
export function configSchemaFor(formats: readonly FormatSpec[]) {
  return z.strictObject({
    /** A folder of templates that win over the default ones, file by file. */
    templates: z.string().min(1).optional(),
    /** Per-rule severity: off, info, warning or error. */
    rules: z.record(z.string(), severity).optional(),
    /** Abbreviations every reader of the project's briefings knows, needing no definition. */
    pdf: z.strictObject({ pageSize: z.enum(['A4', 'Letter']).optional() }).optional(),
    /** `fmt`: keep each paragraph's line breaks as written, or join its lines ("none"). */
    fmt: z.strictObject({ wrap: z.enum(['keep', 'none']).optional() }).optional(),
    /** Formats `build` writes when --format is not given. */
    formats: z
      .array(z.enum(formatIds(formats)))
      .min(1)
      .optional(),
    /** The published archive. */
    site: z
      .strictObject({
        title: z.string().min(1).optional(),
        lang: languageTagSchema.optional(),
        baseUrl: z
          .url({ protocol: /^https?$/, error: 'must be an http(s) address such as https://example.org/briefings' })
          // The site's pages are written after it: a query, a fragment or a space would stand inside every link.
          .regex(/^[^?#\s]*$/, { error: 'must be the address of a folder, without a space, ? or #, such as https://example.org/briefings' })
          .refine((address) => !PAGE_ADDRESS.test(address), {
            error: 'must be the address of the folder the site is in, not of a page (index.html), such as https://example.org/briefings',
          })
          .optional(),
        /** `false`: no full-text search index (Pagefind); the index page's filter stays. */
        search: z.boolean().optional(),
      })
      .optional(),
    abbreviations: z.array(z.string().regex(/^\p{Lu}{2,}$/u, { error: 'an abbreviation is two or more capital letters' })).optional(),
    /** Bounds on a record: `recordSize`, in bytes, past which it is refused unread. */
    limits: z.strictObject({ recordSize: z.int().positive().optional() }).optional(),
  });
}

/**
 * An address that names a page, not the folder the site is in (`…/briefings/index.html`): every
 * page's address is made by adding its name, which gave `…/index.html/2016-11-07-peru.html`.
 */
export const PAGE_ADDRESS = /\/[^/]+\.(?:html?|xml|json|php|aspx?)\/*$/i;

export const configSchema = configSchemaFor(FORMATS);

export const CONFIG_KEYS = Object.keys(configSchema.shape);

export type ConfigData = Omit<z.infer<typeof configSchema>, 'formats'> & { formats?: Format[] };

export interface ResolvedConfig {
  /** Folder the config was read from (the project root). */
  root: string;
  /** The config file, when there is one. */
  file?: string;
  /** Absolute path of the project's template overrides, when set. */
  templatesDir?: string;
  rules: Readonly<Record<string, z.infer<typeof severity>>>;
  abbreviations: readonly string[];
  pdf: { pageSize?: 'A4' | 'Letter' };
  formats: readonly Format[];
  fmt: { wrap: 'keep' | 'none' };
  site: { title: string; lang: string; baseUrl?: string; search: boolean };
  limits: { recordSize: number };
}
