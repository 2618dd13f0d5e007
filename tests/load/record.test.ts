import { describe, expect, it } from 'vitest';
import { loadRecordBytes, loadRecordText } from '../../src/load/record.js';
import { validateRecord } from '../../src/validate/record.js';

const RECORD = '---\ntitle: T\ndate: 2016-11-07\nhosts: [the PHRG]\nspeakers:\n  - key: JC\n    name: J\n---\n\n- A point. (JX)\n';

function check(text: string) {
  const loaded = loadRecordText(text, 'r.md');
  if (!loaded.record) return loaded.diagnostics;
  return validateRecord(loaded.record).diagnostics.filter((d) => d.severity === 'error');
}
const where = (text: string) => check(text).map((d) => `${d.rule} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);

describe('positions', () => {
  it('places a body problem at its line and column', () => {
    expect(where(RECORD)).toEqual(['unknown-speaker 10:13-10:15']);
  });

  it('places front-matter problems on the key or value', () => {
    // The speakers are valid, so the body's unknown key is told in the same pass.
    expect(where(RECORD.replace('date: 2016-11-07', 'date: 7/11/16'))).toEqual(['schema 3:7-3:14', 'unknown-speaker 10:13-10:15']);
    expect(where(RECORD.replace('    name: J', '    nme: J'))).toEqual(['schema 7:5-7:8']);
    // A missing key goes above the closing fence: point there, with a line to add.
    expect(where(RECORD.replace('title: T\n', ''))).toEqual(['schema 7:1-7:4', 'unknown-speaker 9:13-9:15']);
    expect(check(RECORD.replace('hosts: [the PHRG]\n', ''))[0]).toMatchObject({
      message: 'missing required key hosts in the front-matter',
      note: 'add it above the closing ---, for example:  hosts: [the All-Party Parliamentary Human Rights Group (PHRG)]',
    });
    expect(where('---\n---\n\nText.\n')).toEqual(['schema 2:1-2:4', 'schema 2:1-2:4', 'schema 2:1-2:4']);
  });

  it('gives the same positions with CRLF line ends and a byte-order mark', () => {
    const crlf = new TextEncoder().encode(`\uFEFF${RECORD.replace(/\n/g, '\r\n')}`);
    const loaded = loadRecordBytes(crlf, 'r.md');
    expect(loaded.record).toBeDefined();
    const diagnostics = validateRecord(loaded.record!).diagnostics.filter((d) => d.severity === 'error');
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['10:13']);
  });
});

describe('files that are not records', () => {
  it.each([
    ['', 'the file is empty'],
    ['# Just Markdown\n', 'no front-matter'],
    ['---\ntitle: T\n', 'never closed'],
    ['---\ntitle: T\n----\n', 'exactly ---'],
  ])('%j: %s', (text, message) => {
    const diagnostics = check(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain(message);
  });

  it('reports the first byte that is not UTF-8 by line and column', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\ntitle: Caf'), 0xe9, ...new TextEncoder().encode('\n---\n')]);
    const [diagnostic] = loadRecordBytes(bytes, 'r.md').diagnostics;
    expect(diagnostic).toMatchObject({ rule: 'encoding', line: 2, column: 11 });
  });

  it('reports a front-matter that is a list, not a mapping', () => {
    expect(check('---\n- a\n- b\n---\n')[0]).toMatchObject({ rule: 'schema', line: 2, column: 1 });
  });
});
