import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { collectRuns, runsText } from '../../../src/render/pdf/runs.js';

const inline = (html: string): ElementContent[] => fromHtml(html, { fragment: true }).children as ElementContent[];

describe('collectRuns', () => {
  it('styles runs and collapses white space as a browser does', () => {
    const runs = collectRuns(
      inline('  A <em>quoted</em>\n  <strong>point  <em>here</em></strong>. <a href="https://x.org">link</a> <abbr title="John Crabtree">JC</abbr> '),
    );
    expect(runs.map((r) => [r.text, r.face, r.link ?? '', r.expanded ?? ''])).toEqual([
      ['A ', 'regular', '', ''],
      ['quoted', 'italic', '', ''],
      [' ', 'regular', '', ''],
      ['point ', 'bold', '', ''],
      ['here', 'boldItalic', '', ''],
      ['. ', 'regular', '', ''],
      ['link', 'regular', 'https://x.org', ''],
      [' ', 'regular', '', ''],
      ['JC', 'regular', '', 'John Crabtree'],
    ]);
    expect(runsText(runs)).toBe('A quoted point here. link JC');
  });
});

describe('an image', () => {
  it('stands as its description in brackets, linked to it, or to the link around it', () => {
    const runs = collectRuns(
      inline('See <img src="https://example.org/map.png" alt="a \n map"> and <a href="https://example.org/r"><img src="map.png" alt=""></a>.'),
    );
    expect(runs.map((run) => [run.text, run.link])).toEqual([
      ['See ', undefined],
      ['[a map]', 'https://example.org/map.png'],
      [' and ', undefined],
      ['[image]', 'https://example.org/r'],
      ['.', undefined],
    ]);
  });
});

describe('a footnote', () => {
  it('loses its link back to the reference (↩), which only a web page can follow', () => {
    const runs = collectRuns(inline('The note.<a href="#user-content-fnref-n" class="data-footnote-backref" aria-label="Back">↩</a>'));
    expect(runsText(runs)).toBe('The note.');
  });

  it('keeps its number raised and unlinked: the web page’s address of the note goes nowhere in a PDF', () => {
    const runs = collectRuns(inline('Tried in 2011.<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref>1</a></sup> (SA)'));
    expect(runs.map((run) => [run.text, run.link, run.superscript ?? false])).toEqual([
      ['Tried in 2011.', undefined, false],
      ['1', undefined, true],
      [' (SA)', undefined, false],
    ]);
  });
});
