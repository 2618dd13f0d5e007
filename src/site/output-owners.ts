/**
 * Who owns each output name. A record keeps the name it last built under until it builds
 * under another: one that fails now still owns its earlier files, which nobody else may
 * overwrite. When two records claim one name, the first in file order has it, whichever
 * settled first: a later record that took the name gives way, and is failed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../load/discover.js';
import type { RecordOutcome } from '../pipeline.js';
import { slugClash } from '../validate/slug-clash.js';
import type { Manifest } from './cache.js';
import { sourceKey } from './neighbours.js';

interface Owner {
  /** The record's path relative to the project, as the manifest keys it. */
  source: string;
  /** Its outcome in this build, once it has one. */
  outcome?: RecordOutcome;
}

/** What a claim came to: the name is the record's (taking it from `displaced`), or it is refused. */
export type Claim = { granted: true; displaced?: string } | { granted: false; clash: Diagnostic };

export class OutputOwners {
  /** Output name (the slug) → the record that owns it. */
  private readonly owners = new Map<string, Owner>();
  /** Each record of this build by its place in file order. */
  private readonly order: Map<string, number>;

  /** `outcomes` are this build's so far, by path (the unchanged records'). */
  constructor(
    private readonly cwd: string,
    files: readonly string[],
    previous: Manifest['records'],
    outcomes: ReadonlyMap<string, RecordOutcome>,
  ) {
    this.order = new Map(files.map((path, i) => [sourceKey(cwd, path), i]));
    for (const [source, entry] of Object.entries(previous)) {
      if (!entry.slug || !this.recordExists(source)) continue;
      const outcome = outcomes.get(join(cwd, source));
      this.owners.set(entry.slug, outcome ? { source, outcome } : { source });
    }
  }

  /** Whether a record of the last build is still there: one of this build's, or a file not asked for today. */
  recordExists(source: string): boolean {
    return this.order.has(source) || existsSync(join(this.cwd, source));
  }

  /** Files of `names` that no other record now owns. */
  ownFiles(names: readonly string[], source: string): string[] {
    return names.filter((name) => {
      const owner = this.owners.get(name.replace(/\.[^.]+$/, ''));
      return !owner || owner.source === source;
    });
  }

  /**
   * `source` (shown as `file`) asks for `slug`. Refused when a record earlier in file order
   * owns it; otherwise granted, and a later owner gives way: its outcome, when it has one,
   * is failed with the clash, and its source is returned for the caller to forget.
   */
  claim(slug: string, source: string, file: string, outcome: RecordOutcome): Claim {
    const owner = this.owners.get(slug);
    let displaced: string | undefined;
    if (owner && owner.source !== source) {
      if (this.rank(owner.source) < this.rank(source))
        return { granted: false, clash: slugClash(file, slug, displayPath(join(this.cwd, owner.source), this.cwd), join(this.cwd, source)) };
      if (owner.outcome) {
        owner.outcome.status = 'failed';
        owner.outcome.outputs = [];
        owner.outcome.diagnostics.push(slugClash(owner.outcome.file, slug, file, join(this.cwd, owner.source)));
      }
      displaced = owner.source;
    }
    this.owners.set(slug, { source, outcome });
    return displaced === undefined ? { granted: true } : { granted: true, displaced };
  }

  /** `source`, built under another name now, lets its old one go (unless another took it). */
  release(slug: string, source: string): void {
    if (this.owners.get(slug)?.source === source) this.owners.delete(slug);
  }

  private rank(source: string): number {
    return this.order.get(source) ?? Number.MAX_SAFE_INTEGER;
  }
}
