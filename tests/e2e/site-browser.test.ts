/**
 * The published archive in Chromium, as a reader meets it: full-text search (Pagefind) from
 * `phrg-brief preview`, accents folded both ways in search and filter, the filter's state in
 * the address; then axe on every kind of page at a phone's and a desktop's width, and the Nu
 * HTML Checker on the same pages.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { launchChromium } from '../helpers/browser.js';
import { FIXTURES, runCli, startPreview, tempProject, type TempProject } from '../helpers/cli.js';
import { CHROMIUM, JAVA, haveTools } from '../helpers/tools.js';

const require = createRequire(import.meta.url);
const SANTO_TOMAS = '2019-05-14-santo-tomas';

let project: TempProject;

beforeAll(async () => {
  project = tempProject();
  generateRecords(29, project.path('meetings'), 21);
  copyFileSync(join(FIXTURES, 'records', 'site', `${SANTO_TOMAS}.md`), project.path('meetings', `${SANTO_TOMAS}.md`));
  const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
  expect(result.code, result.stderr).toBe(0);
}, 120_000);
afterAll(() => project?.remove());

/** One page of each kind: the index, a briefing, a tag, the people, a person. */
function pagesOfEachKind(): string[] {
  const person = readdirSync(project.path('dist', 'people')).find((name) => name !== 'index.html')!;
  return ['index.html', `${SANTO_TOMAS}.html`, 'tags/peru.html', 'people/index.html', `people/${person}`];
}

describe.runIf(haveTools(CHROMIUM))('search and filter, from phrg-brief preview', () => {
  let server: ChildProcess;
  let url = '';
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, url } = await startPreview(project.dir));
    browser = await launchChromium();
    page = await browser.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  const results = async (query: string): Promise<{ title: string; href: string; date: string }[]> => {
    await page.goto(`${url}index.html`);
    await page.fill('#filter-text', query);
    await page.waitForFunction((q) => document.querySelector('.search-status')?.textContent?.includes(q), query, { timeout: 20_000 });
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
    expect(await page.textContent('.filter-count')).toBe('0 of 30');
  });

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
  });

  it('searches from any page’s header, and keeps the filter’s state in the address', async () => {
    await page.goto(`${url}tags/peru.html`);
    await page.fill('#site-search-q', 'cadastre');
    await page.click('.site-search button');
    await page.waitForSelector('.search-list li');
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
  });
});

describe.runIf(haveTools(CHROMIUM))('every kind of page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchChromium()), 60_000);
  afterAll(async () => browser?.close());

  it('has no axe-core violations at 390 and 1200 pixels wide', async () => {
    const found: string[] = [];
    for (const width of [390, 1200]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const name of pagesOfEachKind()) {
        await page.goto(pathToFileURL(project.path('dist', name)).href);
        await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          // axe is injected above and has no types in the page.
          const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
          return (await axe.run()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        });
        found.push(...violations.map((violation) => `${name} at ${width}px: ${violation}`));
      }
      await page.close();
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('shows the page’s header, footer and the briefing’s surroundings without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(project.path('dist', `${SANTO_TOMAS}.html`)).href);
    expect(await page.textContent('.site-title')).toBe('All-Party Parliamentary Human Rights Group');
    expect(await page.isVisible('.site-footer a[href="feed.xml"]')).toBe(true);
    expect(await page.textContent('.briefing-date')).toBe('Tuesday 14 May 2019 · Roundtable');
    expect(await page.$$eval('.downloads a', (links) => links.map((link) => link.textContent))).toEqual([
      expect.stringMatching(/^Markdown \(\d+ (KB|bytes)\)$/),
      expect.stringMatching(/^JSON \(\d+ (KB|bytes)\)$/),
    ]);
    expect(await page.$$eval('.briefing-facts .tags a', (links) => links.map((link) => link.getAttribute('href')))).toEqual([
      'tags/peru.html',
      'tags/santo-tomas.html',
    ]);
    await context.close();
  });
});

describe.runIf(haveTools(JAVA))('every kind of page in the Nu HTML Checker', () => {
  it('has no errors', () => {
    const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
    const files = pagesOfEachKind().map((name) => project.path('dist', name));
    let report: string;
    try {
      report = execFileSync('java', ['-jar', jar, '--format', 'json', '--also-check-css', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      // vnu exits 1 when it finds errors and writes its JSON report to stderr.
      report = String((error as { stderr?: unknown }).stderr ?? '');
    }
    const messages = (JSON.parse(report || '{"messages":[]}') as { messages: { type: string; message: string; url: string }[] }).messages;
    expect(messages.filter((m) => m.type === 'error').map((m) => `${m.url.split('/').slice(-2).join('/')}: ${m.message}`)).toEqual([]);
  }, 120_000);
});
