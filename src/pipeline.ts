/**
 * The programmatic API that the CLI (and later the preview server and CI) all call:
 * discover → load → validate → compose → render → write. No stage prints or exits; every
 * problem comes back as a diagnostic for its file.
 */
import { resolve } from 'node:path';
import type { ResolvedConfig } from './config/schema.js';
import { composeBriefing, renderPage } from './compose/briefing.js';
import { loadTemplates, TemplateError, type TemplateSet } from './compose/templates.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { compareDiagnostics, diagnosticAt, hasErrors } from './diagnostics/diagnostic.js';
import { discoverRecords, displayPath } from './load/discover.js';
import { loadRecordFile } from './load/record.js';
import type { Meeting } from './validate/meeting.js';
import { validateRecord } from './validate/record.js';
import { writeFileAtomic } from './write/atomic.js';

export const FORMATS = ['html', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export interface PipelineOptions {
  /** Files or folders of records, relative to `cwd`. */
  paths: readonly string[];
  cwd: string;
  config: ResolvedConfig;
}

export interface BuildOptions extends PipelineOptions {
  /** Output folder, relative to `cwd`. */
  outDir: string;
  formats: readonly Format[];
}

export interface RecordOutcome {
  file: string;
  slug?: string;
  diagnostics: Diagnostic[];
  /** Files written for this record (relative to cwd). */
  outputs: string[];
}

export interface RunResult {
  records: RecordOutcome[];
  /** Problems not tied to one record (a missing path, a broken template). */
  diagnostics: Diagnostic[];
}

export interface CheckedRecord {
  file: string;
  meeting?: Meeting;
  diagnostics: Diagnostic[];
}

/** Loads and validates one record file; never throws. */
export async function checkRecordFile(path: string, options: PipelineOptions): Promise<CheckedRecord> {
  const file = displayPath(path, options.cwd);
  try {
    const loaded = await loadRecordFile(path, file);
    if (!loaded.record) return { file, diagnostics: loaded.diagnostics };
    const validated = validateRecord(loaded.record, { rules: options.config.rules, abbreviations: options.config.abbreviations });
    const diagnostics = [...loaded.diagnostics, ...validated.diagnostics].sort(compareDiagnostics);
    return validated.meeting ? { file, meeting: validated.meeting, diagnostics } : { file, diagnostics };
  } catch (error) {
    return { file, diagnostics: [internalError(file, error)] };
  }
}

export async function checkRecords(options: PipelineOptions): Promise<RunResult> {
  const discovered = await discoverRecords(options.paths, options.cwd);
  const checked = await Promise.all(discovered.files.map((path) => checkRecordFile(path, options)));
  const records = checked.map(({ file, diagnostics }) => ({ file, diagnostics, outputs: [] }));
  return { records, diagnostics: discovered.diagnostics };
}

export async function buildBriefings(options: BuildOptions): Promise<RunResult> {
  const discovered = await discoverRecords(options.paths, options.cwd);
  const diagnostics = [...discovered.diagnostics];
  let templates: TemplateSet | undefined;
  try {
    templates = loadTemplates(options.config.templatesDir);
  } catch (error) {
    diagnostics.push(templateDiagnostic(error, options.cwd));
  }

  const checked = await Promise.all(discovered.files.map((path) => checkRecordFile(path, options)));
  claimSlugs(checked);
  const records: RecordOutcome[] = [];
  for (const record of checked) {
    const outcome: RecordOutcome = { file: record.file, diagnostics: record.diagnostics, outputs: [] };
    records.push(outcome);
    if (!record.meeting || !templates || hasErrors(record.diagnostics)) continue;
    outcome.slug = record.meeting.slug;
    try {
      await renderRecord(record.meeting, templates, options, outcome);
    } catch (error) {
      outcome.diagnostics.push(error instanceof TemplateError ? templateDiagnostic(error, options.cwd) : internalError(record.file, error));
    }
  }
  return { records, diagnostics };
}

async function renderRecord(meeting: Meeting, templates: TemplateSet, options: BuildOptions, outcome: RecordOutcome): Promise<void> {
  const composed = composeBriefing(meeting, templates);
  // Render every format first, then write: a failure in one leaves no half set.
  const rendered: [string, string | Uint8Array][] = [];
  if (options.formats.includes('html')) rendered.push([`${meeting.slug}.html`, renderPage(composed, templates)]);
  if (options.formats.includes('pdf')) {
    // pdfkit and fontkit load only when a PDF is asked for.
    const { renderPdf, loadTheme } = await import('./render/pdf/index.js');
    const pdf = await renderPdf(composed.article, composed.view, loadTheme(options.config.templatesDir, options.config.pdf.pageSize));
    for (const { char, face } of pdf.missing) outcome.diagnostics.push(missingGlyph(meeting, char, face));
    rendered.push([`${meeting.slug}.pdf`, pdf.bytes]);
  }
  for (const [name, content] of rendered) {
    const target = resolve(options.cwd, options.outDir, name);
    await writeFileAtomic(target, content);
    outcome.outputs.push(displayPath(target, options.cwd));
  }
}

/** A character the PDF font cannot set, placed where the record first uses it. */
function missingGlyph(meeting: Meeting, char: string, face: string): Diagnostic {
  const offset = Math.max(0, meeting.source.text.indexOf(char));
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return diagnosticAt(meeting.file, meeting.source, offset, offset + char.length, {
    severity: 'warning',
    rule: 'missing-glyph',
    message: `the PDF font has no ${char} (${code}) in its ${face} face: it will show as a blank box`,
    note: 'use another character, or a font that has it (fonts in pdf-theme.yaml)',
  });
}

/** Two records may not write the same output file: the later ones get an error. */
function claimSlugs(records: CheckedRecord[]): void {
  const owners = new Map<string, string>();
  for (const record of records) {
    const slug = record.meeting?.slug;
    if (slug === undefined) continue;
    const owner = owners.get(slug);
    if (owner === undefined) {
      owners.set(slug, record.file);
      continue;
    }
    delete record.meeting;
    record.diagnostics.push({
      file: record.file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 4,
      severity: 'error',
      rule: 'duplicate-slug',
      message: `the output name ${slug} is already taken by ${owner}`,
      note: 'give one of the records its own slug in the front-matter',
    });
  }
}

function internalError(file: string, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'error',
    rule: 'internal-error',
    message: `phrg-brief failed on this file: ${detail}`,
    // The stack trace is for whoever fixes phrg-brief, so only with --debug.
    note: process.env.PHRG_BRIEF_DEBUG && error instanceof Error ? String(error.stack) : 'run again with --debug for the stack trace, and report it',
  };
}

function templateDiagnostic(error: unknown, cwd: string): Diagnostic {
  const file = error instanceof TemplateError ? displayPath(error.file, cwd) : 'templates';
  const detail = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(detail);
  const lineNumber = line ? Number(line[1]) : 1;
  return {
    file,
    line: lineNumber,
    column: 1,
    endLine: lineNumber,
    endColumn: 1,
    severity: 'error',
    rule: 'template',
    message: detail.split('\n')[0] ?? detail,
  };
}
