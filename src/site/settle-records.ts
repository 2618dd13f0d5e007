/**
 * Settling a rendered record: its output name claimed, then, once its files are written
 * (write-behind.ts, or the worker that rendered it), its entry added to the cache's pack and
 * its manifest entry made. Results are settled one at a time as they arrive, while the
 * workers go on; a record with errors leaves its earlier files
 * as they were, and a record that could not be written is failed, not the build.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { errorMessage } from '../diagnostics/error-message.js';
import { writeErrorDiagnostic } from '../diagnostics/errors.js';
import { displayPath } from '../load/discover.js';
import type { RecordOutcome } from '../pipeline.js';
import type { CacheEntry } from './cache.js';
import type { CacheUpdate } from './cache-update.js';
import type { PackPlace } from './entry-pack.js';
import { sourceKey } from './neighbours.js';
import { outputNamer, removeOutputs } from './output-folder.js';
import type { OutputOwners } from './output-owners.js';
import type { RecordResult } from './record-job.js';

export class RecordSettler {
  /** Every record's outcome so far, by path: the unchanged ones', then each one settled. */
  readonly outcomes: Map<string, RecordOutcome>;
  /** Outputs removed (as the user sees them): a record's old names, a draft's, a gone record's. */
  readonly removed: string[] = [];
  private readonly shownOutput: (name: string) => string;
  /** Records claimed and not yet finished. */
  private readonly claimed = new Set<string>();

  constructor(
    private readonly cwd: string,
    private readonly outDir: string,
    private readonly cache: CacheUpdate,
    private readonly owners: OutputOwners,
    unchanged: ReadonlyMap<string, RecordOutcome>,
    /** Each record's stamp as the plan took it (see render-plan.ts). */
    private readonly stamps: ReadonlyMap<string, string>,
  ) {
    this.outcomes = new Map(unchanged);
    this.shownOutput = outputNamer(cwd, outDir);
  }

  /**
   * The first half of settling, for a worker that writes its own files: true when they are to
   * be written (the record built without errors and its output name granted). `finish` then
   * completes it, told whether the writing failed.
   */
  claim(result: RecordResult): boolean {
    try {
      return this.claimOrThrow(result);
    } catch (error) {
      this.failed(result, error);
      return false;
    }
  }

  /** Completes settling `result` once its files are written (or could not be: `failure`). */
  finish(result: RecordResult, failure?: WriteFailure): RecordOutcome {
    const outcome = this.outcomes.get(result.path);
    if (!this.claimed.delete(result.path) || !outcome) return outcome ?? this.failed(result, new Error('never claimed'));
    try {
      if (failure) throw new WriteError(displayPath(failure.target, this.cwd), failure.reason);
      this.finishOrThrow(result, outcome);
    } catch (error) {
      this.failed(result, error);
    }
    return this.outcomes.get(result.path)!;
  }

  private failed(result: RecordResult, error: unknown): RecordOutcome {
    const outcome = this.outcomes.get(result.path) ?? { file: result.file, status: 'failed', diagnostics: result.diagnostics, outputs: [] };
    outcome.status = 'failed';
    outcome.diagnostics.push(writeError(result.file, error));
    this.outcomes.set(result.path, outcome);
    return outcome;
  }

  /** Records whose file is gone take their outputs with them. */
  removeGone(): void {
    for (const [source, entry] of Object.entries(this.cache.manifest.records)) {
      if (this.owners.recordExists(source)) continue;
      this.removeOwn(entry.outputs, source);
      this.cache.forget(source);
    }
  }

  private claimOrThrow(result: RecordResult): boolean {
    const { cache, cwd, owners } = this;
    const source = sourceKey(cwd, result.path);
    const outcome: RecordOutcome = { file: result.file, status: 'failed', diagnostics: result.diagnostics, outputs: [] };
    this.outcomes.set(result.path, outcome);
    const earlier = cache.previous.records[source];
    if (result.skippedDraft) {
      outcome.status = 'draft';
      this.removeOwn(earlier?.outputs ?? [], source);
      cache.forget(source);
      return false;
    }
    if (!result.files || !result.summary || result.key === undefined || result.archiveEntry === undefined || hasErrors(result.diagnostics)) return false; // earlier files stay as they were
    const claim = owners.claim(result.summary.slug, source, result.file, outcome);
    if (!claim.granted) {
      outcome.diagnostics.push(claim.clash);
      return false;
    }
    if (claim.displaced !== undefined) cache.forget(claim.displaced);
    this.claimed.add(result.path);
    return true;
  }

  private finishOrThrow(result: RecordResult, outcome: RecordOutcome): void {
    const { cache, cwd, owners } = this;
    const source = sourceKey(cwd, result.path);
    const earlier = cache.previous.records[source];
    // Claimed, so these are there (see claimOrThrow).
    if (!result.files || !result.summary || result.key === undefined || result.archiveEntry === undefined) throw new Error('claimed without its files');
    const { slug, date, title, lang, draft } = result.summary;
    let place: PackPlace;
    try {
      place = cache.pack(source, result.archiveEntry, result.summary.json);
    } catch (error) {
      throw new WriteError(displayPath(cache.manifestFile.replace(/\.json$/, '.*.pack'), cwd), error);
    }
    const names = result.files.map((file) => file.name);
    outcome.outputs.push(...names.map(this.shownOutput));
    if (earlier?.slug && earlier.slug !== slug) owners.release(earlier.slug, source);
    this.removeOwn(
      (earlier?.outputs ?? []).filter((name) => !names.includes(name)),
      source,
    );
    outcome.status = 'built';
    outcome.slug = slug;
    if (draft) outcome.draft = true;
    const stamp = this.stamps.get(result.path);
    const entry: CacheEntry = {
      key: result.key,
      ...(stamp ? { stamp } : {}),
      slug,
      outputs: names,
      entry: place,
      date,
      title,
      lang,
      ...(result.neighbours ? { neighbours: result.neighbours } : {}),
      ...(draft ? { draft } : {}),
      ...(result.summaryKey ? { summaryKey: result.summaryKey } : {}),
      diagnostics: result.diagnostics,
    };
    cache.set(source, entry);
  }

  /** Removes those of `names` that no other record now owns. */
  private removeOwn(names: readonly string[], source: string): void {
    this.removed.push(...removeOutputs(this.outDir, this.owners.ownFiles(names, source), this.cwd));
  }
}

/** A file that could not be written, and why (from this thread or a worker). */
export interface WriteFailure {
  target: string;
  reason: unknown;
}

/** A file of the build that could not be written, named as the user sees it. */
class WriteError extends Error {
  constructor(
    readonly target: string,
    readonly reason: unknown,
  ) {
    super(`cannot write ${target}`);
  }
}

function writeError(file: string, error: unknown): Diagnostic {
  const reason = error instanceof WriteError ? error.reason : error;
  const code = reason instanceof Error && 'code' in reason ? String(reason.code) : errorMessage(reason);
  return writeErrorDiagnostic(file, error instanceof WriteError ? error.target : "this record's outputs", code);
}
