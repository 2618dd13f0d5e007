import { describe, expect, it } from 'vitest';
import { findings, record } from './lint.js';

describe('pasted-bullet', () => {
  it('reports each line that a bullet or a dash pasted from Word begins, where the points run together', () => {
    const text = record('• Mining is a source of conflict. (AB)\n• Protestors are labelled subversives. (CD)\n– Land titles are not respected. (AB)');
    expect(findings(text, 'pasted-bullet')).toEqual(['12:1 •', '13:1 •', '14:1 –']);
    // Only the last line's initials are read as an attribution: the first two points are lost to it.
    expect(findings(text, 'unknown-speaker')).toEqual([]);
  });

  it('leaves alone a dash that opens a line wrapped mid-sentence, a list item and a bullet within a line', () => {
    const text = record('The defenders\n– some of them elders – were arrested. (AB)\n\n- A point • with a bullet inside. (CD)');
    expect(findings(text, 'pasted-bullet')).toEqual([]);
  });

  it('leaves alone a dash opening a paragraph of one line: a quotation’s attribution runs into nothing', () => {
    const text = record('> “Justice delayed is justice denied.”\n>\n> — William Gladstone\n\n— A line of its own. (AB)');
    expect(findings(text, 'pasted-bullet')).toEqual([]);
  });
});
