/** An imported briefing written out as a record, in the canonical form `fmt` gives. */
import { Document } from 'yaml';
import { formatRecord } from '../format/record.js';
import { CONTROL_CHARACTER } from '../load/control-characters.js';
import { titleSlug } from '../site/model.js';
import { RECORD_KEYS } from '../validate/schema.js';
import type { ImportResult } from './briefing.js';

export function recordText(result: ImportResult): string {
  const ordered: Record<string, unknown> = {};
  for (const key of RECORD_KEYS) if (result.data[key] !== undefined) ordered[key] = withoutControls(result.data[key]);
  const yaml = new Document(ordered, { version: '1.2' }).toString({ lineWidth: 0 });
  const body = result.body ? withoutControls(result.body) : '';
  const text = `---\n${yaml}---\n${body ? `\n${body}` : ''}`;
  const formatted = formatRecord(text);
  return formatted.ok ? formatted.text : text;
}

/**
 * A value without control characters, which a record may not hold (load/control-characters.ts):
 * a page's `&#27;` is one once the page is read, and YAML would write it as an escape.
 */
function withoutControls(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(CONTROL_CHARACTER, '');
  if (Array.isArray(value)) return value.map(withoutControls);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutControls(item)]));
  return value;
}

/**
 * `2016-11-07-peru`: the date, then the title's first part ("Peru – …" gives "peru"); or the
 * imported file's own name (`fallback`) when it is already a record's name of that date, as a
 * page phrg-brief published is: its address is kept.
 */
export function recordFileName(result: ImportResult, fallback: string): string {
  if (result.data.date !== undefined && new RegExp(`^${result.data.date}-[a-z0-9]+(?:-[a-z0-9]+)*$`).test(fallback)) return `${fallback}.md`;
  const title = typeof result.data.title === 'string' ? result.data.title : fallback;
  const short = title.split(/\s+[–—-]\s+|:\s+/)[0]!;
  return `${result.data.date ?? 'undated'}-${titleSlug(short, 6)}.md`;
}
