/**
 * YAML aliases (`*name`) are legal but have no place in a record: one that names no anchor
 * cannot be read, and thousands of nested ones expand into a denial of service.
 */
import { visit, type Document } from 'yaml';
import { errorMessage } from '../diagnostics/error-message.js';
import { MAX_ALIAS_COUNT } from '../load/frontmatter.js';
import { lowerFirst } from './value-names.js';

/** The first alias that cannot be read, at its offsets in the YAML source; none when all can. */
export function aliasProblem(document: Document.Parsed): { start: number; end: number; message: string; note?: string } | undefined {
  let problem: { start: number; end: number; message: string; note?: string } | undefined;
  let count = 0;
  visit(document, {
    Alias(_key, alias) {
      count++;
      const [start, end] = alias.range ?? [0, 0];
      if (alias.resolve(document) === undefined) {
        problem ??= {
          start,
          end,
          message: `*${alias.source} refers to an anchor &${alias.source} that is not defined above it`,
          note: 'write the value out in full; records do not need YAML anchors',
        };
      } else if (count > MAX_ALIAS_COUNT) {
        problem ??= { start, end, message: 'too many YAML aliases (*name): the front-matter would expand without end' };
      }
    },
  });
  if (problem) return problem;
  // Without aliases nothing can expand: the trial conversion below is for them alone.
  if (count === 0) return undefined;
  try {
    document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return undefined;
  } catch (error) {
    // Aliases nested in each other can expand past the limit even when few are written.
    let first: [number, number] = [0, 0];
    visit(document, {
      Alias: (_key, alias) => {
        if (first[1] === 0 && alias.range) first = [alias.range[0], alias.range[1]];
        return visit.BREAK;
      },
    });
    return { start: first[0], end: first[1], message: `the YAML aliases (*name) expand too far: ${lowerFirst(errorMessage(error))}` };
  }
}
