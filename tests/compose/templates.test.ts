/** Templates of the project's own (compose/templates.ts): a broken partial is reported against its own file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeBriefing } from '../../src/compose/briefing.js';
import { TemplateError } from '../../src/compose/template-files.js';
import { clearTemplateCache, loadTemplates } from '../../src/compose/templates.js';
import { loadRecordText } from '../../src/load/record.js';
import { validateRecord } from '../../src/validate/record.js';
import { checkPaths } from '../../src/cli/check.js';
import { clearThemeCache } from '../../src/render/pdf/theme.js';
import { collectOutput } from '../../src/cli/output.js';
import { REPO, tempProject } from '../helpers/cli.js';

const EXAMPLE = join(REPO, 'meetings', '2016-11-07-peru.md');
const meeting = validateRecord(loadRecordText(readFileSync(EXAMPLE, 'utf8'), EXAMPLE).record!).meeting!;

const project = tempProject();
afterAll(() => {
  project.remove();
  clearTemplateCache();
});

/** The error the briefing template throws with `partials/person.hbs` as given. */
function errorWith(person: string): TemplateError {
  const dir = project.path(`templates-${Math.random().toString(36).slice(2)}`);
  project.write(`${dir.slice(project.dir.length + 1)}/partials/person.hbs`, person);
  try {
    composeBriefing(meeting, loadTemplates(dir));
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('the template did not fail');
}

describe('a broken partial', () => {
  it('is named as the file at fault, not the template that included it', () => {
    const error = errorWith('{{name}}\n{{name\n');
    expect(error.file).toMatch(/partials[\\/]person\.hbs$/);
    expect([error.message, error.line]).toEqual(['the file ends inside a {{…}}: a "}}" is missing', 2]);
  });

  it('that includes itself is said to, rather than the stack’s overflow', () => {
    const error = errorWith('{{name}} {{> person}}');
    expect(error.file).toMatch(/partials[\\/]person\.hbs$/);
    expect(error.message).toBe('the templates include one another without end: a partial that includes itself, at once or through another ({{> name}})');
  });
});

describe('a template that gives nothing', () => {
  it('is an error at its file, a page’s or the briefing’s, where a partial may give nothing', () => {
    const dir = project.path('templates-empty');
    project.write('templates-empty/briefing.hbs', '{{!-- TODO --}}\n');
    project.write('templates-empty/partials/person.hbs', '{{#if onBehalfOf}}{{name}}{{/if}}');
    const thrown = (() => {
      try {
        composeBriefing(meeting, loadTemplates(dir));
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(TemplateError);
    expect([(thrown as TemplateError).file, (thrown as TemplateError).message]).toEqual([
      join(dir, 'briefing.hbs'),
      'gives nothing: what it makes would be published empty',
    ]);
    // The default briefing with that partial gives the rest of the briefing.
    project.write('templates-partial/partials/person.hbs', '{{#if onBehalfOf}}{{name}}{{/if}}');
    expect(composeBriefing(meeting, loadTemplates(project.path('templates-partial'))).article).toContain('The main points made were as follows');
  });
});

describe('a helper given what it cannot use', () => {
  it('is a template error saying what it was given, where it printed 1/1/NaN or "a [object Object]"', () => {
    const said = (briefing: string): string => {
      const dir = project.path(`templates-${Math.random().toString(36).slice(2)}`);
      project.write(`${dir.slice(project.dir.length + 1)}/briefing.hbs`, briefing);
      try {
        composeBriefing(meeting, loadTemplates(dir));
      } catch (error) {
        if (error instanceof TemplateError) return error.message;
        throw error;
      }
      return 'rendered';
    };
    expect(said('{{shortDate title}}')).toBe('shortDate needs a date written YYYY-MM-DD (such as date), not "Peru – The Negative Impacts of the Activ…"');
    expect(said('{{fullDate topic}}')).toMatch(/^fullDate needs a date written YYYY-MM-DD \(such as date\), not "Indigenous/);
    expect(said('{{fullDate updated}}')).toBe(
      'fullDate needs a date written YYYY-MM-DD (such as date), not nothing (a field the record does not give, or none named)',
    );
    expect(said('{{withArticle}}')).toBe('withArticle needs a word (such as kind), not nothing (a field the record does not give, or none named)');
    expect(said('{{joinList date}}')).toBe('joinList needs a list (such as hosts), not "2016-11-07"');
    // What the default templates give them still renders, a list the record leaves out among it.
    expect(said('{{shortDate date}} {{longDate date}} {{withArticle kind}} {{joinList partners}}')).toBe('rendered');
  });
});

describe('a broken template', () => {
  /** The error reading a set whose partials/person.hbs is `person`, when the set is loaded. */
  const loadError = (person: string): TemplateError => {
    try {
      errorWith(person);
    } catch (error) {
      if (error instanceof TemplateError) return error;
    }
    return errorWith(person);
  };

  it('is reported when it is read, at the block left open, not at the end of the file', () => {
    const error = loadError('{{name}}\n{{#if role}}, {{role}}\n\nmore\n');
    expect([error.message, error.line, error.column]).toEqual(['the block {{#if}} is never closed: the file ends before its {{/if}}', 2, 1]);
  });

  it('is reported at a {{…}} left unclosed or cut short, in words, not the parser’s tokens at the line’s start', () => {
    const placed = (person: string) => {
      const error = loadError(person);
      return [error.message, error.line, error.column];
    };
    const unclosed = 'this {{…}} cannot be read: a "}}" is missing, or something in it is out of place';
    expect(placed('<span>\n<b>{{name}</b>\n')).toEqual([unclosed, 2, 4]);
    expect(placed('<span>\n<b>{{site.title</b>\n')).toEqual([unclosed, 2, 4]);
    // Far along a long line, past the 20 characters the parser shows.
    expect(placed('x\nsome long text before it all, and more: {{#if role}}y{{/if}\n')).toEqual([unclosed, 2, 54]);
  });

  it('is reported at a block closed by the wrong name', () => {
    const error = loadError('{{#if role}}{{role}}{{/each}}');
    expect([error.message, error.line, error.column]).toEqual(['{{/each}} closes the block {{#if}} opened here', 1, 1]);
  });

  it('is reported at a helper there is none of, and not for a value, a partial or a built-in helper', () => {
    const error = loadError('{{name}}\n  {{shortDat date}} {{joinList (lookup . "x")}}');
    expect([error.message, error.line, error.column]).toEqual(['there is no helper called shortDat', 2, 3]);
    expect(errorWith('{{name}} {{> person}}').message).toContain('include one another'); // read without complaint
    expect(loadError('{{#each tags}}{{this}}{{/each}} {{uppercase name}}').message).toBe('there is no helper called uppercase');
  });

  it('is reported at a partial there is none of, and not for a partial block, which has its own fallback', () => {
    const error = loadError('{{name}}\n  {{> persn}}');
    expect([error.message, error.line, error.column]).toEqual([
      'there is no partial called persn (there are briefing-facts, briefing-list, person, site-footer, site-header)',
      2,
      3,
    ]);
    expect(errorWith('{{#> missing}}{{name}}{{/missing}} {{> person}}').message).toContain('include one another'); // read without complaint
    // A partial the template defines itself, and the block a partial called as one is given.
    expect(errorWith('{{#*inline "mine"}}{{name}}{{/inline}}{{> mine}} {{> person}}').message).toContain('include one another');
    const dir = project.path('templates-frame');
    project.write('templates-frame/partials/frame.hbs', '<b>{{> @partial-block}}</b>');
    expect(() => loadTemplates(dir)).not.toThrow();
  });
});

describe('check', () => {
  it('reports a project’s PDF theme with a value out of bounds or a font that is not there, as the build would', async () => {
    const own = tempProject({ withExample: true });
    try {
      own.write('phrg-brief.yaml', 'templates: mine\n');
      const problems = async (theme: string): Promise<unknown> => {
        own.write('mine/pdf-theme.yaml', theme);
        clearThemeCache();
        const out = collectOutput();
        expect(await checkPaths(['meetings'], own.dir, { reporter: 'json' }, out)).toBe(1);
        return JSON.parse(out.printed.stdout);
      };
      expect(await problems('lineHeight: 5\n')).toEqual([
        expect.objectContaining({ file: join('mine', 'pdf-theme.yaml'), line: 1, column: 13, rule: 'template', message: 'lineHeight must be at most 3' }),
      ]);
      expect(await problems('page-size: A4\n')).toEqual([
        expect.objectContaining({ line: 1, column: 1, message: 'unknown key page-size: did you mean pageSize?' }),
      ]);
      expect(await problems('margins:\n  topp: 10\n')).toEqual([
        expect.objectContaining({ line: 2, column: 3, message: 'unknown key topp in margins: did you mean top?' }),
      ]);
      expect(await problems('fonts:\n  regular: ./nofont.ttf\n')).toEqual([
        expect.objectContaining({
          file: join('mine', 'pdf-theme.yaml'),
          line: 2,
          column: 12,
          message: expect.stringMatching(/^fonts\.regular: there is no file \.\/nofont\.ttf/),
        }),
      ]);
    } finally {
      own.remove();
      clearThemeCache();
    }
  });

  it('reports a project’s broken template, as the build would', async () => {
    const own = tempProject({ withExample: true });
    try {
      own.write('phrg-brief.yaml', 'templates: mine\n');
      own.write(
        'mine/briefing.hbs',
        readFileSync(join(REPO, 'templates', 'default', 'briefing.hbs'), 'utf8').replace('{{shortDate date}}', '{{shortDat date}}'),
      );
      const out = collectOutput();
      expect(await checkPaths(['meetings'], own.dir, { reporter: 'json' }, out)).toBe(1);
      expect(JSON.parse(out.printed.stdout)).toEqual([
        expect.objectContaining({ file: join('mine', 'briefing.hbs'), rule: 'template', message: 'there is no helper called shortDat' }),
      ]);
    } finally {
      own.remove();
    }
  });
});
