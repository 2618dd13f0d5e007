import { describe, expect, it } from 'vitest';
import { findings, record } from './lint.js';

describe('unused-footnote', () => {
  it('reports a note no mark cites, where its name is', () => {
    const text = record('A point.[^cited] (AB)\n\n[^cited]: Cited.\n\n[^lost]: Cited nowhere.');
    expect(findings(text, 'unused-footnote')).toEqual(['16:1 [^lost]:']);
  });

  it('counts the intro’s marks for the body’s notes, and reports an intro’s own note it does not cite', () => {
    const fromIntro = record('A point. (AB)\n\n[^n]: Cited by the intro.', 'intro: "An intro.[^n]"\n');
    expect(findings(fromIntro, 'unused-footnote')).toEqual([]);
    const introOwn = record('A point. (AB)', 'intro: "An intro.\\n\\n[^x]: Its own note."\n');
    expect(findings(introOwn, 'unused-footnote')).toEqual(['10:8 "An intro.\\n\\n[^x]: Its own note."']);
    // The intro's mark names its own note, not the body's of that name, which is then cited nowhere.
    const sameName = record('A point. (AB)\n\n[^a]: The body’s, never cited.', 'intro: "An intro.[^a]\\n\\n[^a]: The intro’s."\n');
    expect(findings(sameName, 'unused-footnote')).toEqual(['15:1 [^a]:']);
  });

  it('reports a note cited only by a note left out itself', () => {
    const text = record('A point. (AB)\n\n[^c]: Cites [^d].\n\n[^d]: Cited by c alone.');
    expect(findings(text, 'unused-footnote')).toEqual(['14:1 [^c]:', '16:1 [^d]:']);
  });
});
