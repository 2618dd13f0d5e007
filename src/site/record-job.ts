/**
 * One record, rendered to memory in every format asked for: load → validate → compose →
 * render. Runs in the main thread or on a worker; nothing is written here, so the build can
 * settle clashes of output names before a byte reaches the output folder.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { composeBriefing } from '../compose/briefing.js';
import { loadTemplates } from '../compose/templates.js';
import { TemplateError } from '../compose/template-files.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { checkRecordFile, internalError, templateDiagnostic } from '../pipeline.js';
import { formatSpec, type Format, type RenderInput } from '../render/formats.js';
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
  /** Its bytes; absent in what a worker hands back, as the worker writes its files itself. */
  data?: string | Uint8Array;
}

export interface RecordResult {
  /** Absolute path of the record. */
  path: string;
  file: string;
  diagnostics: Diagnostic[];
  /** The cache key of the bytes rendered (absent when the file could not be read). */
  key?: string;
  /** What the site pages show of the briefing (as JSON), the facts the archive is ordered by, and its hash. */
  summary?: { json: string; slug: string; title: string; date: string; lang: string; draft: boolean };
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
  const checked = await checkRecordFile(path, { paths: [], cwd: settings.cwd, config: settings.config, drafts: settings.drafts }, bytes);
  const result: RecordResult = { path, file: checked.file, diagnostics: checked.diagnostics };
  if (bytes) result.key = recordKey(settings.settingsKey, bytes);
  // A draft left out is checked only, whatever it holds (its errors told as warnings).
  if (checked.draft && !settings.drafts) return { ...result, skippedDraft: true };
  const meeting = checked.meeting;
  if (!meeting || hasErrors(checked.diagnostics)) return result;
  try {
    const rendered = await renderFormats(meeting, path, settings, result.diagnostics);
    return { ...result, ...rendered };
  } catch (error) {
    result.diagnostics.push(error instanceof TemplateError ? templateDiagnostic(error, settings.cwd) : internalError(checked.file, error));
    return result;
  }
}

async function renderFormats(
  meeting: Meeting,
  path: string,
  settings: RenderSettings,
  diagnostics: Diagnostic[],
): Promise<Pick<RecordResult, 'summary' | 'summaryKey' | 'archiveEntry' | 'files' | 'neighbours'>> {
  const { formats, config } = settings;
  const templates = loadTemplates(config.templatesDir);
  const points = attributedPoints(meeting); // before composing, which rewrites the tree
  const composed = composeBriefing(meeting, templates, config.site.lang);
  const names: Record<string, string> = {};
  for (const format of formats) names[format] = `${meeting.slug}.${formatSpec(format)!.extension}`;
  const { points: _points, ...siteSummary } = summarise(meeting, sourcePath(settings.cwd, path), composed.view, composed.article, points, names);
  const summaryJson = JSON.stringify(inSchemaOrder({ ...siteSummary, points }), null, 2);

  // The PDF, Markdown and Word files all start from the article's tree: parse it once for all.
  // The parser and each renderer load only when a format that needs them is asked for.
  let articleTree: HastRoot | undefined;
  const tree = async (): Promise<HastRoot> => (articleTree ??= (await import('../render/article.js')).parseArticle(composed.article));
  /** What the page's downloads list: every other format, as built. */
  const built: BuiltFile[] = [];
  const neighbours = settings.neighbours?.[sourceKey(settings.cwd, path)] ?? {};
  const site = { title: config.site.title, lang: config.site.lang, ...(config.site.baseUrl ? { baseUrl: config.site.baseUrl } : {}) };
  const input: RenderInput = {
    meeting,
    composed,
    templates,
    summaryJson,
    siteLang: config.site.lang,
    tree,
    warn: (diagnostic) => diagnostics.push(diagnostic),
    pageContext: () => briefingPageContext(composed.view, built, neighbours, site, meeting.data.updated),
    ...(config.templatesDir ? { templatesDir: config.templatesDir } : {}),
    ...(config.pdf.pageSize ? { pageSize: config.pdf.pageSize } : {}),
  };
  const made = new Map<Format, RenderedFile>();
  // The page last: its downloads show the other files' sizes.
  for (const format of [...formats.filter((f) => f !== 'html'), ...formats.filter((f) => f === 'html')]) {
    const name = names[format]!;
    const rendered = await (await formatSpec(format)!.load())(input);
    const { data, pages } = typeof rendered === 'string' || rendered instanceof Uint8Array ? { data: rendered, pages: undefined } : rendered;
    made.set(format, { name, data });
    built.push({ format, name, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength, ...(pages === undefined ? {} : { pages }) });
  }
  // Files in the order the formats were asked for, whatever order they were made in.
  const files = formats.map((format) => made.get(format)!);
  // The build keeps the summary in its cache's pack, not in memory, until the site is made.
  const json = JSON.stringify(siteSummary);
  const summaryKey = createHash('sha256').update(json).digest('hex');
  const summary = { json, slug: siteSummary.slug, title: siteSummary.title, date: siteSummary.date, lang: siteSummary.lang, draft: siteSummary.draft };
  return {
    summary,
    summaryKey,
    archiveEntry: archiveEntry(summaryJson),
    files,
    ...(formats.includes('html') ? { neighbours: neighboursKey(neighbours) } : {}),
  };
}
