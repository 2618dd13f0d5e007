/**
 * TEMPLATE_FIELDS against what a build hands the templates: every template of a project made
 * to print the names of all its data, at every depth, over records of every kind.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/compose/template-files.js';
import { TEMPLATE_FIELDS } from '../../src/compose/template-fields.js';
import { loadTemplates } from '../../src/compose/templates.js';
import { FIXTURES, tempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';

const project = tempProject({ withExample: true });
afterAll(() => project.remove());

/** A point nested under another, a person on behalf of another, a footnote: fields only such records have. */
const NESTED = `---
title: Nested
date: 2024-03-01
updated: 2024-03-05
hosts: [the Parliamentary Human Rights Group (PHRG)]
partners: [Amnesty International UK]
topic: Defenders
chathamHouse: true
tags: [Peru]
speakers:
  - key: AB
    name: Ana Bravo
    role: Director
    onBehalfOf: the Centre
  - key: CD
    note: a defender who cannot be named
---

- The government has failed:[^n] (AB + CD)
  - to protect defenders. (AB)

[^n]: As reported.
`;

describe('the fields phrg-brief gives its templates', () => {
  it('are all in TEMPLATE_FIELDS, for every template and record of every kind', async () => {
    for (const folder of ['ok', 'site']) cpSync(join(FIXTURES, 'records', folder), project.path('meetings'), { recursive: true });
    project.write('meetings/2024-03-01-nested.md', NESTED);
    const dump = '[{{#each this}}<{{@key}}> {{> dump}}{{/each}}]';
    for (const name of ['briefing', 'index', 'tag', 'people', 'person-page', 'feed']) project.write(`templates/${name}.hbs`, '{{> dump}}\n');
    // The page around each prints its own data, and the template's within it.
    project.write('templates/page.hbs', '{{> dump}} {{{article}}}\n');
    project.write('templates/partials/dump.hbs', dump);
    project.write('phrg-brief.yaml', 'templates: templates\nsite:\n  baseUrl: https://example.org/briefings\n');
    const built = await buildHere(project.dir, { formats: ['html', 'pdf', 'md', 'json', 'docx'] });
    expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
    const printed = readdirSync(project.path('dist'), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(html|xml)$/.test(name) && !name.startsWith('pagefind'))
      .map((name) => readFileSync(project.path('dist', name), 'utf8'))
      .join('\n');
    const given = new Set([...printed.matchAll(/<([A-Za-z]\w*)>/g)].map((match) => match[1]!));
    // Enough to be sure the names were printed: those of the briefing, the page, the archive, a person, the feed.
    expect([...given]).toEqual(expect.arrayContaining(['bodyHtml', 'downloads', 'years', 'appearances', 'points', 'lead', 'onBehalfOf', 'entries']));
    // Tags the pages' own HTML carries (<p>, <li>…) are not the dump's: only names the dump printed count.
    const fields = [...given].filter((name) => printed.includes(`<${name}> `) && !/^(a|p|li|ul|ol|em|sup|section|h2|abbr|span|strong|div|table)$/.test(name));
    expect(fields.filter((name) => !TEMPLATE_FIELDS.has(name))).toEqual([]);
  }, 120_000);
});

describe('a name a template reads', () => {
  const loadError = (briefing: string, partials: Record<string, string> = {}): string | undefined => {
    const dir = project.path(`templates-${Math.random().toString(36).slice(2)}`);
    project.write(`${dir.slice(project.dir.length + 1)}/briefing.hbs`, briefing);
    for (const [name, text] of Object.entries(partials)) project.write(`${dir.slice(project.dir.length + 1)}/partials/${name}.hbs`, text);
    try {
      loadTemplates(dir);
    } catch (error) {
      if (error instanceof TemplateError) return `${error.line}:${error.column} ${error.message}`;
      throw error;
    }
    return undefined;
  };

  it('is refused, with the field it is likely meant for, when phrg-brief gives no such field', () => {
    expect(loadError('<h1>{{titel}}</h1>')).toBe('1:7 there is no field called titel: did you mean title?');
    expect(loadError('{{#each speakrs}}{{name}}{{/each}}')).toBe('1:9 there is no field called speakrs: did you mean speakers?');
    expect(loadError('{{title}}\n{{shortDate (lookup site "x") dat}}')).toBe('2:31 there is no field called dat: did you mean date?');
  });

  it('printed unescaped ({{{…}}}) is refused unless phrg-brief made it HTML, as a record’s words would run as HTML', () => {
    expect(loadError('<h1>{{{title}}}</h1>')).toBe(
      "1:5 {{{title}}} prints a record's words as HTML, unescaped: a < or & in them would break the page, or run a script there; write {{…}} (only article, bodyHtml, introHtml, html, jsonLd, styles are HTML)",
    );
    expect(loadError('{{{capitalise topic}}}')).toMatch(/^1:1 \{\{\{capitalise …\}\}\} prints a record's words as HTML/);
    expect(loadError('{{{bodyHtml}}} {{#each speakers as |who|}}{{who.name}}{{/each}}')).toBeUndefined();
  });

  it('is taken when the template gives it itself: a block’s names, a partial’s, a data variable, a helper', () => {
    expect(
      loadError('{{#each speakers as |who|}}{{who.name}} {{@index}}{{/each}} {{> mine first=true}} {{shortDate date}}', {
        mine: '{{#if first}}{{title}}{{/if}}',
      }),
    ).toBeUndefined();
    // A partial's names given after a value with braces in it.
    expect(loadError('{{> fig note="see {above}" caption=title}}', { fig: '{{caption}} {{note}}' })).toBeUndefined();
  });
});
