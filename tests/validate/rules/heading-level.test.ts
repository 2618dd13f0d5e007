import { describe, expect, it } from 'vitest';
import { findings, record } from './lint.js';

describe('heading-level', () => {
  it('reports a heading that skips a level below the title or another heading, and a second title', () => {
    const text = record('### Further action\n\nA point. (AB)\n\n## Background\n\n#### Detail\n\n# Another title\n\nMore. (CD)');
    expect(findings(text, 'heading-level')).toEqual(['12:1 ###', '18:1 ####', '20:1 #']);
  });

  it('leaves alone headings that go down one level at a time, and back up any number', () => {
    const text = record('## Background\n\n### Detail\n\n#### Finer\n\n## Further action\n\nA point. (AB) (CD)');
    expect(findings(text, 'heading-level')).toEqual([]);
  });
});
