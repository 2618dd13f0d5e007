/**
 * The page a reader meets at an address with no page on the published site: GitHub Pages
 * answers any such address of the site with its 404.html, in whatever folder the address is.
 */
import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadRecordText } from '../../src/load/record.js';
import { validateRecord } from '../../src/validate/record.js';
import { sharedChromium } from '../helpers/browser.js';
import { tempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';
import { serveFolder } from '../helpers/static-server.js';
import { CHROMIUM, haveTools } from '../helpers/tools.js';

describe.runIf(haveTools(CHROMIUM))('the page at an address with no page', () => {
  it('says so, in the site’s frame, its links and files found from any folder of a project’s site', async () => {
    const project = tempProject({ withExample: true });
    // Served under a sub-path, as Pages serves a project, and built at that address, as the workflow builds it.
    const site = await serveFolder(project.path('dist'), '/briefings/', { notFound: '404.html' });
    const page = await (await sharedChromium()).newPage();
    try {
      project.write('phrg-brief.yaml', `site:\n  search: false\n  baseUrl: ${site.url.replace(/\/$/, '')}\n`);
      expect((await buildHere(project.dir, { formats: ['html'] })).ok).toBe(true);
      // Before, Pages' own page stood here, with no way back to the archive.
      const fetched: Response[] = [];
      page.on('response', (response) => void fetched.push(response));
      const missing = await page.goto(`${site.url}people/gone/2016-11-07-peru-old.html`);
      expect(missing?.status()).toBe(404);
      expect(await page.textContent('h1')).toBe('No page at this address');
      expect(await page.title()).toMatch(/^No page at this address – /);
      // Every file the page asks for (its fonts' stylesheet, the fonts) is found from that folder.
      expect(fetched.filter((response) => response !== missing && response.status() !== 200).map((response) => response.url())).toEqual([]);
      expect(fetched.length).toBeGreaterThan(1);
      await page.click('.site-index a:has-text("All briefings")');
      expect(page.url()).toBe(`${site.url}index.html`);
      expect(await page.textContent('.entry-title')).toContain('Peru');
      await page.goBack();
      await page.click('.site-index a:has-text("speakers and chairs")');
      expect(page.url()).toBe(`${site.url}people/index.html`);
    } finally {
      await page.close();
      await site.close();
      project.remove();
    }
  });

  it('is no record’s: a record may not take its name', () => {
    const record = '---\ntitle: T\ndate: 2020-01-01\nhosts: [the PHRG]\nslug: "404"\n---\n\nA point.\n';
    const { diagnostics } = validateRecord(loadRecordText(record, 'meetings/2020-01-01-t.md').record!);
    expect(diagnostics.map((d) => [d.rule, d.message])).toContainEqual(['schema', "the output name 404 is the archive's own (404.html, 404.json or 404/)"]);
  });
});
