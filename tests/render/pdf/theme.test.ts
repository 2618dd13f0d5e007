import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OWN_FONTS_DIR, type TemplateError } from '../../../src/compose/template-files.js';
import { loadFont } from '../../../src/render/pdf/fonts.js';
import { loadTheme } from '../../../src/render/pdf/theme.js';

const dir = mkdtempSync(join(tmpdir(), 'phrg-brief-theme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadTheme', () => {
  it('resolves the default fonts to phrg-brief’s own copies in lib/fonts', () => {
    const theme = loadTheme();
    expect(theme.pageSize).toBe('A4');
    expect(theme.fonts.regular).toBe(join(OWN_FONTS_DIR, 'SourceSerif4_400Regular.ttf'));
    expect(theme.fonts.boldItalic).toBe(join(OWN_FONTS_DIR, 'SourceSerif4_700Bold_Italic.ttf'));
    expect(existsSync(theme.fonts.boldItalic)).toBe(true);
  });

  it('still reads a theme that names the faces by the font package’s paths', () => {
    const folder = mkdtempSync(join(dir, 'package-paths-'));
    writeFileSync(join(folder, 'pdf-theme.yaml'), 'fonts:\n  bold: "@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf"\n');
    expect(loadTheme(folder).fonts.bold).toMatch(/SourceSerif4_700Bold\.ttf$/);
  });

  it('names phrg-brief’s fonts when a file name alone is not one of them', () => {
    const folder = mkdtempSync(join(dir, 'bare-'));
    writeFileSync(join(folder, 'pdf-theme.yaml'), 'fonts:\n  regular: Garamond.ttf\n');
    expect(() => loadTheme(folder)).toThrow(
      /Garamond\.ttf is not one of phrg-brief's fonts \(SourceSerif4_400Regular\.ttf, .*\); start a path of your own with \.\//,
    );
  });

  it('places a mistake in a project’s theme where it is: a bracket never closed where it opened, a value out of bounds at the value', () => {
    const error = (text: string): [string, number | undefined, number | undefined] => {
      const folder = mkdtempSync(join(dir, 'broken-'));
      writeFileSync(join(folder, 'pdf-theme.yaml'), text);
      try {
        loadTheme(folder);
      } catch (thrown) {
        const { message, line, column } = thrown as TemplateError;
        return [message, line, column];
      }
      throw new Error('the theme loaded');
    };
    expect(error('sizes: { body: 11 }\nlineHeight: [1.42   # times the font size\ncolors: { text: "#1b1b1b" }\n')).toEqual([
      'the bracket [ opened here is never closed',
      2,
      13,
    ]);
    expect(error('sizes: { body: 11 }\nlineHeight: 9\n')).toEqual(['lineHeight must be at most 3', 2, 13]);
    expect(error('pageSize: A5\n')).toEqual(['pageSize must be one of A4 or Letter, found "A5"', 1, 11]);
    // A type size that prints nothing, or a page a word.
    expect(error('sizes: { body: 0 }\n')).toEqual(['sizes.body must be at least 4', 1, 16]);
    expect(error('docx:\n  sizes: { h1: 200 }\n')).toEqual(['docx.sizes.h1 must be at most 72', 2, 16]);
    // Margins that each may be, but together leave the text no room (they set it a letter a line, on pages without end).
    expect(error('margins: { top: 72, bottom: 72, left: 300, right: 300 }\n')).toEqual([
      "margins.left and margins.right leave 0 of the A4 page's 595 points across for the text: leave at least 144",
      1,
      39,
    ]);
    expect(error('pageSize: Letter\nmargins: { top: 400, bottom: 300 }\n')).toEqual([
      "margins.top and margins.bottom leave 92 of the Letter page's 792 points down for the text: leave at least 144",
      2,
      17,
    ]);
  });

  it('names a font file that is not one to embed where the theme names it, before any record is rendered', () => {
    const folder = mkdtempSync(join(dir, 'fonts-'));
    writeFileSync(join(folder, 'Bad.ttf'), 'x\n');
    writeFileSync(join(folder, 'web.woff2'), 'wOF2 and the rest');
    const place = (face: string, file: string): unknown => {
      writeFileSync(join(folder, 'pdf-theme.yaml'), `sizes: { body: 11 }\nfonts:\n  ${face}: ${file}\n`);
      try {
        loadTheme(folder);
      } catch (thrown) {
        const { message, line, column } = thrown as TemplateError;
        return [message, line, column];
      }
      return 'loaded';
    };
    expect(place('regular', './Bad.ttf')).toEqual(['fonts.regular: ./Bad.ttf is not a TrueType or OpenType font file', 3, 12]);
    expect(place('bold', './web.woff2')).toEqual([
      'fonts.bold: ./web.woff2 is a WOFF file, for web pages, which cannot be embedded in a PDF reliably: use its .ttf or .otf',
      3,
      9,
    ]);
    expect(place('italic', 'Garamond.ttf')).toEqual([expect.stringMatching(/^fonts\.italic: Garamond\.ttf is not one of phrg-brief's fonts/), 3, 11]);
    // A package's file is looked at alike.
    expect(place('regular', '"@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2"')).toEqual([
      expect.stringMatching(/^fonts\.regular: @fontsource\/.*\.woff2 is a WOFF file/),
      3,
      12,
    ]);
    writeFileSync(join(folder, 'Own.ttf'), readFileSync(loadTheme().fonts.regular));
    expect(place('regular', './Own.ttf')).toBe('loaded');
  });

  it('lets a project theme override single keys, and the config the page size', () => {
    const folder = mkdtempSync(join(dir, 'templates-'));
    writeFileSync(join(folder, 'pdf-theme.yaml'), 'sizes: { body: 12 }\ncolors: { heading: "#003366" }\n');
    const theme = loadTheme(folder, 'Letter');
    expect(theme.sizes.body).toBe(12);
    expect(theme.sizes.h1).toBe(loadTheme().sizes.h1);
    expect(theme.colors.heading).toBe('#003366');
    expect(theme.pageSize).toBe('Letter');
  });

  it('names the file and key of a bad theme', () => {
    const folder = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(join(folder, 'pdf-theme.yaml'), 'colors: { text: red }\n');
    expect(() => loadTheme(folder)).toThrow(/colors\.text must be a colour/);
  });
});

describe('loadFont', () => {
  it('refuses WOFF2, which the subsetter cannot embed', () => {
    expect(() => loadFont(join(dir, 'font.woff2'))).toThrow(/WOFF and WOFF2/);
  });

  it('parses a font file once per process', () => {
    const path = loadTheme().fonts.regular;
    expect(loadFont(path)).toBe(loadFont(path));
  });
});
