/** A briefing's page around its article: whose language is whose. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';

let project: TempProject;
afterEach(() => project?.remove());

describe('a briefing’s page', () => {
  it('is in the site’s language, its article in the record’s', async () => {
    project = tempProject();
    project.write('phrg-brief.yaml', 'site:\n  search: false\n');
    project.write(
      'meetings/2018-06-12-reunion.md',
      '---\ntitle: Reunión\ndate: 2018-06-12\nhosts: [the Parliamentary Human Rights Group (PHRG)]\nlang: es\n---\n\nUn punto.\n',
    );
    expect((await buildHere(project.dir, { formats: ['html'] })).ok).toBe(true);
    const page = readFileSync(project.path('dist', '2018-06-12-reunion.html'), 'utf8');
    // The header, the downloads, the pager and the footer are the site's words, in English.
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(page).toMatch(/<article class="briefing" [^>]*lang="es">/);
  });

  it('says when the briefing was corrected, from the record’s own updated:', async () => {
    project = tempProject();
    project.write('phrg-brief.yaml', 'site:\n  search: false\n');
    const record = (updated: string) =>
      `---\ntitle: Corrected\ndate: 2018-06-13\n${updated}hosts: [the Parliamentary Human Rights Group (PHRG)]\n---\n\nA point.\n`;
    project.write('meetings/2018-06-13-corrected.md', record('updated: 2019-02-14\n'));
    project.write('meetings/2018-06-14-as-held.md', record('').replace('2018-06-13', '2018-06-14'));
    expect((await buildHere(project.dir, { formats: ['html'] })).ok).toBe(true);
    expect(readFileSync(project.path('dist', '2018-06-13-corrected.html'), 'utf8')).toContain(
      '<p class="updated">Updated <time datetime="2019-02-14">14 February 2019</time>.</p>',
    );
    expect(readFileSync(project.path('dist', '2018-06-14-as-held.html'), 'utf8')).not.toContain('class="updated"');
  });

  it('links two speakers whose names make one page name each to a page of their own', async () => {
    project = tempProject();
    project.write('phrg-brief.yaml', 'site:\n  search: false\n');
    project.write(
      'meetings/2021-03-04-two.md',
      '---\ntitle: Two\ndate: 2021-03-04\nhosts: [the Parliamentary Human Rights Group (PHRG)]\nspeakers:\n  - key: AL\n    name: Anna-Maria Lee\n    role: Researcher\n  - key: AM\n    name: Anna Maria Lee\n    role: Lawyer\n---\n\n- A point. (AL)\n- Another. (AM)\n',
    );
    expect((await buildHere(project.dir, { formats: ['html'] })).ok).toBe(true);
    const page = readFileSync(project.path('dist', '2021-03-04-two.html'), 'utf8');
    const links = [...page.matchAll(/<a href="(people\/[^"]+)">([^<]+)<\/a>/g)].map((m) => [m[2], m[1]!]).filter(([, href]) => href !== 'people/index.html');
    expect(links.map(([name]) => name)).toEqual(['Anna-Maria Lee', 'Anna Maria Lee']);
    for (const [name, href] of links) expect(readFileSync(project.path('dist', href!), 'utf8')).toContain(`<h1>${name}</h1>`);
    expect(new Set(links.map(([, href]) => href)).size).toBe(2);
  });
});
