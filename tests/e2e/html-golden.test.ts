/**
 * The golden test: the Peru record, built by the real CLI, opened in Debian's Chromium; the
 * page's words equal the reference briefing's. Then the page is checked as a publisher would:
 * the Nu HTML Checker (and axe-core, in site-browser.test.ts, on the same file).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveNuMessages, PERU, siteArchive, startArchiveNuCheck } from '../helpers/archive.js';
import { sharedChromium } from '../helpers/browser.js';
import { FIXTURES } from '../helpers/cli.js';
import { CHROMIUM, haveTools, JAVA } from '../helpers/tools.js';
import { wordDiff, words } from '../helpers/words.js';

const expectedText = readFileSync(`${FIXTURES}/2016-11-07-peru.expected.txt`, 'utf8');
const expectedWords = words(expectedText);

let htmlPath: string;

beforeAll(async () => {
  // The Peru record as the shared site archive built it (tests/helpers/archive.ts), among
  // others: its page has neighbours, which must not change the article's words.
  htmlPath = (await siteArchive()).path('dist', `${PERU}.html`);
  startArchiveNuCheck(); // awaited in the last test
}, 120_000);

describe.runIf(haveTools(CHROMIUM))('the Peru briefing in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await sharedChromium();
    page = await browser.newPage();
    await page.goto(pathToFileURL(htmlPath).href);
  }, 60_000);

  afterAll(async () => page?.close());

  it('reads word for word as the reference briefing', async () => {
    // The article alone: the site's header, footer and the briefing's surroundings are not its words.
    const text = await page.evaluate(() => document.querySelector('article')!.innerText);
    const actual = words(text);
    expect(wordDiff(actual, expectedWords)).toBe('');
    expect(actual).toEqual(expectedWords);
  });

  it('names each speaker behind their initials', async () => {
    const titles = await page.$$eval('.attribution abbr', (nodes) => nodes.map((node) => `${node.textContent}=${node.getAttribute('title')}`));
    expect(new Set(titles)).toEqual(new Set(['JC=John Crabtree', 'IV=Ismael Vega']));
    expect(titles).toHaveLength(9);
  });

  it('has the page metadata: language, title, description, machine-readable date', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB');
    expect(await page.title()).toBe(expectedText.split('\n')[0]);
    expect(await page.getAttribute('meta[name=description]', 'content')).toMatch(/^Indigenous groups in Peru/);
    expect(await page.getAttribute('h1 time', 'datetime')).toBe('2016-11-07');
  });

  // axe-core on this very page at a phone's and a desktop's width: site-browser.test.ts.
});

describe.runIf(haveTools(JAVA))('the Peru briefing in the Nu HTML Checker', () => {
  it('has no errors or warnings', async () => {
    // One Java start checks every kind of page of the archive; this is the Peru page's share.
    const messages = (await archiveNuMessages()).filter((m) => m.url.endsWith(`/${PERU}.html`));
    expect(messages.map((m) => `${m.type} line ${m.lastLine}: ${m.message}`)).toEqual([]);
  }, 120_000);
});
