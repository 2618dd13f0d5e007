/** Raw HTML and unsafe links never reach a briefing: refused by the rules, dropped if allowed. */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempProject, type TempProject } from '../helpers/cli.js';

const HOSTILE = `---
title: Hostile body
date: 2020-01-15
hosts: [the PHRG]
---

<script>alert("record")</script>

A point with <img src=x onerror="alert(1)"> inline HTML.

- [click](javascript:alert(2)) and [data](data:text/html;base64,PHNjcmlwdD4=) and [file](file:///etc/passwd).
- ![pixel](javascript:alert(3)) and <a href="https://example.org" onclick="x()">a link</a>.

<iframe src="https://example.org"></iframe>
`;

let project: TempProject;
afterEach(() => project?.remove());

describe('a body with raw HTML and unsafe links', () => {
  it('is refused: exit 1, each problem located, no briefing written', async () => {
    project = tempProject();
    project.write('meetings/2020-01-15-hostile.md', HOSTILE);
    const result = await runCli(['check', '--reporter', 'json'], project.dir);
    expect(result.code).toBe(1);
    const found = (JSON.parse(result.stdout) as { rule: string; line: number }[]).map((d) => `${d.rule}@${d.line}`);
    expect(found).toEqual(expect.arrayContaining(['raw-html@7', 'raw-html@9', 'unsafe-link@11', 'raw-html@12', 'unsafe-link@12', 'raw-html@14']));
    expect(found.filter((f) => f === 'unsafe-link@11')).toHaveLength(3);
    const build = await runCli(['build'], project.dir);
    expect(build.code).toBe(1);
    expect(existsSync(project.path('dist', '2020-01-15-hostile.html'))).toBe(false);
  });

  it('never reaches the page even with both rules turned off', async () => {
    project = tempProject();
    project.write('meetings/2020-01-15-hostile.md', HOSTILE);
    project.write('phrg-brief.yaml', 'rules:\n  raw-html: off\n  unsafe-link: off\n');
    // The page is what is read here: the other formats would only cost time.
    const result = await runCli(['build', '--format', 'html'], project.dir);
    expect(result.code, result.stdout).toBe(0);
    const html = readFileSync(project.path('dist', '2020-01-15-hostile.html'), 'utf8');
    const article = html.slice(html.indexOf('<article'));
    expect(article).not.toMatch(/<script|<iframe|onerror|onclick|javascript:|data:text|file:/i);
    expect(article).toContain('A point with  inline HTML.');
  });
});
