/** The briefing as Markdown: what a website's editor or an e-mail gets, read back by remark. */
import { describe, expect, it } from 'vitest';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { composeBriefing } from '../../src/compose/briefing.js';
import { loadTemplates } from '../../src/compose/templates.js';
import { loadRecordText } from '../../src/load/record.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { validateRecord } from '../../src/validate/record.js';

const RECORD = `---
title: Notes
date: 2020-05-04
hosts: [the Parliamentary Human Rights Group (PHRG)]
speakers:
  - key: AB
    name: Ana Bravo
---

- Forty-seven medics were tried in 2011.[^trial] (AB)
- Two remain in prison.[^2] (AB)

[^trial]: Bahrain Independent Commission of Inquiry, 2011.
[^2]: As of *March* 2024.
`;

function markdownOf(record: string): string {
  const meeting = validateRecord(loadRecordText(record, 'r.md').record!).meeting!;
  return renderMarkdown(composeBriefing(meeting, loadTemplates()).article);
}

describe('the Markdown briefing', () => {
  it('keeps footnotes as Markdown footnotes, by the record’s names, without the web page’s links to its ids and back', () => {
    const markdown = markdownOf(RECORD);
    expect(markdown).not.toMatch(/user-content|↩|#fn/);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    const definitions = tree.children.filter((node) => node.type === 'footnoteDefinition');
    expect(definitions.map((node) => node.identifier)).toEqual(['trial', '2']);
    expect(markdown).toContain('Forty-seven medics were tried in 2011.[^trial] (AB)');
    expect(markdown).toContain('[^trial]: Bahrain Independent Commission of Inquiry, 2011.\n');
    expect(markdown).toContain('[^2]: As of _March_ 2024.\n');
  });

  it('keeps the intro’s footnotes apart from the body’s of the same name', () => {
    const markdown = markdownOf(RECORD.replace('speakers:', 'intro: "An intro.[^2]\\n\\n[^2]: The intro’s note."\nspeakers:'));
    expect(markdown).not.toMatch(/user-content|↩|#fn/);
    expect(markdown).toContain('An intro.[^intro-2]');
    expect(markdown).toContain('[^intro-2]: The intro’s note.\n');
    expect(markdown).toContain('[^2]: As of _March_ 2024.\n');
  });

  it('keeps a tight list tight, points under a point included, and emphasis inside a word in *, as the record has them', () => {
    const record = `---
title: Tight
date: 2020-01-07
hosts: [the Parliamentary Human Rights Group (PHRG)]
---

- The government has failed:
  - to protect defenders;
  - to investigate.
- Land has been returned.

It was 2*3*4 and un*believable*.
`;
    const markdown = markdownOf(record);
    expect(markdown).toContain('- The government has failed:\n  - to protect defenders;\n  - to investigate.\n- Land has been returned.\n');
    expect(markdown).toContain('It was 2*3*4 and un*believable*.');
    // Read back, the list is as tight as the record's: no item holds a paragraph apart.
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    const lists = tree.children.filter((node) => node.type === 'list');
    expect(lists.at(-1)!.spread).toBe(false);
    expect(lists.at(-1)!.children.map((item) => item.spread)).toEqual([false, false]);
  });
});
