import { describe, expect, it } from 'vitest';
import { findings, record } from './lint.js';

describe('raw-html', () => {
  it('reports block and inline HTML, and comments', () => {
    expect(findings(record('<div>x</div>\n\nA <span>y</span> z. <!-- note --> (AB) (CD)'), 'raw-html')).toEqual([
      '12:1 <div>x</div>',
      '14:3 <span>',
      '14:10 </span>',
      '14:21 <!-- note -->',
    ]);
  });

  it('leaves code spans, escaped brackets and autolinks alone', () => {
    expect(findings(record('Use `<b>` or \\<b> or <https://example.org>. (AB) (CD)'), 'raw-html')).toEqual([]);
  });
});
