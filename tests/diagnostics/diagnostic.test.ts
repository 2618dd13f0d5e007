import { describe, expect, it } from 'vitest';
import { bounded, diagnosticAt, fileDiagnostic, MAX_MESSAGE_LENGTH } from '../../src/diagnostics/diagnostic.js';
import { SourceText } from '../../src/diagnostics/source.js';

describe('a diagnostic’s message and note', () => {
  it('are kept whole up to the bound', () => {
    const message = `unknown key ${'k'.repeat(MAX_MESSAGE_LENGTH - 'unknown key '.length)}`;
    expect(bounded(message)).toBe(message);
  });

  it('are cut past it, keeping their start and end around a …', () => {
    const name = 'Name '.repeat(20_000);
    const cut = bounded(`${name}(ZZ) makes no attributed point`);
    expect(cut.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(cut).toMatch(/^Name Name .* … .*Name \(ZZ\) makes no attributed point$/);
    // Never half a surrogate pair.
    for (const text of ['😀'.repeat(400), `a${'😀'.repeat(400)}`]) {
      const emoji = bounded(text);
      expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it('are bounded however the diagnostic is made', () => {
    const long = 'x'.repeat(100_000);
    const init = { severity: 'error', rule: 'schema', message: `date must be written YYYY-MM-DD, found "${long}"`, note: long } as const;
    for (const diagnostic of [fileDiagnostic('a.md', init), diagnosticAt('a.md', new SourceText('text'), 0, 1, init)]) {
      expect(diagnostic.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(diagnostic.message).toMatch(/^date must be written YYYY-MM-DD, found "x+ … x+"$/);
      expect(diagnostic.note!.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    }
  });
});
