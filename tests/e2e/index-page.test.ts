/** The archive's front page in Chromium: the tag and text filters work, and axe finds nothing. */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { launchChromium } from '../helpers/browser.js';
import { runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { CHROMIUM, haveTools } from '../helpers/tools.js';

const require = createRequire(import.meta.url);

describe.runIf(haveTools(CHROMIUM))('the index page', () => {
  let project: TempProject;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    project = tempProject({ withExample: true });
    generateRecords(30, project.path('meetings'), 11);
    const result = await runCli(['build', '--format', 'html'], project.dir);
    expect(result.code, result.stderr).toBe(0);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(pathToFileURL(project.path('dist', 'index.html')).href);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    project?.remove();
  });

  const visible = () =>
    page.$$eval('.year .entry', (entries) =>
      entries.filter((entry) => !(entry as HTMLElement).hidden).map((entry) => entry.querySelector('.entry-title')!.textContent!),
    );

  it('shows every briefing and the filter once its script runs', async () => {
    expect(await visible()).toHaveLength(31);
    expect(await page.isVisible('form.filter')).toBe(true);
    expect(await page.textContent('.filter-count')).toBe('31 of 31');
  });

  it('filters by tag', async () => {
    await page.selectOption('#filter-tag', 'peru');
    const titles = await visible();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(31);
    expect(titles.every((title) => title.startsWith('Peru'))).toBe(true);
    await page.selectOption('#filter-tag', '');
    expect(await visible()).toHaveLength(31);
  });

  it('filters by text, across names and summaries, hiding empty years', async () => {
    await page.fill('#filter-text', 'Crabtree extractive');
    expect(await visible()).toEqual([
      'Peru – The Negative Impacts of the Activities of the Extractive Industries and Threats to Human Rights Defenders (HRDs)',
    ]);
    expect(await page.$$eval('.year', (years) => years.filter((year) => !(year as HTMLElement).hidden).length)).toBe(1);
    await page.fill('#filter-text', 'no such words anywhere');
    expect(await visible()).toEqual([]);
    expect(await page.textContent('.filter-count')).toBe('0 of 31');
    await page.fill('#filter-text', '');
  });

  it('is a plain list without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(pathToFileURL(project.path('dist', 'index.html')).href);
    expect(await plain.isVisible('form.filter')).toBe(false);
    expect(await plain.$$eval('.entry-title', (links) => links.length)).toBe(31);
    await context.close();
  });

  it('has no axe-core violations', async () => {
    for (const file of ['index.html', 'people/index.html', 'tags/peru.html']) {
      await page.goto(pathToFileURL(project.path('dist', file)).href);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        // axe is injected above and has no types in the page.
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; help: string }[] }> } }).axe;
        return (await axe.run()).violations.map((v) => `${v.id}: ${v.help}`);
      });
      expect(violations, file).toEqual([]);
    }
  });
});
