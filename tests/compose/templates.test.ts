/** Templates of the project's own (compose/templates.ts): a broken partial is reported against its own file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeBriefing } from '../../src/compose/briefing.js';
import { TemplateError } from '../../src/compose/template-files.js';
import { clearTemplateCache, loadTemplates } from '../../src/compose/templates.js';
import { loadRecordText } from '../../src/load/record.js';
import { validateRecord } from '../../src/validate/record.js';
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
  const templates = loadTemplates(dir);
  try {
    composeBriefing(meeting, templates);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('the template did not fail');
}

describe('a broken partial', () => {
  it('is named as the file at fault, not the template that included it', () => {
    const error = errorWith('{{name}}\n{{#each}}\n');
    expect(error.file).toMatch(/partials[\\/]person\.hbs$/);
    expect(error.message).toMatch(/^Parse error on line \d/);
  });

  it('that includes itself is said to, rather than the stack’s overflow', () => {
    const error = errorWith('{{name}} {{> person}}');
    expect(error.file).toMatch(/partials[\\/]person\.hbs$/);
    expect(error.message).toBe('the templates include one another without end: a partial that includes itself, at once or through another ({{> name}})');
  });
});
