/** A briefing's page around its article: its language, its correction date, its people's links. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';

let project: TempProject;
afterEach(() => project?.remove());

const HOSTS = 'hosts: [the Parliamentary Human Rights Group (PHRG)]';

/** The pages of `records` (file name → text), built in this thread without the search index: a page by its slug. */
async function built(records: Record<string, string>): Promise<(slug: string) => string> {
  project = tempProject();
  project.write('phrg-brief.yaml', 'site:\n  search: false\n');
  for (const [name, text] of Object.entries(records)) project.write(`meetings/${name}`, text);
  expect((await buildHere(project.dir, { formats: ['html'] })).ok).toBe(true);
  return (slug) => readFileSync(project.path('dist', `${slug}.html`), 'utf8');
}

describe('a briefing’s page', () => {
  it('is in the site’s language, the template’s sentences too, and what the record says in the record’s', async () => {
    const record = `---\ntitle: Reunión\ndate: 2018-06-12\n${HOSTS}\ntopic: Los defensores\nspeakers:\n  - Perú\nlang: es\n---\n\nUn punto.[^a]\n\n[^a]: Una nota.\n`;
    const html = (await built({ '2018-06-12-reunion.md': record }))('2018-06-12-reunion');
    // The header, the downloads, the pager and the footer are the site's words, in English, and
    // so are the house style's sentences around the record's words ("The speakers were:").
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toMatch(/<article class="briefing" data-slug="2018-06-12-reunion">/);
    expect(html).toContain('<p class="speakers-lead">The speakers were:</p>');
    expect(html).toContain(': <span lang="es">Reunión</span></h1>');
    expect(html).toContain('on “<span lang="es">Los defensores</span>”.');
    expect(html).toMatch(/<div class="body" lang="es">\s*<p>Un punto\.<sup>/);
    // The notes' heading, for screen readers, is phrg-brief's word among the record's: it was read in Spanish.
    expect(html).toContain('<h2 class="sr-only" lang="en-GB" id="footnote-label">Footnotes</h2>');
  });

  it('has its title and points marked in the record’s language wherever the archive shows them: index, tag, people and person pages, feed', async () => {
    const speakers = 'speakers:\n  - key: AP\n    name: Ana Pérez\n';
    const page = await built({
      '2018-06-15-reunion.md': `---\ntitle: Reunión\ndate: 2018-06-15\n${HOSTS}\n${speakers}tags: [Perú]\nlang: es\n---\n\n- Un punto. (AP)\n`,
    });
    expect(page('index')).toContain('<a class="entry-title" href="2018-06-15-reunion.html" lang="es">Reunión</a>');
    expect(page('tags/peru')).toContain('<a class="entry-title" href="../2018-06-15-reunion.html" lang="es">Reunión</a>');
    expect(page('people/index')).toContain('<a href="../2018-06-15-reunion.html" lang="es">Reunión</a>');
    const person = page('people/ana-perez');
    expect(person).toContain('<a href="../2018-06-15-reunion.html" lang="es">Reunión</a></h2>');
    expect(person).toContain('<li><span lang="es">Un punto.</span></li>');
    expect(readFileSync(project.path('dist', 'feed.xml'), 'utf8')).toContain('<title xml:lang="es">15/6/18: Reunión</title>');
  });

  it('takes the site’s language for a record that gives none, where it was marked en-GB on a French site', async () => {
    project = tempProject();
    project.write('phrg-brief.yaml', 'site:\n  search: false\n  lang: fr\n');
    project.write('meetings/2018-06-17-reunion.md', `---\ntitle: Réunion\ndate: 2018-06-17\n${HOSTS}\n---\n\nUn point.\n`);
    expect((await buildHere(project.dir, { formats: ['html', 'json'] })).ok).toBe(true);
    expect(readFileSync(project.path('dist', 'index.html'), 'utf8')).toContain('<a class="entry-title" href="2018-06-17-reunion.html" lang="fr">');
    expect(readFileSync(project.path('dist', '2018-06-17-reunion.html'), 'utf8')).toContain('<div class="body" lang="fr">');
    expect(JSON.parse(readFileSync(project.path('dist', '2018-06-17-reunion.json'), 'utf8')).lang).toBe('fr');
  });

  it('says on a person’s page that no point is theirs where they spoke, not where they chaired', async () => {
    const page = await built({
      '2018-06-18-chaired.md': `---\ntitle: Chaired\ndate: 2018-06-18\n${HOSTS}\nchair:\n  key: AB\n  name: Ana Bravo\nspeakers:\n  - key: CD\n    name: Carlos Díaz\n---\n\n- A point. (AB)\n`,
      '2018-06-19-silent.md': `---\ntitle: Silent\ndate: 2018-06-19\n${HOSTS}\nchair:\n  key: AB\n  name: Ana Bravo\nspeakers:\n  - key: CD\n    name: Carlos Díaz\n---\n\nThe meeting heard evidence.\n`,
    });
    // A chair of hundreds of meetings had the sentence under each.
    const sections = (slug: string) => page(slug).split('<section class="person-meeting"').slice(1);
    expect(sections('people/ana-bravo').map((section) => section.includes('class="no-points"'))).toEqual([false, false]);
    expect(sections('people/carlos-diaz').map((section) => section.includes('No points are attributed to them in this briefing.'))).toEqual([true, true]);
  });

  it('gives the previous and next briefings’ titles their own language', async () => {
    const page = await built({
      '2018-06-15-reunion.md': `---\ntitle: Reunión\ndate: 2018-06-15\n${HOSTS}\nlang: es\n---\n\nUn punto.\n`,
      '2018-06-16-meeting.md': `---\ntitle: A Meeting\ndate: 2018-06-16\n${HOSTS}\n---\n\nA point.\n`,
    });
    expect(page('2018-06-16-meeting')).toContain('<span>Previous briefing</span> <bdi lang="es">Reunión</bdi>');
    expect(page('2018-06-15-reunion')).toContain('<span>Next briefing</span> <bdi lang="en-GB">A Meeting</bdi>');
  });

  it('says when the briefing was corrected, from the record’s own updated:', async () => {
    const record = (date: string, updated: string) => `---\ntitle: Corrected\ndate: ${date}\n${updated}${HOSTS}\n---\n\nA point.\n`;
    const page = await built({
      '2018-06-13-corrected.md': record('2018-06-13', 'updated: 2019-02-14\n'),
      '2018-06-14-as-held.md': record('2018-06-14', ''),
    });
    expect(page('2018-06-13-corrected')).toContain('<p class="updated">Updated <time datetime="2019-02-14">14 February 2019</time>.</p>');
    expect(page('2018-06-14-as-held')).not.toContain('class="updated"');
  });

  it('links two speakers whose names make one page name each to a page of their own', async () => {
    const speakers = 'speakers:\n  - key: AL\n    name: Anna-Maria Lee\n    role: Researcher\n  - key: AM\n    name: Anna Maria Lee\n    role: Lawyer\n';
    const page = await built({ '2021-03-04-two.md': `---\ntitle: Two\ndate: 2021-03-04\n${HOSTS}\n${speakers}---\n\n- A point. (AL)\n- Another. (AM)\n` });
    const links = [...page('2021-03-04-two').matchAll(/<a href="(people\/[^"]+)">([^<]+)<\/a>/g)]
      .map((m) => [m[2], m[1]!])
      .filter(([, href]) => href !== 'people/index.html');
    expect(links.map(([name]) => name)).toEqual(['Anna-Maria Lee', 'Anna Maria Lee']);
    for (const [name, href] of links) expect(readFileSync(project.path('dist', href!), 'utf8')).toContain(`<h1>${name}</h1>`);
    expect(new Set(links.map(([, href]) => href)).size).toBe(2);
  });

  it('links tags written two ways to their one page once, on the page and in the index', async () => {
    const page = await built({
      '2021-03-05-tags.md': `---\ntitle: Tags\ndate: 2021-03-05\n${HOSTS}\ntags: [death penalty, Death-penalty, Iran]\n---\n\nA point.\n`,
    });
    const tagLinks = (html: string) => [...html.matchAll(/<a href="(?:\.\.\/)?(tags\/[^"]+)"[^>]*>/g)].map((m) => m[1]);
    expect(tagLinks(page('2021-03-05-tags'))).toEqual(['tags/death-penalty.html', 'tags/iran.html']);
    expect(tagLinks(page('index'))).toEqual(['tags/death-penalty.html', 'tags/iran.html']);
  });

  it('is where a person’s page takes their points from, with the points’ links and emphasis, not their footnote marks', async () => {
    const record = `---\ntitle: Links\ndate: 2021-03-06\n${HOSTS}\nspeakers:\n  - key: AB\n    name: Ana Bravo\n---\n\n- See _the_ [report](https://example.org/report).[^n] (AB)\n\n[^n]: A note.\n`;
    await built({ '2021-03-06-links.md': record });
    const person = readFileSync(project.path('dist', 'people', 'ana-bravo.html'), 'utf8');
    expect(person).toContain('<li><span lang="en-GB">See <em>the</em> <a href="https://example.org/report">report</a>.</span></li>');
  });

  it('gives a person’s point the words of the item it is nested under, that item’s attribution left off', async () => {
    const speakers = 'speakers:\n  - key: AB\n    name: Ana Bravo\n  - key: CD\n    name: Carl Dunn\n';
    const body =
      '- The government has _failed_:\n  - to protect defenders. (AB)\n- Mining causes conflict. (CD)\n  - In Cajamarca above all. (AB)\n- A point of its own. (AB)\n';
    await built({ '2021-03-07-nested.md': `---\ntitle: Nested\ndate: 2021-03-07\n${HOSTS}\n${speakers}---\n\n${body}` });
    const person = readFileSync(project.path('dist', 'people', 'ana-bravo.html'), 'utf8');
    expect([...person.matchAll(/<ul class="person-points">\n([\s\S]*?)<\/ul>/g)][0]![1]!.trim().split('\n')).toEqual([
      '<li><span class="point-lead" lang="en-GB">The government has <em>failed</em>:</span> <span lang="en-GB">to protect defenders.</span></li>',
      '<li><span class="point-lead" lang="en-GB">Mining causes conflict.</span> <span lang="en-GB">In Cajamarca above all.</span></li>',
      '<li><span lang="en-GB">A point of its own.</span></li>',
    ]);
    const archive = JSON.parse(readFileSync(project.path('dist', 'briefings.json'), 'utf8')) as {
      briefings: { points: { text: string; lead?: { text: string } }[] }[];
    };
    expect(archive.briefings[0]!.points.map((point) => point.lead?.text)).toEqual([
      'The government has failed:',
      undefined,
      'Mining causes conflict.',
      undefined,
    ]);
  });
});
