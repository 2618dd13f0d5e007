/**
 * Whether a language is written right to left: its text runs so, and its paragraphs start at
 * the right (the site's stylesheet lists the same languages for the pages).
 */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb', 'syr']);

export function isRightToLeft(lang: string | undefined): boolean {
  return lang !== undefined && RIGHT_TO_LEFT.has(lang.split('-')[0]!.toLowerCase());
}
