import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { MAX_YAML_NESTING } from '../../src/load/yaml-limits.js';
import { tempProject } from '../helpers/cli.js';

const project = tempProject();
afterAll(() => project.remove());

describe('a config nested past the bound', () => {
  it('is refused where it passes it, by its own name, before the YAML is composed', async () => {
    project.write('phrg-brief.yaml', `abbreviations:\n  ${'- '.repeat(50_000)}x\n`);
    const dashes = await loadConfig(project.dir);
    expect(dashes.config).toBeUndefined();
    expect(dashes.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'too-complex',
        line: 2,
        column: 3 + 2 * MAX_YAML_NESTING,
        message: `phrg-brief.yaml nests lists and mappings more than ${MAX_YAML_NESTING} deep here: phrg-brief reads no further`,
      }),
    ]);

    // Given with --config: named as given. The mapping is one level, so the 32nd bracket passes.
    project.write('other.yaml', `abbreviations: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const brackets = await loadConfig(project.dir, project.path('other.yaml'));
    expect(brackets.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'too-complex',
        line: 1,
        column: 'abbreviations: '.length + MAX_YAML_NESTING,
        message: expect.stringMatching(/^other\.yaml nests/),
      }),
    ]);
  });
});

describe('site.baseUrl', () => {
  it('is the address of a folder: http(s), without a space, a query or a fragment, which would stand inside every link', async () => {
    const at = async (url: string) => {
      project.write('phrg-brief.yaml', `site:\n  baseUrl: ${JSON.stringify(url)}\n`);
      return (await loadConfig(project.dir)).diagnostics.map((d) => `${d.rule} ${d.line}:${d.column} ${d.message}`);
    };
    for (const good of ['https://example.org/briefings', 'https://example.org/briefings/', 'http://localhost:8080']) expect(await at(good), good).toEqual([]);
    for (const bad of ['https://example.org/?q=1', 'https://example.org/#top', 'https://example.org/a b']) {
      expect(await at(bad), bad).toEqual([
        'schema 2:12 baseUrl must be the address of a folder, without a space, ? or #, such as https://example.org/briefings',
      ]);
    }
    expect(await at('example.org')).toEqual(['schema 2:12 baseUrl must be an http(s) address such as https://example.org/briefings']);
    // A page's address made every page's `…/index.html/<page>`; a folder whose name has a dot is one.
    expect(await at('https://owner.github.io/briefings/index.html')).toEqual([
      'schema 2:12 baseUrl must be the address of the folder the site is in, not of a page (index.html), such as https://example.org/briefings',
    ]);
    expect(await at('https://example.org/v1.2/briefings')).toEqual([]);
  });
});

describe('a config saved under another name', () => {
  it('is said not to be read, and the defaults are used', async () => {
    const other = tempProject();
    try {
      other.write('phrg-brief.yml', 'site:\n  title: Our Group\n');
      const loaded = await loadConfig(other.dir);
      expect(loaded.config?.site.title).not.toBe('Our Group');
      expect(loaded.diagnostics).toEqual([
        expect.objectContaining({ file: 'phrg-brief.yml', severity: 'warning', rule: 'skipped-file', note: 'rename it to phrg-brief.yaml' }),
      ]);
    } finally {
      other.remove();
    }
  });
});

describe('a list that must not be empty', () => {
  it('says so in words, not in zod’s', async () => {
    project.write('phrg-brief.yaml', 'formats: []\n');
    expect((await loadConfig(project.dir)).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['1:10 formats must list at least 1 item']);
  });
});

describe('site.lang', () => {
  it('is a language tag, as a record’s lang is: it stands in every page’s lang attribute', async () => {
    const at = async (lang: string) => {
      project.write('phrg-brief.yaml', `site:\n  lang: ${JSON.stringify(lang)}\n`);
      return (await loadConfig(project.dir)).diagnostics.map((d) => `${d.rule} ${d.line}:${d.column} ${d.message}`);
    };
    for (const good of ['en-GB', 'cy', 'es-419']) expect(await at(good), good).toEqual([]);
    for (const bad of ['English (UK)', 'en_GB']) expect(await at(bad), bad).toEqual(['schema 2:9 lang must be a language tag such as en-GB or es']);
  });
});

describe('a value that must be one of a few', () => {
  it('names the choices in words, with what was found', async () => {
    project.write('phrg-brief.yaml', 'pdf:\n  pageSize: A5\nformats: [html, odt]\n');
    expect((await loadConfig(project.dir)).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '2:13 pageSize must be one of A4 or Letter, found "A5"',
      '3:17 format 2 must be one of html, pdf, md, json or docx, found "odt"',
    ]);
  });
});

describe('a key of the PDF theme', () => {
  it('is said to belong in the templates’ pdf-theme.yaml, where a project first tries it here', async () => {
    project.write('phrg-brief.yaml', 'theme:\n  margins: { left: 50 }\nmargins: { top: 60 }\nsite:\n  titel: Group\n');
    const said = (await loadConfig(project.dir)).diagnostics.sort((a, b) => a.line - b.line).map((d) => [d.line, d.message, d.note]);
    const note =
      "the PDF and Word briefings' look (page, margins, fonts, sizes, colours) is the templates' pdf-theme.yaml: `phrg-brief templates eject pdf-theme.yaml` copies it into the project to change";
    expect(said).toEqual([
      [1, 'unknown key theme', note],
      [3, 'unknown key margins', note],
      [5, 'unknown key titel in site', 'did you mean title?'],
    ]);
  });
});
