/**
 * `phrg-brief fmt`: rewrite records in the canonical form, or with --check show, as a unified
 * diff per record, what it would change.
 */
import { readFile } from 'node:fs/promises';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { createColors } from 'picocolors';
import { loadConfig } from '../config/load.js';
import { formatRecord, type Wrap } from '../format/record.js';
import { decodeRecord } from '../load/decode.js';
import { discoverRecords, displayPath } from '../load/discover.js';
import { rewriteFileAtomic } from '../write/atomic.js';
import { fileFailure } from '../diagnostics/error-message.js';
import { EXIT_ERRORS, EXIT_OK } from './exit-codes.js';
import { refuseWithoutRecords } from './no-records.js';
import type { ConfigOption, DebugOption } from './options.js';
import { processOutput, type Output } from './output.js';

/** `--debug` is main.ts's: an internal error's stack trace. */
export interface FmtOptions extends ConfigOption, DebugOption {
  check?: boolean;
  wrap?: Wrap;
}

export async function runFmt(paths: string[], options: FmtOptions): Promise<number> {
  const refused = await refuseWithoutRecords('fmt', paths, process.cwd());
  if (refused !== undefined) return refused;
  return formatPaths(paths, process.cwd(), options, processOutput);
}

/** `fmt` on `paths` relative to `cwd`, printing to `out`: its exit code. */
export async function formatPaths(paths: string[], cwd: string, options: FmtOptions, out: Output): Promise<number> {
  const { config } = await loadConfig(cwd, options.config);
  const wrap = options.wrap ?? config?.fmt.wrap ?? 'keep';
  const discovered = await discoverRecords(paths, cwd);
  for (const d of discovered.diagnostics) out.stderr(`${d.file}: ${d.message}\n`);
  const missing = discovered.diagnostics.filter((d) => d.severity === 'error').length;
  let differing = 0;
  let failed = 0;
  for (const path of discovered.files) {
    const file = displayPath(path, cwd);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      failed++;
      out.stderr(`${file}: cannot format: ${fileFailure(error, 'read')}\n`);
      continue;
    }
    // Read as check reads it: a file saved in another encoding would come back with its
    // accented letters and curly quotes replaced, for good.
    const decoded = decodeRecord(bytes);
    if (!decoded.ok) {
      failed++;
      out.stderr(
        `${file}:${decoded.line}:${decoded.column}: cannot format: the byte 0x${decoded.byte.toString(16).toUpperCase()} is not UTF-8; save the file as UTF-8 first\n`,
      );
      continue;
    }
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const result = formatRecord(text, wrap);
    if (!result.ok) {
      failed++;
      out.stderr(`${file}: cannot format: ${result.reason}\n`);
      continue;
    }
    if (result.text === text) continue;
    differing++;
    if (options.check) {
      // The byte-order mark and Windows line ends are said in words: a diff shows them as
      // lines taken out and put back the same.
      const plain = decoded.text;
      const unseen = [
        text.startsWith('\uFEFF') ? 'its byte-order mark is removed' : '',
        /\r/.test(text) ? 'its Windows line ends (CRLF) become LF' : '',
      ].filter(Boolean);
      if (unseen.length > 0) out.stdout(`${file}: ${unseen.join(', and ')}\n`);
      if (plain === result.text) continue;
      const patch = withNamesEnded(
        createTwoFilesPatch(file, file, plain, result.text, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY }),
        file,
      );
      out.stdout(out.color ? colourPatch(patch) : patch);
    } else {
      // One record that cannot be written is said, and the others are formatted all the same.
      try {
        await rewriteFileAtomic(path, result.text);
      } catch (error) {
        differing--;
        failed++;
        out.stderr(`${file}: cannot format: ${fileFailure(error, 'write')}\n`);
        continue;
      }
      out.stdout(`formatted ${file}\n`);
    }
  }
  const total = discovered.files.length;
  const unread = failed + missing > 0 ? `, ${failed + missing} could not be ${missing > 0 ? 'found or formatted' : 'formatted'}` : '';
  if (options.check) {
    const formatted = total - differing - failed;
    out.stderr(
      differing === 0
        ? `${formatted} ${formatted === 1 ? 'record is' : 'records are'} formatted${unread}\n`
        : `${differing} of ${total} ${total === 1 ? 'record needs' : 'records need'} phrg-brief fmt${unread}\n`,
    );
    return differing > 0 || failed + missing > 0 ? EXIT_ERRORS : EXIT_OK;
  }
  out.stderr(`${differing} formatted, ${total - differing - failed} already formatted${unread}\n`);
  return failed + missing > 0 ? EXIT_ERRORS : EXIT_OK;
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

/**
 * The diff's file names ended by a tab where they hold a space, as diff ends them before a
 * date: patch reads a name up to its first space else, and `patch -p0` found no file to patch.
 */
function withNamesEnded(patch: string, file: string): string {
  if (!/\s/.test(file)) return patch;
  return patch.replace(/^(---|\+\+\+) (.*)$/gm, (line, mark: string, name: string) => (name === file ? `${mark} ${name}\t` : line));
}
