/**
 * The list of formats is the one place a format is declared: an entry added to it appears in
 * the CLI's --format choices and help, in the config schema, and in the preview's routes and
 * content types, with nothing else edited.
 */
import type { CommandUnknownOpts as Command, Option } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/main.js';
import { configSchema, configSchemaFor } from '../../src/config/schema.js';
import { configDefaults } from '../../src/config/defaults.js';
import { contentTypes, onRequestRoute } from '../../src/preview/files.js';
import { DEFAULT_FORMATS, FORMATS, type FormatSpec } from '../../src/render/formats.js';

const ODT: FormatSpec = {
  id: 'odt',
  extension: 'odt',
  contentType: 'application/vnd.oasis.opendocument.text',
  label: 'OpenDocument',
  byDefault: false,
  preview: 'on-request',
  load: async () => () => new Uint8Array(),
};

function formatOption(program: Command): Option {
  const build = program.commands.find((command) => command.name() === 'build')!;
  return build.options.find((option) => option.long === '--format')!;
}

/** Parses --format's value as Commander would; a bad value throws Commander's error. */
function parseFormats(program: Command, value: string): unknown {
  const option = formatOption(program);
  return option.parseArg!(value, undefined);
}

describe('the list of formats', () => {
  it('gives the CLI its --format choices and help', () => {
    const real = createProgram(() => undefined);
    expect(parseFormats(real, 'html,DOCX')).toEqual(['html', 'docx']);
    expect(() => parseFormats(real, 'odt')).toThrow(/comma-separated list of: html, pdf, md, json, docx$/);
    expect(formatOption(real).description).toContain('(default: html, pdf, md, json,');

    const extended = createProgram(() => undefined, [...FORMATS, ODT]);
    expect(parseFormats(extended, 'odt,html')).toEqual(['odt', 'html']);
    expect(formatOption(extended).description).toContain('html, pdf, md, json, docx, odt');
  });

  it('gives the config schema its formats', () => {
    expect(configSchema.safeParse({ formats: ['docx'] }).success).toBe(true);
    expect(configSchema.safeParse({ formats: ['odt'] }).success).toBe(false);
    expect(configSchemaFor([...FORMATS, ODT]).safeParse({ formats: ['odt', 'pdf'] }).success).toBe(true);
  });

  it('gives the defaults: every format marked so, Word not among them', () => {
    expect(DEFAULT_FORMATS).toEqual(['html', 'pdf', 'md', 'json']);
    expect(configDefaults('/').formats).toEqual(DEFAULT_FORMATS);
  });

  it('gives the preview its routes built on request and its content types', () => {
    const real = onRequestRoute(FORMATS);
    expect(['/a.pdf', '/a.md', '/a.json', '/a.docx', '/feed.xml'].filter((path) => real.test(path))).toHaveLength(5);
    expect(real.test('/a.html')).toBe(false);
    expect(real.test('/a.odt')).toBe(false);
    // The search index's JSON is made with the pages: a reader's first search waits for no PDF.
    expect(['/pagefind/pagefind-entry.json', '/schema/briefing.schema.json'].filter((path) => real.test(path))).toEqual([]);
    expect(contentTypes(FORMATS)['.docx']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    expect(onRequestRoute([...FORMATS, ODT]).test('/a.odt')).toBe(true);
    expect(contentTypes([...FORMATS, ODT])['.odt']).toBe(ODT.contentType);
    expect(contentTypes(FORMATS)['.odt']).toBeUndefined();
  });

  it('loads each format’s renderer on demand', async () => {
    for (const format of FORMATS) expect(typeof (await format.load()), format.id).toBe('function');
  });
});
