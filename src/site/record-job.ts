/**
 * One record, rendered to memory in every format asked for: load → validate → compose →
 * render. Runs in the main thread or on a worker; nothing is written here, so the build can
 * settle clashes of output names before a byte reaches the output folder.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { composeBriefing, renderPage } from '../compose/briefing.js';
import { loadTemplates } from '../compose/templates.js';
import { TemplateError } from '../compose/template-files.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAt, hasErrors } from '../diagnostics/diagnostic.js';
import { checkRecordFile, internalError, templateDiagnostic, type Format } from '../pipeline.js';
import type { Root as HastRoot } from 'hast';
import { attributedPoints, summarise } from '../render/summary.js';
import { inSchemaOrder } from '../render/summary-schema.js';
import type { Meeting } from '../validate/meeting.js';
import { recordKey } from './cache.js';
import { archiveEntry } from './archive-data.js';
import { briefingPageContext, type BuiltFile, type Neighbours } from './briefing-page.js';
import { neighboursKey, sourceKey, sourcePath } from './neighbours.js';

export interface RenderSettings {
  cwd: string;
  config: ResolvedConfig;
  formats: readonly Format[];
  /** Render drafts too (otherwise they are checked only). */
  drafts: boolean;
  /** Hash of the build's settings, which each record's cache key starts from. */
  settingsKey: string;
  /** Each record's previous and next briefings (by its path relative to `cwd`), as far as the build knows them. */
  neighbours?: Readonly<Record<string, Neighbours>>;
}

export interface RenderedFile {
  /** File name in the output folder. */
  name: string;
  data: string | Uint8Array;
}

export interface RecordResult {
  /** Absolute path of the record. */
  path: string;
  file: string;
  diagnostics: Diagnostic[];
  /** The cache key of the bytes rendered (absent when the file could not be read). */
  key?: string;
  /** What the site pages show of the briefing (as JSON), the facts the archive is ordered by, and its hash. */
  summary?: { json: string; slug: string; title: string; date: string; draft: boolean };
  /** The previous and next briefings its page links to, as a key (see neighbours.ts). */
  neighbours?: string;
  summaryKey?: string;
  /** The briefing's entry of briefings.json, printed. */
  archiveEntry?: string;
  files?: RenderedFile[];
  /** A draft left out of this build. */
  skippedDraft?: boolean;
}

/** The record is read once, here: the key it is cached under is the hash of the bytes rendered. */
export async function renderRecordJob(path: string, settings: RenderSettings): Promise<RecordResult> {
  // Read at once, not queued behind the build's writes in libuv's pool; a small file.
  let bytes: Uint8Array | undefined;
  try {
    bytes = readFileSync(path);
  } catch {
    bytes = undefined; // checkRecordFile reads again and reports why
  }
  const checked = await checkRecordFile(path, { paths: [], cwd: settings.cwd, config: settings.config }, bytes);
  const result: RecordResult = { path, file: checked.file, diagnostics: checked.diagnostics };
  if (bytes) result.key = recordKey(settings.settingsKey, bytes);
  const meeting = checked.meeting;
  if (!meeting || hasErrors(checked.diagnostics)) return result;
  if (meeting.data.draft && !settings.drafts) return { ...result, skippedDraft: true };
  try {
    const rendered = await renderFormats(meeting, path, settings, result.diagnostics);
    return { ...result, ...rendered };
  } catch (error) {
    result.diagnostics.push(error instanceof TemplateError ? templateDiagnostic(error, settings.cwd) : internalError(checked.file, error));
    return result;
  }
}

async function renderFormats(meeting: Meeting, path: string, settings: RenderSettings, diagnostics: Diagnostic[]): Promise<Pick<RecordResult, 'summary' | 'summaryKey' | 'archiveEntry' | 'files' | 'neighbours'>> {
  const { formats, config } = settings;
  const templates = loadTemplates(config.templatesDir);
  const points = attributedPoints(meeting); // before composing, which rewrites the tree
  const composed = composeBriefing(meeting, templates);
  const names: Record<string, string> = {};
  for (const format of formats) names[format] = `${meeting.slug}.${format}`;
  const { points: _points, ...siteSummary } = summarise(meeting, sourcePath(settings.cwd, path), composed.view, composed.article, points, names);
  const summaryJson = JSON.stringify(inSchemaOrder({ ...siteSummary, points }), null, 2);

  // The PDF and the Markdown both start from the article's tree: parse it once for both. Their
  // parsers and renderers load only when one of them is asked for.
  let articleTree: HastRoot | undefined;
  const tree = async (): Promise<HastRoot> => (articleTree ??= (await import('../render/article.js')).parseArticle(composed.article));
  const files: RenderedFile[] = [];
  /** What the page's downloads list: every other format, as built. */
  const built: BuiltFile[] = [];
  const neighbours = settings.neighbours?.[sourceKey(settings.cwd, path)] ?? {};
  // The page last: its downloads show the other files' sizes.
  for (const format of [...formats.filter((f) => f !== 'html'), ...formats.filter((f) => f === 'html')]) {
    const name = names[format]!;
    switch (format) {
      case 'html': {
        const site = { title: config.site.title, lang: config.site.lang, ...(config.site.baseUrl ? { baseUrl: config.site.baseUrl } : {}) };
        files.push({ name, data: renderPage(composed, templates, briefingPageContext(composed.view, built, neighbours, site, meeting.data.updated)) });
        break;
      }
      case 'pdf': {
        // pdfkit and fontkit load only when a PDF is asked for.
        const { renderPdf, loadTheme } = await import('../render/pdf/index.js');
        const pdf = await renderPdf(composed.article, composed.view, loadTheme(config.templatesDir, config.pdf.pageSize), await tree());
        for (const { char, face } of pdf.missing) diagnostics.push(missingGlyph(meeting, char, face));
        files.push({ name, data: pdf.bytes });
        built.push({ format, name, bytes: pdf.bytes.byteLength, pages: pdf.pages });
        break;
      }
      case 'md': {
        const { renderMarkdown } = await import('../render/markdown.js');
        const data = renderMarkdown(composed.article, await tree());
        files.push({ name, data });
        built.push({ format, name, bytes: Buffer.byteLength(data) });
        break;
      }
      case 'json':
        files.push({ name, data: `${summaryJson}\n` });
        built.push({ format, name, bytes: Buffer.byteLength(summaryJson) + 1 });
        break;
    }
  }
  // The build keeps the summary in its cache's pack, not in memory, until the site is made.
  const json = JSON.stringify(siteSummary);
  const summaryKey = createHash('sha256').update(json).digest('hex');
  const summary = { json, slug: siteSummary.slug, title: siteSummary.title, date: siteSummary.date, draft: siteSummary.draft };
  // Files in the order the formats were asked for, whatever order they were made in.
  files.sort((a, b) => formats.indexOf(a.name.slice(a.name.lastIndexOf('.') + 1) as Format) - formats.indexOf(b.name.slice(b.name.lastIndexOf('.') + 1) as Format));
  return { summary, summaryKey, archiveEntry: archiveEntry(summaryJson), files, ...(formats.includes('html') ? { neighbours: neighboursKey(neighbours) } : {}) };
}

/** A character the PDF font cannot set, placed where the record first uses it. */
function missingGlyph(meeting: Meeting, char: string, face: string): Diagnostic {
  const offset = Math.max(0, meeting.source.text.indexOf(char));
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return diagnosticAt(meeting.file, meeting.source, offset, offset + char.length, {
    severity: 'warning',
    rule: 'missing-glyph',
    message: `the PDF font has no ${char} (${code}) in its ${face} face: it would print as a blank box`,
    note: 'use another character, or a font that has it (fonts in pdf-theme.yaml)',
  });
}
