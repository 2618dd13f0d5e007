/**
 * The preview's builds on request (src/preview/builds.ts), in-process: a request for one of the
 * project's formats brings those up to date, and a format the project does not build (Word) is
 * added when first asked for, without unmaking the others.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PreviewBuilds } from '../../src/preview/builds.js';
import { chain } from '../../src/preview/middleware/chain.js';
import { staticFiles } from '../../src/preview/middleware/static-files.js';
import { deferredFormats } from '../../src/preview/middleware/deferred-formats.js';
import { tempProject } from '../helpers/cli.js';

const project = tempProject({ withExample: true });
const base = mkdtempSync(join(tmpdir(), 'phrg-brief-preview-'));
const log: string[] = [];
const builds = new PreviewBuilds({ cwd: project.dir, path: 'meetings', base, log: (line) => log.push(line), debug: false, rebuilt: () => undefined });
afterAll(async () => {
  // The search index is made behind the builds: its folder goes once it is made, as the preview's own close does.
  await builds.search.idle();
  project.remove();
  rmSync(base, { recursive: true, force: true });
});

describe('the preview’s builds on request', () => {
  const site = (name: string): string => join(builds.outDir, name);

  it('make the pages alone on a save', async () => {
    await builds.first();
    expect(log.join('\n')).not.toContain('failed');
    expect(existsSync(site('2016-11-07-peru.html'))).toBe(true);
    expect(existsSync(site('2016-11-07-peru.pdf'))).toBe(false);
  });

  it('make the project’s formats, and no other, when one is asked for', async () => {
    await builds.otherFormats('pdf');
    for (const extension of ['pdf', 'md', 'json']) expect(existsSync(site(`2016-11-07-peru.${extension}`)), extension).toBe(true);
    expect(existsSync(site('2016-11-07-peru.docx'))).toBe(false);
  });

  it('add a format the project does not build when it is asked for, keeping the others, and make nothing again after', async () => {
    await builds.otherFormats('docx');
    expect(existsSync(site('2016-11-07-peru.docx'))).toBe(true);
    expect(existsSync(site('2016-11-07-peru.pdf'))).toBe(true);
    const docx = statSync(site('2016-11-07-peru.docx')).mtimeMs;
    await builds.otherFormats(undefined);
    await builds.otherFormats('pdf');
    expect(statSync(site('2016-11-07-peru.docx')).mtimeMs).toBe(docx);
  });
});

describe('a draft in the preview', () => {
  it('is built, and its page’s bar says it is left out of a build', async () => {
    const own = tempProject({ withExample: true });
    const ownBase = mkdtempSync(join(tmpdir(), 'phrg-brief-preview-'));
    const draftBuilds = new PreviewBuilds({ cwd: own.dir, path: 'meetings', base: ownBase, log: () => undefined, debug: false, rebuilt: () => undefined });
    own.write(
      'meetings/2020-05-04-draft.md',
      '---\ntitle: Not yet\ndate: 2020-05-04\nhosts: [the Parliamentary Human Rights Group (PHRG)]\ndraft: true\n---\n\nText.\n',
    );
    const server = createServer(chain([staticFiles(draftBuilds.outDir, draftBuilds.state)]));
    try {
      await draftBuilds.first();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const page = async (name: string) => (await fetch(`http://127.0.0.1:${port}/${name}`)).text();
      expect(await page('2020-05-04-draft.html')).toContain('Draft: left out of a build until draft: true is taken out');
      expect(await page('2016-11-07-peru.html')).not.toContain('phrg-brief-draft');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await draftBuilds.search.idle();
      own.remove();
      rmSync(ownBase, { recursive: true, force: true });
    }
  });
});

describe('a file whose record has errors, in the preview', () => {
  it('is not served as the record’s, and the archive’s own files are served though a record asked for their name', async () => {
    const own = tempProject({ withExample: true });
    const ownBase = mkdtempSync(join(tmpdir(), 'phrg-brief-preview-'));
    const errorBuilds = new PreviewBuilds({ cwd: own.dir, path: 'meetings', base: ownBase, log: () => undefined, debug: false, rebuilt: () => undefined });
    // A record named as the feed is refused (a reserved name): the feed is still the archive's.
    own.write('meetings/feed.md', '---\ntitle: Feed\ndate: 2020-05-05\nhosts: [the Parliamentary Human Rights Group (PHRG)]\n---\n\nText.\n');
    const server = createServer(chain([deferredFormats((format) => errorBuilds.otherFormats(format)), staticFiles(errorBuilds.outDir, errorBuilds.state)]));
    try {
      await errorBuilds.first();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const status = async (name: string) => (await fetch(`http://127.0.0.1:${port}/${name}`)).status;
      expect(await status('feed.xml')).toBe(200);
      expect(await status('2016-11-07-peru.pdf')).toBe(200);
      // The Peru record broken: its PDF is an earlier build's, and not served as its.
      own.write('meetings/2016-11-07-peru.md', readFileSync(own.path('meetings', '2016-11-07-peru.md'), 'utf8').replace('(JC + IV)', '(JC + XY)'));
      await errorBuilds.first();
      expect(await status('2016-11-07-peru.pdf')).toBe(409);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await errorBuilds.search.idle();
      own.remove();
      rmSync(ownBase, { recursive: true, force: true });
    }
  });
});
