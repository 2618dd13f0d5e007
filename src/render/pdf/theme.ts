/**
 * The PDF theme: page, fonts, sizes, colours and spacing. The default is
 * templates/default/pdf-theme.yaml; a project's templates folder may hold its own, whose keys
 * win over the default's one by one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { DEFAULT_TEMPLATES_DIR, TemplateError } from '../../compose/template-files.js';

export const THEME_FILE = 'pdf-theme.yaml';
export const PAGE_SIZES = ['A4', 'Letter'] as const;

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour such as #1b1b1b' });
const length = z.number().min(0).max(400);

const themeSchema = z.strictObject({
  pageSize: z.enum(PAGE_SIZES),
  margins: z.strictObject({ top: length, bottom: length, left: length, right: length }),
  fonts: z.strictObject({ regular: z.string(), italic: z.string(), bold: z.string(), boldItalic: z.string() }),
  sizes: z.strictObject({ body: length, h1: length, h2: length, h3: length, h4: length, table: length, running: length }),
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
  let merged = withFontsFrom(readYaml(defaultFile), defaultFile);
  const overrideFile = overrideDir ? join(overrideDir, THEME_FILE) : undefined;
  if (overrideFile && existsSync(overrideFile)) merged = deepMerge(merged, withFontsFrom(readYaml(overrideFile), overrideFile));
  if (pageSize) merged = { ...merged, pageSize };

  const result = themeSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new TemplateError(overrideFile ?? defaultFile, `${issue.path.join('.')} ${issue.message}`);
  }
  cache.set(key, result.data);
  return result.data;
}

function readYaml(file: string): Record<string, unknown> {
  try {
    const value: unknown = parse(readFileSync(file, 'utf8'), { version: '1.2', schema: 'core' });
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch (error) {
    throw new TemplateError(file, error instanceof Error ? error.message : String(error));
  }
}

/** Font paths are resolved where they are written: relative to the file, or as a package path. */
function withFontsFrom(theme: Record<string, unknown>, file: string): Record<string, unknown> {
  const fonts = theme.fonts;
  if (fonts === null || typeof fonts !== 'object') return theme;
  const requireHere = createRequire(file);
  const requireOurs = createRequire(import.meta.url);
  const resolved: Record<string, unknown> = {};
  for (const [face, path] of Object.entries(fonts)) {
    if (typeof path !== 'string') {
      resolved[face] = path;
    } else if (path.startsWith('.') || path.startsWith('/')) {
      resolved[face] = resolve(dirname(file), path);
    } else {
      try {
        resolved[face] = requireHere.resolve(path);
      } catch {
        try {
          resolved[face] = requireOurs.resolve(path);
        } catch {
          throw new TemplateError(file, `fonts.${face}: cannot find ${path}`);
        }
      }
    }
  }
  return { ...theme, fonts: resolved };
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
