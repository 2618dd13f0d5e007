import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
