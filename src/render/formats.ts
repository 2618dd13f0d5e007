/**
 * The one list of output formats. The config schema, the CLI's --format choices and help, the
 * default formats, the build's renderer dispatch and the preview's routes and content types
 * are all derived from it: adding a format is its renderer module plus one entry here.
 *
 * This module is loaded by the CLI before any command runs, so it holds data only; each
 * renderer is imported when a build first asks for its format.
 */
import type { Root as HastRoot } from 'hast';
import type { ComposedBriefing } from '../compose/briefing.js';
import type { TemplateSet } from '../compose/templates.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Meeting } from '../validate/meeting.js';

/** What every renderer is given: the record, its composed article, and the build's settings. */
export interface RenderInput {
  meeting: Meeting;
  composed: ComposedBriefing;
  templates: TemplateSet;
  /** The project's templates folder (for the theme), when it has one. */
  templatesDir?: string;
  /** The language of the template's own words ("The speakers were:"): the site's, `site.lang`. */
  siteLang: string;
  /** phrg-brief.yaml's pdf.pageSize, which wins over the theme's. */
  pageSize?: 'A4' | 'Letter';
  /** The record's briefing JSON, printed. */
  summaryJson: string;
  /** The article parsed to a tree, once for all the renderers that start from one. */
  tree(): Promise<HastRoot>;
  /** Reports a problem found while rendering (a glyph the font lacks). */
  warn(diagnostic: Diagnostic): void;
  /**
   * What the HTML page shows around the article (site header, downloads of the files rendered
   * before it, previous and next briefings, metadata): page.hbs's variables beside the view's.
   */
  pageContext(): object;
}

/** A renderer's file, with its page count where it has pages (for "PDF (2 pages, 27 KB)"). */
export type Rendered = string | Uint8Array | { data: string | Uint8Array; pages: number };

export type Renderer = (input: RenderInput) => Promise<Rendered> | Rendered;

export interface FormatSpec {
  /** The name used in --format and phrg-brief.yaml's `formats`. */
  id: string;
  /** The output file's extension, without the dot: `<slug>.<extension>`. */
  extension: string;
  contentType: string;
  /** What the help and the preview's bar call it. */
  label: string;
  /** Written when neither --format nor `formats` in phrg-brief.yaml says otherwise. */
  byDefault: boolean;
  /**
   * The preview builds HTML at once, on every save; a format built "on request" is brought up
   * to date only when one of its files is asked for.
   */
  preview: 'at-once' | 'on-request';
  /** The renderer's module, imported on first use. */
  load(): Promise<Renderer>;
}

export const FORMATS = [
  {
    id: 'html',
    extension: 'html',
    contentType: 'text/html; charset=utf-8',
    label: 'HTML',
    byDefault: true,
    preview: 'at-once',
    load: async () => (await import('./html.js')).renderHtml,
  },
  {
    id: 'pdf',
    extension: 'pdf',
    contentType: 'application/pdf',
    label: 'PDF',
    byDefault: true,
    preview: 'on-request',
    load: async () => (await import('./pdf/index.js')).renderPdfFormat,
  },
  {
    id: 'md',
    extension: 'md',
    contentType: 'text/markdown; charset=utf-8',
    label: 'Markdown',
    byDefault: true,
    preview: 'on-request',
    load: async () => (await import('./markdown.js')).renderMarkdownFormat,
  },
  {
    id: 'json',
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    label: 'JSON',
    byDefault: true,
    preview: 'on-request',
    load:
      async () =>
      ({ summaryJson }: RenderInput) =>
        `${summaryJson}\n`,
  },
  {
    id: 'docx',
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word',
    // Not by default: a Word file is for the offices that ask for one, and it adds to every build.
    byDefault: false,
    preview: 'on-request',
    load: async () => (await import('./docx/index.js')).renderDocx,
  },
] as const satisfies readonly FormatSpec[];

export type Format = (typeof FORMATS)[number]['id'];

/** The ids of a list of formats, as a tuple for zod's enum. */
export function formatIds(formats: readonly FormatSpec[]): [string, ...string[]] {
  const ids = formats.map((format) => format.id);
  if (ids.length === 0) throw new Error('no output formats');
  return ids as [string, ...string[]];
}

export const FORMAT_IDS = FORMATS.map((format) => format.id);
export const DEFAULT_FORMATS: readonly Format[] = FORMATS.filter((format) => format.byDefault).map((format) => format.id);

export function formatSpec(id: string, formats: readonly FormatSpec[] = FORMATS): FormatSpec | undefined {
  return formats.find((format) => format.id === id);
}

export function isFormat(id: string): id is Format {
  return FORMATS.some((format) => format.id === id);
}
