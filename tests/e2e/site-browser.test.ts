/**
 * The published archive in Chromium, as a reader meets it: full-text search (Pagefind) from
 * `phrg-brief preview`, accents folded both ways in search and filter, the filter's state in
 * the address; then axe on every kind of page at a phone's and a desktop's width, and the Nu
 * HTML Checker on the same pages. The archive (tests/helpers/archive.ts) and the browser are
 * built and launched once per worker and shared with the other files that only read them.
 */
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveNuMessages, ARCHIVE_SIZE, pagesOfEachKind, siteArchive, SANTO_TOMAS, startArchiveNuCheck } from '../helpers/archive.js';
import { sharedChromium } from '../helpers/browser.js';
import { startPreview, tempProject, type TempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';
import { serveFolder } from '../helpers/static-server.js';
import { CHROMIUM, JAVA, haveTools } from '../helpers/tools.js';

const require = createRequire(import.meta.url);

let project: TempProject;

/** In the page: whether the full-text search for `query` has ended, its status said. */
const searchDone = (query: string): boolean =>
  document.querySelector('.search-list')?.getAttribute('aria-busy') === 'false' &&
  Boolean(document.querySelector('.search-status')?.textContent?.includes(query));

beforeAll(async () => {
  project = await siteArchive();
  startArchiveNuCheck(); // awaited in the last test
}, 120_000);

describe.runIf(haveTools(CHROMIUM))('search and filter, from phrg-brief preview', () => {
  let server: ChildProcess;
  let url = '';
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, url } = await startPreview(project.dir));
    browser = await sharedChromium();
    page = await browser.newPage();
  }, 180_000);
  afterAll(async () => {
    await page?.close();
    server?.kill();
  });

  // Pagefind loads its index and WebAssembly on the first search: on a loaded machine (other
  // test runs beside this one) that has taken over 20 s, so each wait allows a minute.
  // Queries are typed one after another into the one open index, as a reader would: Pagefind
  // loads its index and WebAssembly once, not once per query.
  const results = async (query: string): Promise<{ title: string; href: string; date: string }[]> => {
    if (!page.url().startsWith(`${url}index.html`)) await page.goto(`${url}index.html`);
    // The status of an earlier search for the same words must not pass for this one's.
    await page.$eval('.search-status', (status) => (status.textContent = ''));
    await page.fill('#filter-text', query);
    await page.waitForFunction(searchDone, query, { timeout: 60_000 });
    return page.$$eval('.search-list li', (items) =>
      items.map((item) => ({
        title: item.querySelector('a')!.textContent!,
        href: item.querySelector('a')!.getAttribute('href')!,
        date: item.querySelector('.entry-meta')!.textContent!,
      })),
    );
  };

  it('finds the one briefing whose attributed point has a word, with its date and title', async () => {
    const found = await results('cadastre');
    expect(found).toEqual([
      { title: '14/5/19: Peru – Mining and Communities in Santo Tomás, Chumbivilcas', href: `${url}${SANTO_TOMAS}.html`, date: 'Tuesday 14 May 2019' },
    ]);
    // The word is in a point, not in the title, summary, people or tags the filter looks at.
    expect(await page.textContent('.filter-count')).toBe(`0 of ${ARCHIVE_SIZE} briefings shown`);
  }, 120_000);

  it('finds nothing for a word in no briefing, where Pagefind matches a beginning of it ("peru" of "peruvianisation")', async () => {
    for (const query of ['peruvianisation', 'santorini']) {
      expect(await results(query), query).toEqual([]);
      expect(await page.textContent('.search-status')).toBe(`No briefing’s text matches “${query}”.`);
    }
    // A stem still finds its other forms ("dropped" for "dropping"); words far apart in one briefing find it, and a word joined by hyphens.
    for (const query of ['cadastres', 'dropping', 'representations', 'cadastre protestors', 'up-to-date'])
      expect(
        (await results(query)).map((result) => result.href),
        query,
      ).toContain(`${url}${SANTO_TOMAS}.html`);
  }, 120_000);

  it('finds Tomás for "tomas", in the search and in the filter, and tomas for "TOMÁS"', async () => {
    for (const query of ['tomas', 'TOMÁS']) {
      const found = await results(query);
      expect(
        found.map((result) => result.href),
        query,
      ).toContain(`${url}${SANTO_TOMAS}.html`);
      const shown = await page.$$eval('.year .entry:not([hidden]) .entry-title', (links) => links.map((link) => link.getAttribute('href')));
      expect(shown, query).toEqual([`${SANTO_TOMAS}.html`]);
    }
    const found = await results('Pérez');
    const folded = await results('perez');
    expect(found.length).toBeGreaterThan(0);
    expect(folded.map((r) => r.href).sort()).toEqual(found.map((r) => r.href).sort());
  }, 240_000);

  it('shows twenty matches, and the next twenty when asked, the keyboard going on from the first added', async () => {
    expect(await results('rights')).toHaveLength(20);
    const n = Number(/^(\d+)/.exec((await page.textContent('.search-status'))!)?.[1]);
    expect(n).toBeGreaterThan(20);
    expect(await page.textContent('.search-status')).toMatch(/\(20 shown\)\.$/);
    expect(await page.textContent('.search-more')).toBe(`Show the next ${Math.min(20, n - 20)}`);
    await page.click('.search-more');
    expect(await page.$$eval('.search-list li', (items) => items.length)).toBe(Math.min(40, n));
    expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('.search-list li a')[20])).toBe(true);
    expect(await page.isVisible('.search-more')).toBe(n > 40);
  }, 120_000);

  it('narrows the full text to the chosen tag, as it does the list', async () => {
    await page.goto(`${url}index.html`);
    await page.selectOption('#filter-tag', 'santo-tomas');
    expect((await results('cadastre')).map((result) => result.href)).toEqual([`${url}${SANTO_TOMAS}.html`]);
    await page.selectOption('#filter-tag', 'human-rights-defenders');
    expect(await results('cadastre')).toEqual([]);
    expect(await page.textContent('.search-status')).toBe('No briefing’s text matches “cadastre”.');
    await page.selectOption('#filter-tag', '');
  }, 120_000);

  it('searches from any page’s header, and keeps the filter’s state in the address', async () => {
    await page.goto(`${url}tags/peru.html`);
    await page.fill('#site-search-q', 'cadastre');
    await page.click('.site-search button');
    await page.waitForSelector('.search-list li', { timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('q')).toBe('cadastre');
    expect(await page.$$eval('.search-list li a', (links) => links.map((link) => link.textContent))).toHaveLength(1);

    await page.fill('#filter-text', '');
    await page.selectOption('#filter-tag', 'peru');
    expect(new URL(page.url()).searchParams.get('tag')).toBe('peru');
    expect(new URL(page.url()).searchParams.has('q')).toBe(false);
    const before = await page.textContent('.filter-count');
    await page.reload();
    expect(await page.inputValue('#filter-tag')).toBe('peru');
    expect(await page.textContent('.filter-count')).toBe(before);
  }, 120_000);
});

describe.runIf(haveTools(CHROMIUM))('search on the published site, served under a sub-path as GitHub Pages serves a project', () => {
  it('links each result to its page there', async () => {
    const site = await serveFolder(project.path('dist'), '/briefings/');
    const page = await (await sharedChromium()).newPage();
    try {
      await page.goto(`${site.url}index.html?q=cadastre`);
      await page.waitForSelector('.search-list li a', { timeout: 60_000 });
      const hrefs = await page.$$eval('.search-list li a', (links) => links.map((link) => (link as HTMLAnchorElement).href));
      expect(hrefs).toEqual([`${site.url}${SANTO_TOMAS}.html`]);
      expect((await page.goto(hrefs[0]!))?.status()).toBe(200);
    } finally {
      await page.close();
      await site.close();
    }
  }, 120_000);
});

describe.runIf(haveTools(CHROMIUM))('search on a slow line', () => {
  it('says at once what it searches for, shows the first twenty matches before it has read the rest, and says when it cannot', async () => {
    const site = await serveFolder(project.path('dist'));
    const page = await (await sharedChromium()).newPage();
    // Each result's text is a request of its own: past the first twenty, they are held back, as a slow line would.
    const held: (() => void)[] = [];
    let fragments = 0;
    let holding = true;
    await page.route('**/pagefind/fragment/**', async (route) => {
      if (holding && ++fragments > 20) await new Promise<void>((release) => held.push(release));
      await route.continue();
    });
    try {
      await page.goto(`${site.url}index.html`);
      await page.fill('#filter-text', 'rights');
      expect(await page.textContent('.search-status')).toBe('Searching the briefings’ full text for “rights”…');
      expect(await page.isVisible('.search-results')).toBe(true);
      await page.waitForFunction(() => document.querySelectorAll('.search-list li').length === 20, undefined, { timeout: 60_000 });
      expect(await page.getAttribute('.search-list', 'aria-busy')).toBe('true');
      expect(await page.textContent('.search-status')).toBe('20 or more briefings’ texts match “rights” (20 shown).');
      expect(held.length).toBeGreaterThan(0);
      holding = false;
      while (held.length > 0) held.shift()!();
      await page.waitForFunction(searchDone, 'rights', { timeout: 60_000 });
      expect(await page.textContent('.search-status')).toMatch(/^\d+ briefings’ texts match “rights” \(20 shown\)\.$/);
      expect(await page.$$eval('.search-list li', (items) => items.length)).toBe(20);
    } finally {
      await page.close();
    }
    // A line that drops every result's request: the page says so, and is searching no longer.
    const dropped = await (await sharedChromium()).newPage();
    try {
      await dropped.route('**/pagefind/fragment/**', (route) => route.abort());
      await dropped.goto(`${site.url}index.html`);
      await dropped.fill('#filter-text', 'rights');
      await dropped.waitForFunction(() => document.querySelector('.search-list')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 60_000 });
      expect(await dropped.textContent('.search-status')).toBe(
        'The briefings’ full text could not be searched for “rights” just now: change the words to try again.',
      );
    } finally {
      await dropped.close();
      await site.close();
    }
  }, 120_000);
});

describe.runIf(haveTools(CHROMIUM))('search results', () => {
  it('are in the briefing’s own language, as its title in the list is', async () => {
    const own = tempProject({ withExample: true });
    own.write(
      'meetings/2021-06-01-abidjan.md',
      '---\ntitle: Côte d’Ivoire – les défenseurs\ndate: 2021-06-01\nlang: fr\nhosts: [the PHRG (PHRG)]\nspeakers:\n  - key: AK\n    name: Aya Kouassi\n---\n\n- Les défenseurs sont surveillés à Abidjan. (AK)\n',
    );
    expect((await buildHere(own.dir, { formats: ['html'] })).ok).toBe(true);
    const site = await serveFolder(own.path('dist'));
    const page = await (await sharedChromium()).newPage();
    try {
      await page.goto(`${site.url}index.html?q=surveillés`);
      await page.waitForSelector('.search-list li a', { timeout: 60_000 });
      const found = await page.$$eval('.search-list li', (items) => items.map((item) => [item.querySelector('a')!.lang, item.querySelector('p')!.lang]));
      expect(found).toEqual([['fr', 'fr']]);
      expect(await page.getAttribute('.entry-title[href="2021-06-01-abidjan.html"]', 'lang')).toBe('fr');
    } finally {
      await page.close();
      await site.close();
      own.remove();
    }
  }, 120_000);
});

describe.runIf(haveTools(CHROMIUM))('search typed fast', () => {
  it('shows the results of the last word typed, however fast, while the index still loads', async () => {
    // Each try on a page just loaded, Pagefind not yet: the keys come before its index is in.
    // (Before, one try in three or four showed nothing: the searches finished out of order, and the last was dropped.)
    const site = await serveFolder(project.path('dist'));
    const browser = await sharedChromium();
    for (let attempt = 0; attempt < 6; attempt++) {
      const context = await browser.newContext();
      try {
        const fresh = await context.newPage();
        await fresh.goto(`${site.url}index.html`, { waitUntil: 'networkidle' });
        // A word whose first letters match many briefings: their searches take longest.
        await fresh.type('#filter-text', 'mining', { delay: 0 });
        await fresh.waitForFunction(searchDone, 'mining', { timeout: 60_000 });
        // The wait is the check: before, the status never came (the last search was dropped), and the wait timed out.
      } finally {
        await context.close();
      }
    }
    await site.close();
  }, 240_000);
});

/** axe-core's violations on the open page (axe injected already), named by rule and selector. */
function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    // axe is injected by the caller and has no types in the page.
    const axe = (
      window as unknown as {
        axe: {
          configure(spec: object): void;
          run(options: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    // Every rule runs; only the violations are gathered with their nodes (axe's resultTypes),
    // named by selector: no HTML snippet of each node checked, which is a tenth of the time.
    axe.configure({ noHtml: true });
    return (await axe.run({ resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

describe.runIf(haveTools(CHROMIUM))('every kind of page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await sharedChromium()), 60_000);

  it('has no axe-core violations at 390 and 1200 pixels wide', async () => {
    const found: string[] = [];
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    for (const name of pagesOfEachKind(project)) {
      // Each page is loaded and given axe once, then checked at both widths: resizing re-applies
      // the media queries as a reader's turned phone or widened window does.
      await page.setViewportSize({ width: 390, height: 900 });
      await page.goto(pathToFileURL(project.path('dist', name)).href);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      for (const width of [390, 1200]) {
        await page.setViewportSize({ width, height: 900 });
        const violations = await axeViolations(page);
        found.push(...violations.map((violation) => `${name} at ${width}px: ${violation}`));
      }
    }
    await page.close();
    expect(found).toEqual([]);
  }, 120_000);

  it('shows the page’s header, footer and the briefing’s surroundings without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(project.path('dist', `${SANTO_TOMAS}.html`)).href);
    expect(await page.textContent('.site-title')).toBe('All-Party Parliamentary Human Rights Group');
    expect(await page.isVisible('.site-footer a[href="feed.xml"]')).toBe(true);
    // The search runs in the browser: without it, its box would lead to an unfiltered list.
    expect(await page.isVisible('.site-search')).toBe(false);
    expect(await page.textContent('.briefing-date')).toBe('Tuesday 14 May 2019 · Roundtable');
    expect(await page.$$eval('.downloads a', (links) => links.map((link) => link.textContent))).toEqual([
      expect.stringMatching(/^Markdown \(\d+ (KB|bytes)\)$/),
      expect.stringMatching(/^JSON \(\d+ (KB|bytes)\)$/),
    ]);
    expect(await page.$$eval('.briefing-facts .tags a', (links) => links.map((link) => link.getAttribute('href')))).toEqual([
      'tags/peru.html',
      'tags/santo-tomas.html',
    ]);
    // The index says why a search in its address (a shared link) filters nothing.
    await page.goto(`${pathToFileURL(project.path('dist', 'index.html')).href}?q=cadastre`);
    expect(await page.isVisible('.filter')).toBe(false);
    const said = await page.$eval('.site-index noscript p', (p) => ({ text: p.textContent, shown: (p as HTMLElement).offsetHeight > 0 }));
    expect(said).toEqual({ text: expect.stringContaining('Searching the briefings needs JavaScript'), shown: true });
    await context.close();
  });
});

describe.runIf(haveTools(CHROMIUM))('a briefing with a wide table, links and a footnote', () => {
  const RECORD = `---
title: Executions in the Gulf
date: 2024-12-31
hosts: [the Parliamentary Human Rights Group (PHRG)]
speakers:
  - key: MF
    name: Maya Foa
---

- Figures were given by country.[^count] (MF)

| Country | Executions in 2023 | Executions in 2024 | Of them for drug offences | Notes on the method of counting | Source |
| --- | ---: | ---: | :-: | --- | --- |
| Saudi Arabia | 172 | 345 | 122 | Counted from the official press agency's announcements | https://www.example.org/reports/saudi-arabia/2024/SA-2024-00412-RIYADH-EXECUTIONS.pdf |

Write to [the group](mailto:office@example.org) or <mailto:press@example.org>, or read <https://example.org/report>.

[^count]: As counted by the group.
`;

  it('scrolls the table in its own box on a phone, aligns its columns, and prints addresses once and the table whole', async () => {
    const project = tempProject();
    project.write('phrg-brief.yaml', 'site:\n  search: false\n');
    project.write('meetings/2024-12-31-executions.md', RECORD);
    expect((await buildHere(project.dir, { formats: ['html'] })).ok).toBe(true);
    const page = await (await sharedChromium()).newPage({ viewport: { width: 390, height: 900 } });
    try {
      await page.goto(pathToFileURL(project.path('dist', '2024-12-31-executions.html')).href);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const box = await page.$eval('.table-scroll', (element) => ({
        scrolls: element.scrollWidth > element.clientWidth,
        label: element.getAttribute('aria-label'),
      }));
      expect(box).toEqual({ scrolls: true, label: 'Table 1: Country, Executions in 2023, Executions in 2024, Of them for drug offences, …' });
      expect(await page.$$eval('tbody tr > *', (cells) => cells.map((cell) => getComputedStyle(cell).textAlign))).toEqual([
        'left',
        'right',
        'right',
        'center',
        'left',
        'left',
      ]);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      expect(await axeViolations(page)).toEqual([]);

      await page.emulateMedia({ media: 'print' });
      const after = (selector: string) => page.$eval(selector, (element) => getComputedStyle(element, '::after').content);
      expect(await after('a[href^="mailto:"]')).toBe('" (office@example.org)"');
      expect(await after('a[href="https://example.org/report"]')).toBe('none');
      expect(await after('a[href="mailto:press@example.org"]')).toBe('none');
      expect(await page.isVisible('a[data-footnote-backref]')).toBe(false);
      // On an A4 page's width of text, the table's long address breaks: nothing runs past the paper's edge.
      await page.setViewportSize({ width: 658, height: 900 });
      expect(await page.$eval('.table-scroll', (element) => element.scrollWidth - element.clientWidth)).toBe(0);
      // The notes' heading is for screen readers: named, not shown.
      expect(await page.$eval('#footnote-label', (heading) => [heading.textContent, heading.getBoundingClientRect().width <= 1])).toEqual(['Footnotes', true]);
    } finally {
      await page.close();
      project.remove();
    }
  }, 60_000);
});

describe.runIf(haveTools(CHROMIUM))('a briefing in a language written right to left', () => {
  it('runs its words right to left, its list’s markers at the right, among the template’s English', async () => {
    const project = tempProject();
    project.write('phrg-brief.yaml', 'site:\n  search: false\n');
    project.write(
      'meetings/2024-11-05-yemen.md',
      '---\ntitle: اليمن\ndate: 2024-11-05\nlang: ar\nhosts: [the Parliamentary Human Rights Group (PHRG)]\nspeakers:\n  - key: AH\n    name: أحمد حسن\n---\n\n- يجب على المملكة المتحدة وقف بيع الأسلحة. (AH)\n',
    );
    expect((await buildHere(project.dir, { formats: ['html'] })).ok).toBe(true);
    const page = await (await sharedChromium()).newPage();
    try {
      await page.goto(pathToFileURL(project.path('dist', '2024-11-05-yemen.html')).href);
      const direction = (selector: string) => page.$eval(selector, (element) => getComputedStyle(element).direction);
      expect(await direction('.body')).toBe('rtl');
      expect(await direction('h1 span[lang="ar"]')).toBe('rtl');
      expect(await direction('.intro')).toBe('ltr'); // the template's sentence, in the site's English
      // Its list runs so too: the points' markers stand at their right, as Arabic is read.
      expect(await direction('.body ul')).toBe('rtl');
    } finally {
      await page.close();
      project.remove();
    }
  }, 60_000);
});

describe.runIf(haveTools(JAVA))('every kind of page in the Nu HTML Checker', () => {
  it('has no errors', async () => {
    const messages = await archiveNuMessages();
    expect(messages.filter((m) => m.type === 'error').map((m) => `${m.url.split('/').slice(-2).join('/')}: ${m.message}`)).toEqual([]);
  }, 120_000);
});
