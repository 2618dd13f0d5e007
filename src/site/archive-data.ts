/**
 * briefings.json: every briefing's data, attributed points included, put together from each
 * record's entry as its render printed it. Apart from the pages, whose templates it does not
 * need, so that a build which only rewrites this file loads no page machinery.
 */

export const ARCHIVE_DATA = 'briefings.json';

/**
 * briefings.json in pieces, newest first: each record's entry is already printed (at the
 * array's indentation) by its render, so the file is streamed, never held whole, and the
 * entries' bytes pass through as they were read.
 */
export function* archiveData(entries: Iterable<Uint8Array>): Generator<string | Uint8Array> {
  yield '{\n  "$schema": "schema/briefings.schema.json",\n  "briefings": [';
  let first = true;
  for (const entry of entries) {
    yield first ? '\n' : ',\n';
    yield entry;
    first = false;
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

/** A record's entry of briefings.json: its summary as printed there, at the array's depth. */
export function archiveEntry(summaryJson: string): string {
  // Only "\n" ends a line of JSON: U+2028 and U+2029 stand unescaped inside its strings.
  return `    ${summaryJson.replaceAll('\n', '\n    ')}`;
}
