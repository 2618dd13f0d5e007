/**
 * The golden test: the Peru record, built by the real CLI, opened in Debian's Chromium; the
 * page's words equal the reference briefing's. Then the page is checked as a publisher would:
 * the Nu HTML Checker and axe-core.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { FIXTURES, runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { CHROMIUM, haveTools, JAVA } from '../helpers/tools.js';
import { wordDiff, words } from '../helpers/words.js';

const require = createRequire(import.meta.url);
const expectedText = readFileSync(`${FIXTURES}/2016-11-07-peru.expected.txt`, 'utf8');
const expectedWords = words(expectedText);

let project: TempProject;
let htmlPath: string;

beforeAll(async () => {
  project = tempProject({ withExample: true });
  const result = await runCli(['build'], project.dir);
  expect(result.code, result.stderr).toBe(0);
  htmlPath = project.path('dist', '2016-11-07-peru.html');
});

afterAll(() => project?.remove());

describe.runIf(haveTools(CHROMIUM))('the Peru briefing in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(pathToFileURL(htmlPath).href);
  });

  afterAll(async () => browser?.close());

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

  it('has no axe-core violations', async () => {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      // axe is injected into the page above and has no types there.
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; help: string }[] }> } }).axe;
      const results = await axe.run();
      return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
    });
    expect(violations).toEqual([]);
  });
});

describe.runIf(haveTools(JAVA))('the Peru briefing in the Nu HTML Checker', () => {
  it('has no errors or warnings', () => {
    const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
    let report: string;
    try {
      report = execFileSync('java', ['-jar', jar, '--format', 'json', '--also-check-css', htmlPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      // vnu exits 1 when it finds errors and writes its JSON report to stderr.
      report = String((error as { stderr?: unknown }).stderr ?? error);
    }
    const messages = (JSON.parse(report || '{"messages":[]}') as { messages: { type: string; message: string; lastLine?: number }[] }).messages;
    expect(messages.map((m) => `${m.type} line ${m.lastLine}: ${m.message}`)).toEqual([]);
  }, 120_000);
});
