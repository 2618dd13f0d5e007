/**
 * The PDF theme: page, fonts, sizes, colours and spacing. The default is
 * templates/default/pdf-theme.yaml; a project's templates folder may hold its own, whose keys
 * win over the default's one by one.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { closest } from '../../validate/suggest.js';
import { DEFAULT_TEMPLATES_DIR, OWN_FONTS_DIR, TemplateError } from '../../compose/template-files.js';
import { errorMessage } from '../../diagnostics/error-message.js';
import { unclosedOpener } from '../../validate/yaml-diagnostics.js';
import { describe, lowerFirst } from '../../validate/value-names.js';

export const THEME_FILE = 'pdf-theme.yaml';
export const PAGE_SIZES = ['A4', 'Letter'] as const;

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour such as #1b1b1b' });
const length = z.number().min(0).max(400);
/** A type size in points: one of 0 printed no text at all, one of 200 a page a word. */
const textSize = z.number().min(4).max(72);

const themeSchema = z.strictObject({
  pageSize: z.enum(PAGE_SIZES),
  margins: z.strictObject({ top: length, bottom: length, left: length, right: length }),
  fonts: z.strictObject({ regular: z.string(), italic: z.string(), bold: z.string(), boldItalic: z.string() }),
  sizes: z.strictObject({ body: textSize, h1: textSize, h2: textSize, h3: textSize, h4: textSize, table: textSize, running: z.number().min(0).max(72) }),
  lineHeight: z.number().min(1).max(3),
  colors: z.strictObject({ text: colour, heading: colour, muted: colour, rule: colour, link: colour }),
  spacing: z.strictObject({
    paragraph: length,
    heading: length,
    listItem: length,
    listIndent: length,
    blockquoteIndent: length,
    tableCellPadding: length,
  }),
  // One bullet, or one for each level of nesting (the last serves the levels below it).
  bullet: z.union([z.string().min(1).max(2), z.array(z.string().min(1).max(2)).min(1)]).transform((value) => (typeof value === 'string' ? [value] : value)),
  /** The Word briefing's fonts (by name) and sizes; the rest of the look is shared with the PDF. */
  docx: z.strictObject({
    font: z.string().min(1),
    codeFont: z.string().min(1),
    sizes: z.strictObject({ body: textSize, h1: textSize, h2: textSize, h3: textSize, h4: textSize, table: textSize }),
  }),
});

export type Theme = z.output<typeof themeSchema>;

const cache = new Map<string, Theme>();

/** Forgets loaded themes, for a preview whose theme file was just saved. */
export function clearThemeCache(): void {
  cache.clear();
}

/** The theme for a templates override folder (or none), with font paths made absolute. */
export function loadTheme(overrideDir?: string, pageSize?: (typeof PAGE_SIZES)[number]): Theme {
  const key = `${overrideDir ?? ''}\u0000${pageSize ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const defaultFile = join(DEFAULT_TEMPLATES_DIR, THEME_FILE);
  let merged = withFontsFrom(readYaml(defaultFile).value, defaultFile);
  const overrideFile = overrideDir ? join(overrideDir, THEME_FILE) : undefined;
  const override = overrideFile && existsSync(overrideFile) ? readYaml(overrideFile) : undefined;
  if (overrideFile && override) merged = deepMerge(merged, withFontsFrom(override.value, overrideFile));
  if (pageSize) merged = { ...merged, pageSize };

  const result = themeSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    // At the value in the project's theme, when it is there that the value was given.
    const node = override?.document.getIn(issue.path, true);
    const place = isNode(node) && node.range ? lineAndColumn(override!.text, node.range[0]) : undefined;
    if (issue.code === 'unrecognized_keys') {
      // At the first unknown key, with the known one it is likely meant for (`page-size`).
      const key = issue.keys[0]!;
      const keyNode = (node as { items?: { key: unknown }[] } | undefined)?.items?.find(
        (item) => isNode(item.key) && String((item.key as { value?: unknown }).value) === key,
      )?.key;
      const at = isNode(keyNode) && keyNode.range ? lineAndColumn(override!.text, keyNode.range[0]) : undefined;
      const known = Object.keys(shapeAt(issue.path));
      const meant = closest(key, known);
      const where = issue.path.length > 0 ? ` in ${issue.path.join('.')}` : '';
      throw new TemplateError(
        overrideFile ?? defaultFile,
        `unknown key ${key}${where}: ${meant ? `did you mean ${meant}?` : `known keys: ${known.join(', ')}`}`,
        at?.line,
        at?.column,
      );
    }
    const said =
      issue.code === 'too_big'
        ? `must be at most ${String(issue.maximum)}`
        : issue.code === 'too_small'
          ? `must be at least ${String(issue.minimum)}`
          : issue.code === 'invalid_value'
            ? `must be one of ${issue.values.map(String).join(' or ')}, found ${describe(issue.path.reduce<unknown>((at, step) => (at as Record<PropertyKey, unknown> | undefined)?.[step], merged))}`
            : issue.message;
    throw new TemplateError(overrideFile ?? defaultFile, `${issue.path.join('.')} ${said}`, place?.line, place?.column);
  }
  const cramped = crampedMargins(result.data);
  if (cramped) {
    // At the margin the project's theme gives, else at its page size (the margins are the default's).
    const given = cramped.sides.find((side) => isNode(override?.document.getIn(['margins', side], true)));
    const node = given ? override!.document.getIn(['margins', given], true) : undefined;
    const place = isNode(node) && node.range ? lineAndColumn(override!.text, node.range[0]) : undefined;
    throw new TemplateError(overrideFile && given ? overrideFile : (overrideFile ?? defaultFile), cramped.message, place?.line, place?.column);
  }
  cache.set(key, result.data);
  return result.data;
}

/** Each page size in points, as pdfkit sets it. */
const PAGE_POINTS = { A4: { width: 595.28, height: 841.89 }, Letter: { width: 612, height: 792 } } as const;
/** The least room the margins must leave for the text, each way: two inches. */
const LEAST_TEXT_ROOM = 144;

/**
 * Margins that leave the text less than LEAST_TEXT_ROOM across or down the page. Each may be
 * up to 400 points, and left and right of 300 each, wider than A4 together, set the text a
 * letter a line, on pages without end.
 */
function crampedMargins(theme: Theme): { message: string; sides: ('left' | 'right' | 'top' | 'bottom')[] } | undefined {
  const page = PAGE_POINTS[theme.pageSize];
  const { top, bottom, left, right } = theme.margins;
  const across = page.width - left - right;
  const down = page.height - top - bottom;
  const say = (a: string, b: string, room: number, length: number, way: string) =>
    `margins.${a} and margins.${b} leave ${Math.max(0, Math.round(room))} of the ${theme.pageSize} page's ${Math.round(length)} points ${way} for the text: leave at least ${LEAST_TEXT_ROOM}`;
  if (across < LEAST_TEXT_ROOM) return { message: say('left', 'right', across, page.width, 'across'), sides: ['left', 'right'] };
  if (down < LEAST_TEXT_ROOM) return { message: say('top', 'bottom', down, page.height, 'down'), sides: ['top', 'bottom'] };
  return undefined;
}

/** The keys the theme allows in the mapping at `path`. */
function shapeAt(path: readonly PropertyKey[]): Record<string, unknown> {
  let shape: Record<string, unknown> = themeSchema.shape;
  for (const step of path) {
    const inner = shape[String(step)] as { shape?: Record<string, unknown> } | undefined;
    if (!inner?.shape) return {};
    shape = inner.shape;
  }
  return shape;
}

function readYaml(file: string): { value: Record<string, unknown>; document: Document.Parsed; text: string } {
  const text = readFileSync(file, 'utf8');
  const document = parseDocument(text, { version: '1.2', schema: 'core' });
  const error = document.errors[0];
  if (error) {
    // As a record's front-matter is: a quote or bracket never closed is shown where it opened.
    const opener = unclosedOpener(document, error.pos[0]);
    const char = opener === undefined ? '' : text.charAt(opener);
    const message =
      opener === undefined
        ? lowerFirst(error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''))
        : `the ${char === '"' || char === "'" ? 'quote' : 'bracket'} ${char} opened here is never closed`;
    const { line, column } = lineAndColumn(text, opener ?? error.pos[0]);
    throw new TemplateError(file, message, line, column);
  }
  try {
    const value: unknown = document.toJS();
    return { value: value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}, document, text };
  } catch (error) {
    throw new TemplateError(file, errorMessage(error));
  }
}

/** Where `fonts.<face>` is written in a theme file, when it can be read. */
function placeOfFont(file: string, face: string): [number?, number?] {
  const text = readFileSync(file, 'utf8');
  const node = parseDocument(text).getIn(['fonts', face], true);
  if (!isNode(node) || !node.range) return [];
  const { line, column } = lineAndColumn(text, node.range[0]);
  return [line, column];
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/**
 * Font paths are resolved where they are written: a file name alone is one of phrg-brief's
 * own fonts (lib/fonts), a path starting with . or / is relative to the file, anything else
 * is a package path. Themes written when the fonts came from @expo-google-fonts/source-serif-4
 * still work for the faces phrg-brief ships without that package installed.
 */
function withFontsFrom(theme: Record<string, unknown>, file: string): Record<string, unknown> {
  const fonts = theme.fonts;
  if (fonts === null || typeof fonts !== 'object') return theme;
  const resolved: Record<string, unknown> = {};
  for (const [face, path] of Object.entries(fonts)) {
    resolved[face] = typeof path === 'string' ? resolveFont(path, file, face) : path;
  }
  return { ...theme, fonts: resolved };
}

function resolveFont(path: string, file: string, face: string): string {
  if (path.startsWith('.') || isAbsolute(path)) {
    const found = resolve(dirname(file), path);
    // Found missing here, once, at the theme: else every record's PDF fails alike.
    if (!existsSync(found)) throw new TemplateError(file, `fonts.${face}: there is no file ${path} (${found})`, ...placeOfFont(file, face));
    const unfit = unfitFont(found);
    if (unfit) throw new TemplateError(file, `fonts.${face}: ${path} ${unfit}`, ...placeOfFont(file, face));
    return found;
  }
  const own = join(OWN_FONTS_DIR, basename(path));
  if (!/[/\\]/.test(path)) {
    if (existsSync(own)) return own;
    throw new TemplateError(
      file,
      `fonts.${face}: ${path} is not one of phrg-brief's fonts (${ownFonts().join(', ')}); start a path of your own with ./`,
      ...placeOfFont(file, face),
    );
  }
  for (const from of [file, fileURLToPath(import.meta.url)]) {
    let found: string;
    try {
      found = createRequire(from).resolve(path);
    } catch {
      continue; // not installed there; try the next place
    }
    const unfit = unfitFont(found);
    if (unfit) throw new TemplateError(file, `fonts.${face}: ${path} ${unfit}`, ...placeOfFont(file, face));
    return found;
  }
  if (path.startsWith('@expo-google-fonts/source-serif-4/') && existsSync(own)) return own;
  throw new TemplateError(file, `fonts.${face}: cannot find ${path}`, ...placeOfFont(file, face));
}

/**
 * What is wrong with a font file, told by its first bytes, before any record is rendered with
 * it: a WOFF file (which fontkit cannot subset), a collection, or no font at all. Else every
 * record's PDF failed alike, each with an internal error.
 */
function unfitFont(path: string): string | undefined {
  const head = Buffer.alloc(4);
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return 'cannot be read';
  }
  const tag = head.toString('latin1');
  if (tag === 'wOFF' || tag === 'wOF2') return 'is a WOFF file, for web pages, which cannot be embedded in a PDF reliably: use its .ttf or .otf';
  if (tag === 'ttcf') return 'is a font collection: name one font file (.ttf or .otf)';
  if (head.readUInt32BE(0) === 0x00010000 || tag === 'OTTO' || tag === 'true') return undefined;
  return 'is not a TrueType or OpenType font file';
}

function ownFonts(): string[] {
  return existsSync(OWN_FONTS_DIR)
    ? readdirSync(OWN_FONTS_DIR)
        .filter((name) => /\.(ttf|otf)$/i.test(name))
        .sort()
    : [];
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    const bothObjects = value !== null && typeof value === 'object' && !Array.isArray(value) && current !== null && typeof current === 'object';
    out[key] = bothObjects ? deepMerge(current as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return out;
}
