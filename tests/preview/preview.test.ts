/**
 * The preview as an editor uses it: a real server in a subprocess, the briefing open in
 * Chromium, the record edited on disk. Prints the measured save-to-update latency.
 */
import { type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedChromium } from '../helpers/browser.js';
import { REPO, startPreview, tempProject, type TempProject } from '../helpers/cli.js';
import { CHROMIUM, haveTools } from '../helpers/tools.js';

const RECORD = 'meetings/2016-11-07-peru.md';

/** Sends one raw request line, so that the path reaches the server exactly as written. */
function rawGet(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0), body: data.slice(data.indexOf('\r\n\r\n') + 4) }));
  });
}

describe.runIf(haveTools(CHROMIUM))('phrg-brief preview', () => {
  let project: TempProject;
  let server: ChildProcess;
  let url = '';
  let port = 0;
  let stderr: () => string = () => '';
  let page: Page;
  let searchEntry: Response;
  const original = readFileSync(join(REPO, RECORD), 'utf8');

  beforeAll(async () => {
    project = tempProject({ withExample: true });
    const preview = await startPreview(project.dir);
    ({ server, url } = preview);
    stderr = preview.stderr;
    port = Number(new URL(url).port);
    // Asked for at once: the search index is made behind the first build.
    searchEntry = await fetch(`${url}pagefind/pagefind-entry.json`);
    // The worker's one Chromium: this file closes its page, never the browser.
    page = await (await sharedChromium()).newPage();
    await page.goto(`${url}2016-11-07-peru.html`);
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    if (server && server.exitCode === null) server.kill('SIGKILL');
    project?.remove();
  });

  const bodyText = () => page.evaluate(() => document.body.innerText);

  it('serves the briefing with a preview bar of its other formats', async () => {
    expect(await bodyText()).toContain('Mining operations have been the source of constant conflict');
    const links = await page.$$eval('.phrg-brief-preview-bar a', (anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/2016-11-07-peru.pdf', '/2016-11-07-peru.md', '/2016-11-07-peru.json', '/2016-11-07-peru.docx', '/index.html']);
    // The Word file is built on its first request, and served as what it is.
    const word = await fetch(`${url}2016-11-07-peru.docx`);
    expect(word.status).toBe(200);
    expect(word.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(
      Buffer.from(await word.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    expect(await page.textContent('.phrg-brief-warnings')).toBe('0 warnings');
    expect(readFileSync(join(REPO, 'templates/default/page.hbs'), 'utf8')).not.toContain('preview-bar');
  });

  it('answers a request for the search index, made behind the builds, once it is made', async () => {
    expect(searchEntry.status).toBe(200);
    expect(JSON.parse(await searchEntry.text())).toMatchObject({ languages: { en: { page_count: 1 } } });
  });

  it('updates the open page when the record is saved, keeping the scroll position', async () => {
    await page.setViewportSize({ width: 800, height: 400 });
    await page.evaluate(() => window.scrollTo(0, 300));
    // The first save after start warms the renderer up; the ones after are the editor's lot
    // (two: the figure is printed for the record, and each save costs a rebuild and a reload).
    const latencies: number[] = [];
    for (const word of ['projects', 'concessions', 'operations']) {
      const started = performance.now();
      project.write(RECORD, original.replace('Mining operations have been', `Mining ${word} have been`));
      await page.waitForFunction((text) => document.body.innerText.includes(text), `Mining ${word} have been`, { timeout: 15_000 });
      latencies.push(performance.now() - started);
      expect(await page.evaluate(() => window.scrollY)).toBe(300);
    }
    process.stdout.write(
      `preview: save-to-update latency, first save ${latencies[0]!.toFixed(0)} ms, then ${latencies
        .slice(1)
        .map((l) => l.toFixed(0))
        .join(', ')} ms\n`,
    );
    expect(Math.max(...latencies)).toBeLessThan(15_000);
  });

  it('shows the diagnostics of a broken record in the page, and recovers once it is fixed, where the reader was', async () => {
    await page.setViewportSize({ width: 800, height: 400 });
    await page.evaluate(() => window.scrollTo(0, 300));
    project.write(RECORD, original.replace('(JC + IV)', '(JC + XY)'));
    await page.waitForSelector('.phrg-brief-overlay', { timeout: 15_000 });
    const overlay = await bodyText();
    expect(overlay).toContain('meetings/2016-11-07-peru.md:');
    expect(overlay).toContain('no speaker or chair has the key XY');
    expect(overlay).toMatch(/> \d+ \| - Many protestors/);
    // The code frame's lines aligned, the first as the rest.
    const frame = (await page.textContent('.phrg-brief-overlay pre'))!.split('\n');
    expect(new Set(frame.filter((line) => /\|/.test(line)).map((line) => line.indexOf('|'))).size).toBe(1);
    // The terminal says where, and the PDF an earlier build made is not served as the record's.
    expect(stderr()).toMatch(/with errors\n {2}meetings\/2016-11-07-peru\.md:\d+:\d+ no speaker or chair has the key XY/);
    const stale = await fetch(`${url}2016-11-07-peru.pdf`);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('2016-11-07-peru.pdf is not served: its record has errors');

    project.write(RECORD, original.replace('title: Peru', 'title: "Peru'));
    await page.waitForFunction(() => document.body.innerText.includes('never closed'), undefined, { timeout: 15_000 });
    expect(await bodyText()).toContain('meetings/2016-11-07-peru.md:2:8');

    project.write(RECORD, original);
    await page.waitForFunction(() => document.body.innerText.includes('Mining operations have been'), undefined, { timeout: 15_000 });
    expect(await page.$('.phrg-brief-overlay')).toBeNull();
    // Where the reader was, give or take what the page's fonts, loaded again with its head, move
    // it as they come in (Chromium keeps the text in view: 298 in one run); before, at the top.
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - 300)).toBeLessThanOrEqual(20);
    expect((await fetch(`${url}2016-11-07-peru.pdf`)).status).toBe(200);
  });

  it('follows a template override made while it runs', async () => {
    project.write('mine/partials/person.hbs', '{{#if text}}{{text}}{{else}}{{name}} (of {{role}}){{/if}}');
    project.write('phrg-brief.yaml', 'templates: mine\n');
    await page.waitForFunction(() => document.body.innerText.includes('John Crabtree (of Peru Support Group'), undefined, { timeout: 15_000 });
    // The new folder is taken up by the file watcher in its own time, and a save made before
    // that goes unseen (under load it did): saved again until seen, as build-watch.test.ts does.
    const saveUntilShown = async (file: string, text: string, shown: string): Promise<void> => {
      for (let tries = 1; ; tries++) {
        project.write(file, text);
        try {
          await page.waitForFunction((words) => document.body.innerText.includes(words), shown, { timeout: 2_000 });
          return;
        } catch (error) {
          if (tries === 15) throw error;
        }
      }
    };
    await saveUntilShown('mine/partials/person.hbs', '{{#if text}}{{text}}{{else}}{{name}} [{{role}}]{{/if}}', 'John Crabtree [Peru Support Group');
    // Broken, the template's error stands on the page, where it is in the template; fixed, the page is back.
    project.write('mine/partials/person.hbs', '{{#if text}}{{text}}{{else}}{{name}}');
    await page.waitForFunction(() => document.body.innerText.includes('is never closed'), undefined, { timeout: 15_000 });
    expect(await bodyText()).toContain(`${join('mine', 'partials', 'person.hbs')}:1:1`);
    // So does the site's front page, which the build could not make either.
    const front = await fetch(url, { headers: { accept: 'text/html' } });
    expect([front.status, await front.text()]).toEqual([200, expect.stringContaining('is never closed')]);
    // A partial that fails as a record is rendered: its error is framed in the partial, not in the record.
    project.write('mine/partials/person.hbs', '{{name}}\n{{> person}}\n');
    await page.waitForFunction(() => document.body.innerText.includes('include one another'), undefined, { timeout: 15_000 });
    expect(await page.textContent('.phrg-brief-overlay pre')).toContain('{{name}}');
    project.write('mine/partials/person.hbs', '{{#if text}}{{text}}{{else}}{{name}} [{{role}}]{{/if}}');
    await page.waitForFunction(() => document.body.innerText.includes('John Crabtree [Peru Support Group'), undefined, { timeout: 15_000 });
    // A config naming a folder not made yet stands on the page; the folder made, the page is
    // back, though the save that mends the config is not the config's own.
    project.write('phrg-brief.yaml', 'templates: later\n');
    await page.waitForFunction(() => document.body.innerText.includes('does not exist'), undefined, { timeout: 15_000 });
    await saveUntilShown('later/partials/person.hbs', '{{#if text}}{{text}}{{else}}{{name}} / {{role}}{{/if}}', 'John Crabtree / Peru Support Group');
  });

  it('refuses paths outside its output and a foreign Host', async () => {
    for (const path of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%252e%252e/etc/passwd',
      '/..\\..\\etc\\passwd',
      '/etc/passwd',
      '//etc/passwd',
      '/index.html%00',
    ]) {
      const response = await rawGet(port, path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('root:');
    }
    expect((await rawGet(port, '/index.html', 'attacker.example')).status).toBe(403);
    expect((await rawGet(port, '/index.html', `localhost:${port}`)).status).toBe(200);
  });

  it('only serves: other methods are refused, a HEAD has no body', async () => {
    const posted = await fetch(`${url}index.html`, { method: 'POST', body: 'x' });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(`${url}2016-11-07-peru.html`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await head.text()).toBe('');
    expect((await fetch(`${url}nothing-here.html`)).status).toBe(404);
    // A reader's browser gets a page with the way back, and the live reload.
    const missing = await fetch(`${url}nothing-here.html?x=<b>`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(missing.status).toBe(404);
    const page = await missing.text();
    expect(page).toContain('<code>/nothing-here.html</code>. <a href="/index.html">All briefings</a>');
    expect(page).toContain('/__phrg-brief/events');
  });

  it('adds its bar at the page’s end, not where a record’s words hold </body> in an attribute', async () => {
    project.write(
      'meetings/2020-01-09-hostile.md',
      [
        '---',
        'title: Preview check',
        'date: 2020-01-09',
        'hosts:',
        '  - the host',
        'speakers:',
        '  - key: AB',
        `    name: "Bob </body><img src=x onerror=window.__ranFromName=1>"`,
        '---',
        '',
        '- A point citing [the report](https://example.org/report "</body><img src=x onerror=window.__ranFromTitle=1>"). (AB)',
        '',
      ].join('\n'),
    );
    const address = `${url}2020-01-09-hostile.html`;
    await expect.poll(async () => (await fetch(address)).status, { timeout: 30_000 }).toBe(200);
    const hostile = await (await sharedChromium()).newPage();
    try {
      await hostile.goto(address);
      // Both were run before: the bar's quotes closed the attribute holding the words.
      expect(await hostile.evaluate(() => Object.keys(window).filter((key) => key.startsWith('__ran')))).toEqual([]);
      expect(await hostile.textContent('.phrg-brief-warnings')).toMatch(/^\d+ warnings?$/);
      expect(await hostile.getAttribute('a[href="https://example.org/report"]', 'title')).toBe('</body><img src=x onerror=window.__ranFromTitle=1>');
    } finally {
      await hostile.close();
    }
  });

  it('stops cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    server.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr()).toContain('stopped');
  });
});
