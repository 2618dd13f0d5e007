/** The archive's front page in Chromium: the tag and text filters work, and without JavaScript it is a plain list. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_SIZE, siteArchive } from '../helpers/archive.js';
import { sharedChromium } from '../helpers/browser.js';
import { tempProject, type TempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';
import { CHROMIUM, haveTools } from '../helpers/tools.js';

describe.runIf(haveTools(CHROMIUM))('the index page', () => {
  let project: TempProject;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The archive the site tests share: the bundled Peru record among 31 (tests/helpers/archive.ts).
    project = await siteArchive();
    browser = await sharedChromium();
    page = await browser.newPage();
    await page.goto(pathToFileURL(project.path('dist', 'index.html')).href);
  }, 120_000);
  afterAll(async () => page?.close());

  const visible = () =>
    page.$$eval('.year .entry', (entries) =>
      entries.filter((entry) => !(entry as HTMLElement).hidden).map((entry) => entry.querySelector('.entry-title')!.textContent!),
    );

  it('shows every briefing and the filter once its script runs', async () => {
    expect(await visible()).toHaveLength(ARCHIVE_SIZE);
    expect(await page.isVisible('form.filter')).toBe(true);
    expect(await page.textContent('.filter-count')).toBe(`${ARCHIVE_SIZE} of ${ARCHIVE_SIZE} briefings shown`);
  });

  it('filters by tag', async () => {
    await page.selectOption('#filter-tag', 'peru');
    const titles = await visible();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(ARCHIVE_SIZE);
    expect(titles.every((title) => title.startsWith('Peru'))).toBe(true);
    await page.selectOption('#filter-tag', '');
    expect(await visible()).toHaveLength(ARCHIVE_SIZE);
    // From a link written by hand, in another case.
    const linked = await browser.newPage();
    try {
      await linked.goto(`${pathToFileURL(project.path('dist', 'index.html')).href}?tag=PERU`);
      expect(await linked.inputValue('#filter-tag')).toBe('peru');
      expect(await linked.textContent('.filter-count')).toBe(`${titles.length} of ${ARCHIVE_SIZE} briefings shown`);
    } finally {
      await linked.close();
    }
  });

  it('filters by text, across names and summaries, hiding empty years', async () => {
    await page.fill('#filter-text', 'Crabtree extractive');
    expect(await visible()).toEqual([
      'Peru – The Negative Impacts of the Activities of the Extractive Industries and Threats to Human Rights Defenders (HRDs)',
    ]);
    expect(await page.$$eval('.year', (years) => years.filter((year) => !(year as HTMLElement).hidden).length)).toBe(1);
    // A word matches where a word begins as it does, as typed ("crab"), not inside one ("rabtree", "xtractive").
    await page.fill('#filter-text', 'crabtree');
    const crabtree = await visible();
    expect(crabtree.length).toBeGreaterThan(0);
    await page.fill('#filter-text', 'crab');
    expect(await visible()).toEqual(crabtree);
    for (const inside of ['rabtree', 'xtractive']) {
      await page.fill('#filter-text', inside);
      expect(await visible(), inside).toEqual([]);
    }
    await page.fill('#filter-text', 'no such words anywhere');
    expect(await visible()).toEqual([]);
    expect(await page.textContent('.filter-count')).toBe(`0 of ${ARCHIVE_SIZE} briefings shown`);
    await page.fill('#filter-text', '');
  });

  it('tries the search index once when it cannot be loaded (opened from disk), not at every key pressed, and says why it finds nothing', async () => {
    const fresh = await browser.newPage();
    const tries: string[] = [];
    fresh.on('request', (request) => void (request.url().includes('pagefind/pagefind.js') && tries.push(request.url())));
    try {
      await fresh.goto(pathToFileURL(project.path('dist', 'index.html')).href);
      for (const typed of ['c', 'cr', 'cra', 'crab']) {
        await fresh.fill('#filter-text', typed);
        await fresh.waitForTimeout(50);
      }
      expect(tries.length).toBeLessThanOrEqual(1);
      // Said, not silent: the list is filtered, the full text is not searched.
      await fresh.waitForFunction(() => document.querySelector('.search-status')?.textContent?.includes('cannot be searched here'), undefined, {
        timeout: 60_000,
      });
      expect(await fresh.isVisible('.search-results')).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('prints the list alone, without the filter, saying which briefings it is when filtered', async () => {
    const printed = async (): Promise<string | null> => {
      await page.emulateMedia({ media: 'print' });
      try {
        expect(await page.isVisible('form.filter')).toBe(false);
        expect(await page.isVisible('.year:not([hidden]) .entry:not([hidden]) .entry-title')).toBe(true);
        return (await page.isVisible('.filter-printed')) ? await page.textContent('.filter-printed') : null;
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    };
    expect(await printed()).toBeNull(); // every briefing: nothing to say
    await page.fill('#filter-text', 'Crabtree');
    await page.selectOption('#filter-tag', 'peru');
    try {
      expect(await printed()).toMatch(/^Briefings matching “Crabtree” and tagged Peru: \d+ of \d+ briefings shown\.$/);
      expect(await page.isVisible('.filter-printed')).toBe(false); // on screen the form says it
    } finally {
      await page.fill('#filter-text', '');
      await page.selectOption('#filter-tag', '');
    }
  });

  it('links each year from the top, leaving out those the filter empties', async () => {
    // A year was found only by scrolling a list of thousands, without JavaScript too.
    const headings = await page.$$eval('.year h2', (h2s) => h2s.map((h2) => h2.textContent!));
    expect(headings.length).toBeGreaterThan(1);
    const links = () => page.$$eval('.years li:not([hidden]) a', (anchors) => anchors.map((a) => [a.textContent!, a.getAttribute('href')!]));
    expect(await links()).toEqual(headings.map((year) => [year, `#year-${year}`]));
    const last = headings.at(-1)!;
    await page.click(`.years a:has-text("${last}")`);
    expect(await page.evaluate(() => location.hash)).toBe(`#year-${last}`);
    expect(await page.$eval(`#year-${last}`, (h2) => h2.getBoundingClientRect().top >= 0 && h2.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    await page.fill('#filter-text', 'Crabtree');
    try {
      const shown = await page.$$eval('.year:not([hidden]) h2', (h2s) => h2s.map((h2) => h2.textContent!));
      expect(shown.length).toBeLessThan(headings.length);
      expect(await links()).toEqual(shown.map((year) => [year, `#year-${year}`]));
      // A filter that empties every year leaves no empty landmark of years behind.
      await page.fill('#filter-text', 'zzqxw');
      expect(await page.isVisible('.years')).toBe(false);
    } finally {
      await page.fill('#filter-text', '');
      await page.evaluate(() => history.replaceState(null, '', location.pathname));
    }
    // Not on paper, where the years have no use.
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.isVisible('.years')).toBe(false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    // An address with a year, opened or shared, lands there and keeps it: the filter's own address took it away.
    const linked = await browser.newPage();
    try {
      await linked.goto(`${pathToFileURL(project.path('dist', 'index.html')).href}#year-${last}`);
      await linked.waitForFunction(() => document.querySelector('.filter-count')?.textContent !== '');
      expect(await linked.evaluate(() => location.hash)).toBe(`#year-${last}`);
      expect(await linked.$eval(`#year-${last}`, (h2) => h2.getBoundingClientRect().top >= 0 && h2.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    } finally {
      await linked.close();
    }
  });

  it('lays out only the entries near the screen, and prints every one', async () => {
    // Every entry was laid out at once: showing 3,000 again, as clearing the filter does, froze a phone for seconds.
    await page.evaluate(() => window.scrollTo(0, 0));
    const laidOut = await page.$$eval('.entry .entry-title', (titles) => titles.map((title) => title.checkVisibility({ contentVisibilityAuto: true })));
    expect(laidOut).toHaveLength(ARCHIVE_SIZE);
    expect(laidOut[0]).toBe(true);
    expect(laidOut.at(-1)).toBe(false);
    // Printed, none is left out or left blank for not having been laid out.
    const file = project.path('printed-index.pdf');
    writeFileSync(file, await page.pdf());
    const squeezed = (text: string): string => text.replace(/\s+/g, '');
    const printed = squeezed(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    const titles = await page.$$eval('.entry-title', (links) => links.map((link) => link.textContent!));
    expect(titles.filter((title) => !printed.includes(squeezed(title)))).toEqual([]);
  });

  it('is a plain list without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(pathToFileURL(project.path('dist', 'index.html')).href);
    expect(await plain.isVisible('form.filter')).toBe(false);
    expect(await plain.$$eval('.entry-title', (links) => links.length)).toBe(ARCHIVE_SIZE);
    await context.close();
  });
  // axe-core on these very files (index, people, tags/peru) at a phone's and a desktop's width:
  // site-browser.test.ts, which reads the same shared archive.
});

describe.runIf(haveTools(CHROMIUM))('the index page of a small archive', () => {
  const record = (tags: string) =>
    `---\ntitle: A Meeting\ndate: 2021-03-04\nhosts: [the Parliamentary Human Rights Group (PHRG)]\nspeakers:\n  - key: AB\n    name: Ana Bravo\n${tags}---\n\nA point. (AB)\n`;

  /** The index and people pages of a one-record archive, built in this thread, opened in Chromium at a phone's width. */
  async function opened(tags: string): Promise<{ page: Page; errors: string[]; people: string; done(): Promise<void> }> {
    const project = tempProject();
    project.write('phrg-brief.yaml', 'site:\n  search: false\n');
    project.write('meetings/2021-03-04-a-meeting.md', record(tags));
    expect((await buildHere(project.dir, { formats: ['html'] })).ok).toBe(true);
    const page = await (await sharedChromium()).newPage({ viewport: { width: 390, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(project.path('dist', 'index.html')).href);
    await page.waitForSelector('.filter-count:not(:empty)');
    const people = readFileSync(project.path('dist', 'people', 'index.html'), 'utf8');
    return { page, errors, people, done: async () => (await page.close(), project.remove()) };
  }

  it('finds a word after an apostrophe and inside text written without spaces, and a tag linked with its accents and spaces', async () => {
    const { page, errors, done } = await opened('topic: 中国人权捍卫者的处境\npartners: [the Côte d’Ivoire Coalition]\ntags:\n  - Côte d’Ivoire\n');
    try {
      const count = async (query: string) => (await page.fill('#filter-text', query), await page.textContent('.filter-count'));
      for (const query of ['ivoire', 'd’ivoire', 'divoire', '人权', '捍卫者']) expect(await count(query), query).toBe('1 of 1 briefing shown');
      for (const query of ['voire', '权人']) expect(await count(query), query).toBe('0 of 1 briefing shown');
      await page.fill('#filter-text', '');
      await page.goto(`${page.url().split('?')[0]}?tag=C%C3%B4te%20d%E2%80%99Ivoire`);
      expect(await page.inputValue('#filter-tag')).toBe('cote-d-ivoire');
      expect(errors).toEqual([]);
    } finally {
      await done();
    }
  });

  it('fits a phone’s width with a tag of many words, and says "one person"', async () => {
    const { page, errors, people, done } = await opened('tags:\n  - Human rights defenders in the extractive industries of the Andean region\n');
    try {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await page.isVisible('#filter-tag')).toBe(true);
      expect(errors).toEqual([]);
      expect(people).toContain('One person who spoke at or chaired');
    } finally {
      await done();
    }
  });

  it('filters as a phone types: curly apostrophes and quotation marks, and the year and month', async () => {
    const { page, errors, done } = await opened('tags:\n  - women’s rights\n');
    try {
      const count = async (typed: string) => (await page.fill('#filter-text', typed), page.textContent('.filter-count'));
      for (const typed of ["women's rights", 'women’s', 'womens', '“women’s rights”', '"women\'s rights"', '2021', 'March 2021'])
        expect(await count(typed), typed).toBe('1 of 1 briefing shown');
      expect(await count('2020')).toBe('0 of 1 briefing shown');
      expect(errors).toEqual([]);
    } finally {
      await done();
    }
  });

  it('offers no list of tags when no briefing has one, and filters by text all the same', async () => {
    const { page, errors, done } = await opened('');
    try {
      expect(await page.$('#filter-tag')).toBeNull();
      expect(await page.textContent('.filter-count')).toBe('1 of 1 briefing shown');
      await page.fill('#filter-text', 'nothing like it');
      expect(await page.textContent('.filter-count')).toBe('0 of 1 briefing shown');
      expect(errors).toEqual([]);
    } finally {
      await done();
    }
  });
});
