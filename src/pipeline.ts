/**
 * The programmatic API that the CLI, the preview server and CI all call: checking records
 * here, building them in site/build.ts. No stage prints or exits; every problem comes back
 * as a diagnostic for its file.
 */
import type { ResolvedConfig } from './config/schema.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { compareDiagnostics, hasErrors } from './diagnostics/diagnostic.js';
import { internalError, templateDiagnostic } from './diagnostics/errors.js';
import { discoverRecords, displayPath } from './load/discover.js';
import type { RecordFrontMatter } from './load/frontmatter.js';
import { loadRecordBytes, loadRecordFile } from './load/record.js';
import type { Meeting } from './validate/meeting.js';
import { nameVariants } from './site/name-variants.js';
import { applySeverities, validateRecord } from './validate/record.js';
import { slugClashes } from './validate/slug-clash.js';

/** Every output format, in the order they are written: the list is render/formats.ts. */
export { FORMATS, FORMAT_IDS, type Format } from './render/formats.js';

export interface PipelineOptions {
  /** Files or folders of records, relative to `cwd`. */
  paths: readonly string[];
  cwd: string;
  config: ResolvedConfig;
  /** Whether drafts are built (build --drafts, the preview): else a draft's errors are warnings. */
  drafts?: boolean;
}

/**
 * How a record fared: `checked` (by check, without errors), `built`, `unchanged` since the
 * last build, `failed`, or a `draft` left out of the build.
 */
export type RecordStatus = 'checked' | 'built' | 'unchanged' | 'failed' | 'draft';

/** One record's result, the same for check and build. */
export interface RecordOutcome {
  file: string;
  status: RecordStatus;
  slug?: string;
  /** Built though marked `draft: true` (with --drafts, or in the preview). */
  draft?: boolean;
  diagnostics: Diagnostic[];
  /** Files written for this record (relative to cwd); none for check. */
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
  /** Marked `draft: true` (read from the front-matter even when the rest of it has errors). */
  draft?: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Loads and validates one record file; never throws. `bytes`, when the caller has read the
 * file already (to hash it), are used instead of reading it again.
 */
export async function checkRecordFile(path: string, options: PipelineOptions, bytes?: Uint8Array): Promise<CheckedRecord> {
  const file = displayPath(path, options.cwd);
  try {
    const maxBytes = options.config.limits.recordSize;
    const loaded = bytes ? loadRecordBytes(bytes, file, maxBytes) : await loadRecordFile(path, file, maxBytes);
    if (!loaded.record) return { file, diagnostics: loaded.diagnostics };
    const validated = validateRecord(loaded.record, { rules: options.config.rules, abbreviations: options.config.abbreviations });
    let diagnostics = [...loaded.diagnostics, ...validated.diagnostics].sort(compareDiagnostics);
    const { frontMatter } = loaded.record;
    const draft = isDraft(frontMatter);
    // A draft is left out of the build: a half-written one, pushed to the branch that
    // publishes, must not hold back every other briefing. Its problems are said all the same.
    if (draft && !options.drafts) diagnostics = diagnostics.map(asDraftWarning);
    if (validated.meeting) return { file, meeting: validated.meeting, diagnostics, ...(draft ? { draft } : {}) };
    return { file, diagnostics, ...(draft ? { draft } : {}) };
  } catch (error) {
    return { file, diagnostics: [internalError(file, error)] };
  }
}

/**
 * Whether the record is marked `draft: true`: from its front-matter's value, or, where a YAML
 * error earlier in it ("title: Half: written") left the rest unread, from its own line.
 */
function isDraft(frontMatter: RecordFrontMatter): boolean {
  if (frontMatter.quick) return frontMatter.quick.draft === true;
  const document = frontMatter.document();
  if (document.errors.length === 0) return document.get('draft') === true;
  return /^draft:[ \t]*(?:true|True|TRUE)[ \t]*(?:#.*)?$/m.test(frontMatter.yaml);
}

/** A draft's error, told as a warning until the draft is built. */
function asDraftWarning(diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.severity !== 'error') return diagnostic;
  return { ...diagnostic, severity: 'warning', message: `in a draft, an error once it is built: ${diagnostic.message}` };
}

export async function checkRecords(options: PipelineOptions): Promise<RunResult> {
  const discovered = await discoverRecords(options.paths, options.cwd);
  const checked = await Promise.all(discovered.files.map((path) => checkRecordFile(path, options)));
  // Drafts are left out of a build, and so claim no name.
  const clashes = slugClashes(
    checked.map(({ file, meeting }, i) => ({ file, path: discovered.files[i]!, ...(meeting && !meeting.data.draft ? { slug: meeting.slug } : {}) })),
  );
  // Across the records a build would publish: one person spelt two ways shares one page.
  const variants = nameVariants(checked.flatMap(({ meeting }) => (meeting && !meeting.data.draft ? [meeting] : [])));
  const records = checked.map(({ file, diagnostics }): RecordOutcome => {
    const across = [...(clashes.has(file) ? [clashes.get(file)!] : []), ...applySeverities(variants.get(file) ?? [], options.config.rules)];
    const all = across.length > 0 ? [...diagnostics, ...across].sort(compareDiagnostics) : diagnostics;
    return { file, status: hasErrors(all) ? 'failed' : 'checked', diagnostics: all, outputs: [] };
  });
  return { records, diagnostics: [...discovered.diagnostics, ...(await templateProblems(options))] };
}

/**
 * A project's own templates, read as a build reads them: a template that breaks the build
 * fails check too, so that a pull request that passes check does not fail the build on main.
 * phrg-brief's own are left alone (its tests read them), and Handlebars is not loaded for them.
 */
async function templateProblems(options: PipelineOptions): Promise<Diagnostic[]> {
  const dir = options.config.templatesDir;
  if (!dir) return [];
  const { loadTemplates } = await import('./compose/templates.js');
  try {
    loadTemplates(dir);
    // The theme (its values, its fonts) where the project's formats use it.
    if (options.config.formats.some((format) => format === 'pdf' || format === 'docx')) {
      const { loadTheme } = await import('./render/pdf/theme.js');
      loadTheme(dir, options.config.pdf.pageSize);
    }
    return [];
  } catch (error) {
    return [templateDiagnostic(error, options.cwd)];
  }
}

export { internalError, templateDiagnostic } from './diagnostics/errors.js';
