/**
 * The PDF's fonts: four faces of one family, read from files and parsed by fontkit once per
 * process (pdfkit accepts a parsed font), then embedded and subset into each document.
 * Only TrueType/OpenType files are accepted: fontkit's subsetter fails on WOFF2 at `doc.end()`.
 */
import { readFileSync, statSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { errorMessage } from '../../diagnostics/error-message.js';

export type Face = 'regular' | 'italic' | 'bold' | 'boldItalic';
export const FACES: readonly Face[] = ['regular', 'italic', 'bold', 'boldItalic'];

export type FontSet = Readonly<Record<Face, fontkit.Font>>;

const parsed = new Map<string, fontkit.Font>();

export class FontError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export function loadFont(path: string): fontkit.Font {
  // Keyed by the file's size and time too: a process that keeps running (preview, build
  // --watch) reads a font file replaced under the same name afresh.
  const stat = statSync(path, { throwIfNoEntry: false });
  const key = `${path}\u0000${stat?.size}\u0000${stat?.mtimeMs}`;
  const cached = parsed.get(key);
  if (cached) return cached;
  if (/\.woff2?$/i.test(path)) throw new FontError(path, 'WOFF and WOFF2 files cannot be embedded reliably: use a .ttf or .otf file');
  let font: fontkit.Font;
  try {
    const created = fontkit.create(readFileSync(path));
    if (!('layout' in created)) throw new Error('a font collection: name one font file');
    font = created;
  } catch (error) {
    throw new FontError(path, `cannot read the font: ${errorMessage(error)}`);
  }
  for (const earlier of parsed.keys()) if (earlier.startsWith(`${path}\u0000`)) parsed.delete(earlier);
  glyphsWithTheirCharacters(font);
  parsed.set(key, font);
  return font;
}

/**
 * Makes the glyph of every character the font maps, with that character, before any document
 * uses the font. fontkit keeps the first glyph
 * object made for an id, and its subsetter makes a composite glyph's parts with no characters
 * ("Z" as a part of "Ž", say): a later document's ToUnicode map then gave that glyph no text,
 * so what pdftotext or a screen reader got depended on which records the process had
 * rendered before, and a build on two threads differed from run to run. A ligature's glyph
 * ("ﬂ") stands for its letters, as the shaper would have made it from "fl". Where characters
 * share a glyph, it stands for the likelier in a briefing: ASCII first (the space, not the
 * no-break space), then general punctuation (’, not the modifier letter ʼ), then the lowest.
 */
function glyphsWithTheirCharacters(font: fontkit.Font): void {
  const rank = (codePoint: number): number => (codePoint < 0x80 ? 0 : codePoint >= 0x2000 && codePoint <= 0x206f ? 1 : 2);
  for (const codePoint of [...font.characterSet].sort((a, b) => rank(a) - rank(b) || a - b)) {
    const glyph = font.glyphForCodePoint(codePoint);
    if (codePoint >= 0xfb00 && codePoint <= 0xfb06)
      glyph.codePoints = [...String.fromCodePoint(codePoint).normalize('NFKD')].map((char) => char.codePointAt(0)!);
  }
}

export function loadFontSet(paths: Readonly<Record<Face, string>>): FontSet {
  return {
    regular: loadFont(paths.regular),
    italic: loadFont(paths.italic),
    bold: loadFont(paths.bold),
    boldItalic: loadFont(paths.boldItalic),
  };
}

export function faceOf(bold: boolean, italic: boolean): Face {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

/** Characters of `text` that `font` has no glyph for (white space aside). */
export function missingCharacters(font: fontkit.Font, text: string): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    if (/\s/.test(char)) continue;
    if (!font.hasGlyphForCodePoint(char.codePointAt(0)!)) missing.add(char);
  }
  return [...missing];
}

const widthCache = new WeakMap<fontkit.Font, { unitsPerEm: number; widths: Map<string, number> }>();

/**
 * The advance width of `text` in `font` at `size` points. Shaping is the costliest step of
 * layout and briefings repeat their words, so widths are kept per font for the process.
 */
export function textWidth(font: fontkit.Font, text: string, size: number, features?: readonly string[]): number {
  let cache = widthCache.get(font);
  if (!cache) {
    cache = { unitsPerEm: font.unitsPerEm, widths: new Map() };
    widthCache.set(font, cache);
  }
  const key = features ? `${features.join(',')}\u0000${text}` : text;
  let units = cache.widths.get(key);
  if (units === undefined) {
    units = (features ? font.layout(text, [...features]) : font.layout(text)).advanceWidth;
    if (cache.widths.size > 200_000) cache.widths.clear(); // bound memory over very large archives
    cache.widths.set(key, units);
  }
  return (units * size) / cache.unitsPerEm;
}

/** Characters set in a face: ASCII in a table (most text, at no cost in strings), the rest in a set. */
export interface SeenCharacters {
  ascii: Uint8Array;
  other: Set<string>;
}

export const seenCharacters = (): SeenCharacters => ({ ascii: new Uint8Array(128), other: new Set() });

export function noteCharacters(seen: SeenCharacters, text: string): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      seen.ascii[code] = 1;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (char.length === 2) i++;
    seen.other.add(char);
  }
}

export function charactersSeen(seen: SeenCharacters): string {
  let text = '';
  seen.ascii.forEach((flag, code) => (text += flag ? String.fromCharCode(code) : ''));
  return text + [...seen.other].join('');
}

/** The OpenType features a run is set with: a superscript's figures are the font's own (`sups`). */
export const runFeatures = (run: { superscript?: boolean }): string[] | undefined => (run.superscript ? ['sups'] : undefined);
