/**
 * `phrg-brief fmt`: rewrite records in the canonical form, or with --check show, as a unified
 * diff per record, what it would change.
 */
import { readFile } from 'node:fs/promises';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { createColors } from 'picocolors';
import { loadConfig } from '../config/load.js';
import { formatRecord, type Wrap } from '../format/record.js';
import { discoverRecords, displayPath } from '../load/discover.js';
import { writeFileAtomic } from '../write/atomic.js';
import { EXIT_ERRORS, EXIT_OK } from './exit-codes.js';
import type { ConfigOption, DebugOption } from './options.js';
import { processOutput, type Output } from './output.js';

/** `--debug` is main.ts's: an internal error's stack trace. */
export interface FmtOptions extends ConfigOption, DebugOption {
  check?: boolean;
  wrap?: Wrap;
}

export async function runFmt(paths: string[], options: FmtOptions): Promise<number> {
  return formatPaths(paths, process.cwd(), options, processOutput);
}

/** `fmt` on `paths` relative to `cwd`, printing to `out`: its exit code. */
export async function formatPaths(paths: string[], cwd: string, options: FmtOptions, out: Output): Promise<number> {
  const { config } = await loadConfig(cwd, options.config);
  const wrap = options.wrap ?? config?.fmt.wrap ?? 'keep';
  const discovered = await discoverRecords(paths, cwd);
  for (const d of discovered.diagnostics) out.stderr(`${d.file}: ${d.message}\n`);
  let differing = 0;
  let failed = discovered.diagnostics.filter((d) => d.severity === 'error').length;
  for (const path of discovered.files) {
    const file = displayPath(path, cwd);
    const text = await readFile(path, 'utf8');
    const result = formatRecord(text, wrap);
    if (!result.ok) {
      failed++;
      out.stderr(`${file}: cannot format: ${result.reason}\n`);
      continue;
    }
    if (result.text === text) continue;
    differing++;
    if (options.check) {
      const patch = createTwoFilesPatch(file, file, text, result.text, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
      out.stdout(out.color ? colourPatch(patch) : patch);
    } else {
      await writeFileAtomic(path, result.text);
      out.stdout(`formatted ${file}\n`);
    }
  }
  const total = discovered.files.length;
  if (options.check) {
    out.stderr(
      differing === 0
        ? `${total} ${total === 1 ? 'record is' : 'records are'} formatted\n`
        : `${differing} of ${total} ${total === 1 ? 'record needs' : 'records need'} phrg-brief fmt\n`,
    );
    return differing > 0 || failed > 0 ? EXIT_ERRORS : EXIT_OK;
  }
  out.stderr(`${differing} formatted, ${total - differing - failed} already formatted${failed ? `, ${failed} could not be formatted` : ''}\n`);
  return failed > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** A patch as `git diff` shows it on a terminal: removed lines red, added green, hunks cyan. */
function colourPatch(patch: string): string {
  const colours = createColors(true);
  return patch
    .split('\n')
    .map((line) =>
      line.startsWith('@@')
        ? colours.cyan(line)
        : line.startsWith('-') && !line.startsWith('---')
          ? colours.red(line)
          : line.startsWith('+') && !line.startsWith('+++')
            ? colours.green(line)
            : line,
    )
    .join('\n');
}
