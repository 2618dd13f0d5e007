/** The config file's name and every setting's default: what a project without one gets. */
import { DEFAULT_FORMATS } from '../render/formats.js';
import { DEFAULT_RECORD_SIZE } from '../load/limits.js';
import type { ResolvedConfig } from './schema.js';

export const CONFIG_FILE = 'phrg-brief.yaml';
export const DEFAULT_SITE_TITLE = 'All-Party Parliamentary Human Rights Group';

export function configDefaults(root: string): ResolvedConfig {
  return Object.freeze({
    root,
    rules: Object.freeze({}),
    abbreviations: Object.freeze([]),
    pdf: Object.freeze({}),
    formats: Object.freeze([...DEFAULT_FORMATS]),
    fmt: Object.freeze({ wrap: 'keep' as const }),
    site: Object.freeze({ title: DEFAULT_SITE_TITLE, lang: 'en-GB', search: true }),
    limits: Object.freeze({ recordSize: DEFAULT_RECORD_SIZE }),
  });
}
