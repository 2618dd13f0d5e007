/** The archive's front page in Chromium: the tag and text filters work, and without JavaScript it is a plain list. */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_SIZE, siteArchive } from '../helpers/archive.js';
import { sharedChromium } from '../helpers/browser.js';
import type { TempProject } from '../helpers/cli.js';
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
    expect(await page.textContent('.filter-count')).toBe(`${ARCHIVE_SIZE} of ${ARCHIVE_SIZE}`);
  });

  it('filters by tag', async () => {
    await page.selectOption('#filter-tag', 'peru');
    const titles = await visible();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(ARCHIVE_SIZE);
    expect(titles.every((title) => title.startsWith('Peru'))).toBe(true);
    await page.selectOption('#filter-tag', '');
    expect(await visible()).toHaveLength(ARCHIVE_SIZE);
  });

  it('filters by text, across names and summaries, hiding empty years', async () => {
    await page.fill('#filter-text', 'Crabtree extractive');
    expect(await visible()).toEqual([
      'Peru – The Negative Impacts of the Activities of the Extractive Industries and Threats to Human Rights Defenders (HRDs)',
    ]);
    expect(await page.$$eval('.year', (years) => years.filter((year) => !(year as HTMLElement).hidden).length)).toBe(1);
    await page.fill('#filter-text', 'no such words anywhere');
    expect(await visible()).toEqual([]);
    expect(await page.textContent('.filter-count')).toBe(`0 of ${ARCHIVE_SIZE}`);
    await page.fill('#filter-text', '');
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
