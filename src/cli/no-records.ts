/**
 * `build`, `check` and `fmt` where there are no records yet: a usage error (exit 2) that says how to
 * start, before anything is written — no empty site, no cache.
 */
import { hasRecords } from '../load/discover.js';
import { EXIT_USAGE } from './exit-codes.js';

/** Exit 2 with a message when `paths` hold no record; undefined when there is one to work on. */
export async function refuseWithoutRecords(command: string, paths: readonly string[], cwd: string): Promise<number | undefined> {
  if (await hasRecords(paths, cwd)) return undefined;
  const where = paths.join(', ');
  process.stderr.write(
    `phrg-brief ${command}: no records in ${where} (Markdown files, meetings/YYYY-MM-DD-slug.md)\n` +
      `  to start a project here:  phrg-brief init\n` +
      `  to write a first record:  phrg-brief new "Title" --date YYYY-MM-DD\n`,
  );
  return EXIT_USAGE;
}
