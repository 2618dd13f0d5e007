/**
 * Two records that would write the same files (a `slug:` given twice, or a slug taken from
 * another's file name). The first in file order keeps the name; check reports the later ones
 * as the build does, so that a pull request that passes check does not fail the build on main.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export function slugClash(file: string, slug: string, owner: string): Diagnostic {
  // Over the front-matter's opening `---`: the slug comes from the record as a whole.
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 4,
    severity: 'error',
    rule: 'duplicate-slug',
    message: `the output name ${slug} is already taken by ${owner}`,
    note: 'give one of the records its own slug in the front-matter',
  };
}

/** For each record whose slug an earlier one (in `records`' order) has, its clash. */
export function slugClashes(records: readonly { file: string; slug?: string }[]): Map<string, Diagnostic> {
  const owners = new Map<string, string>();
  const clashes = new Map<string, Diagnostic>();
  for (const { file, slug } of records) {
    if (slug === undefined) continue;
    const owner = owners.get(slug);
    if (owner === undefined) owners.set(slug, file);
    else clashes.set(file, slugClash(file, slug, owner));
  }
  return clashes;
}
