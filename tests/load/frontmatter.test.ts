import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { splitRecord } from '../../src/load/frontmatter.js';

describe('splitRecord', () => {
  it('cuts the body where gray-matter would, given the whole record, for every fence and line break', () => {
    const openings = ['---\n', '---  \n'];
    const heads = ['title: a\n', 'title: a\r\n', '', '# a comment\n', '#\n', '  # c\r\n\n', 'a: 1\nb: [1, 2]\n'];
    const fences = ['---', '---  ', '---\t', '---\r'];
    const bodies = ['', '\n', '\r\n', '\r', '\r\r\nx', '  \nx', '\n\nx', 'x', '\r\nbody\r\n', '\n---\nnot a fence'];
    let compared = 0;
    for (const opening of openings)
      for (const head of heads)
        for (const fence of fences)
          for (const body of bodies)
            for (const text of [`${opening}${head}${fence}${body}`, `${opening}${head}${fence}\n${body}`]) {
              const split = splitRecord(text);
              if (split.kind !== 'ok') continue;
              let given = ''; // what gray-matter hands its YAML engine (nothing for an empty block)
              const engine = (source: string): object => ((given = source), {});
              const whole = matter(text, { engines: { yaml: { parse: engine } }, language: 'yaml' });
              expect(split.body, JSON.stringify(text)).toBe(whole.content);
              expect(split.frontMatter.document.range, JSON.stringify(text)).toEqual(parseDocument(given).range);
              expect(split.bodyOffset).toBe(text.length - whole.content.length);
              compared++;
            }
    expect(compared).toBeGreaterThan(700);
  });

  it('reads the YAML between the fences, with ranges from its start', () => {
    const split = splitRecord('---\ntitle: Peru\n---\nBody\n');
    expect(split.kind).toBe('ok');
    if (split.kind !== 'ok') return;
    expect(split.frontMatter.document.toJS()).toEqual({ title: 'Peru' });
    expect(split.frontMatter.document.contents?.range?.[0]).toBe(1); // just after the opening fence's line break
    expect(split.body).toBe('Body\n');
  });
});
