/** The preview serves only files it built: a corpus of hostile request paths. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRequestPath } from '../../src/preview/files.js';

const base = mkdtempSync(join(tmpdir(), 'phrg-brief-files-'));
const root = join(base, 'out');
mkdirSync(join(root, 'tags'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!DOCTYPE html>');
writeFileSync(join(root, 'tags', 'peru.html'), '<!DOCTYPE html>');
writeFileSync(join(root, 'a.pdf'), '%PDF');
writeFileSync(join(root, 'feed.xml'), '<feed/>');
writeFileSync(join(root, 'sitemap.xml'), '<urlset/>');
writeFileSync(join(base, 'secret.txt'), 'secret');
symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'));
symlinkSync(base, join(root, 'up'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveRequestPath', () => {
  it.each([
    ['/', 'index.html', 'text/html; charset=utf-8'],
    ['/index.html?x=1', 'index.html', 'text/html; charset=utf-8'],
    ['/tags/peru.html', 'tags/peru.html', 'text/html; charset=utf-8'],
    ['/a.pdf', 'a.pdf', 'application/pdf'],
    ['/feed.xml', 'feed.xml', 'application/atom+xml; charset=utf-8'],
    ['/sitemap.xml', 'sitemap.xml', 'application/xml; charset=utf-8'],
  ])('serves %s', async (path, file, type) => {
    expect(await resolveRequestPath(root, path)).toEqual({ ok: true, path: join(root, file), type });
  });

  it.each([
    '/../secret.txt',
    '/tags/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/tags%2f..%2f..%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/tags\\..\\..\\secret.txt',
    '/index.html%00.txt',
    '/index.html\0',
    '/%c0%ae%c0%ae/secret.txt',
    `${base}/secret.txt`,
    '//etc/passwd',
    '/etc/passwd',
    'http://127.0.0.1/../secret.txt',
    '/link.txt',
    '/up/secret.txt',
    '/./index.html',
    '/tags/./../../secret.txt',
    '/%',
  ])('refuses %s', async (path) => {
    const result = await resolveRequestPath(root, path);
    expect(result.ok).toBe(false);
  });
});
