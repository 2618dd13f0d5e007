/** Runs one record text through load and validate; returns one rule's findings as text. */
import { loadRecordText } from '../../../src/load/record.js';
import { validateRecord } from '../../../src/validate/record.js';

export function findings(text: string, rule: string, abbreviations: string[] = []): string[] {
  const loaded = loadRecordText(text, 'r.md');
  if (!loaded.record) throw new Error(`not a record: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return validateRecord(loaded.record, { abbreviations })
    .diagnostics.filter((d) => d.rule === rule)
    .map((d) => `${d.line}:${d.column} ${text.split('\n')[d.line - 1]!.slice(d.column - 1, d.endLine === d.line ? d.endColumn - 1 : undefined)}`);
}

/** A record with speakers AB and CD and the given body. */
export function record(body: string, frontMatter = ''): string {
  return `---\ntitle: T\ndate: 2020-05-04\nhosts: [the PHRG (PHRG)]\nspeakers:\n  - key: AB\n    name: Ana Bravo\n  - key: CD\n    name: Carla Díaz\n${frontMatter}---\n\n${body}\n`;
}
