import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { breakLines, collectRuns, runsText, type Run } from '../../../src/render/pdf/runs.js';

const inline = (html: string): ElementContent[] => fromHtml(html, { fragment: true }).children as ElementContent[];
/** Every character one unit wide, spaces included. */
const measure = (text: string) => text.length;
const texts = (runs: Run[], width: number) => breakLines(runs, width, measure).map((line) => line.map((f) => f.text).join(''));

describe('collectRuns', () => {
  it('styles runs and collapses white space as a browser does', () => {
    const runs = collectRuns(inline('  A <em>quoted</em>\n  <strong>point  <em>here</em></strong>. <a href="https://x.org">link</a> <abbr title="John Crabtree">JC</abbr> '));
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

describe('breakLines', () => {
  const run = (text: string): Run => ({ text, face: 'regular' });

  it('fills lines greedily at spaces, keeping the spaces in the text', () => {
    expect(texts([run('aaa bbb ccc dddd')], 8)).toEqual(['aaa bbb ', 'ccc dddd']);
  });

  it('breaks a word wider than the line between characters', () => {
    expect(texts([run('ab cdefghijkl mn')], 5)).toEqual(['ab ', 'cdefg', 'hijkl ', 'mn']);
  });

  it('keeps runs apart within a line and honours line breaks', () => {
    const lines = breakLines([run('one '), { text: 'two', face: 'bold' }, { text: '\n', face: 'regular' }, run('three')], 20, measure);
    expect(lines.map((line) => line.map((f) => `${f.text}@${f.x}`))).toEqual([['one @0', 'two@4'], ['three@0']]);
  });

  it('gives an empty paragraph one empty line', () => {
    expect(breakLines([], 10, measure)).toEqual([[]]);
  });
});
