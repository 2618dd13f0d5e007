/** YAML syntax errors as an editor meets them: placed where to act, in words about the record. */
import { describe, expect, it } from 'vitest';
import { loadRecordText } from '../../src/load/record.js';
import { validateRecord } from '../../src/validate/record.js';

/** The yaml-syntax diagnostics of a record with `lines` in its front-matter, as `line:column message | note`. */
function syntaxErrors(lines: string): string[] {
  const text = `---\ndate: 2020-05-04\nhosts: [the PHRG (PHRG)]\n${lines}---\n\nA point.\n`;
  const loaded = loadRecordText(text, 'r.md');
  const diagnostics = loaded.record ? validateRecord(loaded.record, { abbreviations: [] }).diagnostics : loaded.diagnostics;
  return diagnostics.filter((d) => d.rule === 'yaml-syntax').map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.message} | ${d.note ?? ''}`);
}

describe('a value with ": " in it', () => {
  it('is said to read as a key, with the value in quotes to write instead', () => {
    expect(syntaxErrors('title: Bahrain: detained medics\n')).toEqual([
      '4:8-32 the ": " in this value reads as a key of its own | put the value in double quotes:  title: "Bahrain: detained medics"',
    ]);
    expect(syntaxErrors('title: T\nchair:\n  name: A B\n  role: Oxford, UK: the "Latin American" Centre\n')).toEqual([
      '7:9-48 the ": " in this value reads as a key of its own | put the value in double quotes:  role: "Oxford, UK: the \\"Latin American\\" Centre"',
    ]);
  });

  it('in curly quotes, is told that YAML’s quotes are straight', () => {
    expect(syntaxErrors('title: “Smart quotes: in YAML”\n')).toEqual([
      '4:8-31 “ ” are not YAML\'s quotes, so the ": " in this value reads as a key | quote it with straight quotes:  title: "Smart quotes: in YAML"',
    ]);
  });

  it('is read as it is, quoted or with no space after the colon', () => {
    expect(syntaxErrors('title: "Bahrain: detained medics"\n')).toEqual([]);
    expect(syntaxErrors('title: Bahrain:detained medics\n')).toEqual([]);
  });
});

describe('a quote never closed', () => {
  it('is said once, at the quote, though yaml finds two errors in it', () => {
    expect(syntaxErrors('title: "Peru\n')).toEqual([expect.stringMatching(/^4:8-9 the quote " opened here is never closed/)]);
    expect(syntaxErrors('title: T\nchair: { name: "A }\n')).toEqual([expect.stringMatching(/^5:16-17 the quote " opened here is never closed/)]);
  });
});

describe('indentation YAML cannot see', () => {
  it('is said to be non-breaking spaces or a tab, on its line alone, where yaml spoke of mappings or a key with spaces in it', () => {
    const nbsp = '\u00a0'.repeat(4);
    expect(syntaxErrors(`title: T\nspeakers:\n  - key: SA\n${nbsp}name: Sayed Ahmed\n`)).toEqual([
      '7:1-5 this line is indented with non-breaking spaces, which YAML does not take for indentation (text pasted from Word or a web page brings them) | delete the indentation and type it again with ordinary spaces',
    ]);
    expect(syntaxErrors('title: T\ntags:\n\t- Peru\n')).toEqual([
      '6:1-2 this line is indented with a tab, which YAML does not allow | delete the indentation and type it again with ordinary spaces',
    ]);
  });

  it('leaves a tab in a block of text as it is, and a tab YAML takes: before a comment, in a value running on', () => {
    expect(syntaxErrors('title: T\nintro: |\n  The figures:\n  \tone\n')).toEqual([]);
    expect(syntaxErrors('title: T\n\t# a note\ntopic: a\n  \tb\n')).toEqual([]);
  });
});
