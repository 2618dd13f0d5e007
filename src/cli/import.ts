/** `phrg-brief import`: existing briefings (text or saved web pages) → records in meetings/. */
import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { errorMessage, fileFailure, isStackOverflow } from '../diagnostics/error-message.js';
import { importBriefing } from '../import/briefing.js';
import { decodeImported, notText } from '../import/decode.js';
import { recordFileName, recordText } from '../import/record.js';
import { briefingLines, pageKeywords } from '../import/text.js';
import { DEFAULT_RECORD_SIZE, recordSizeProblem } from '../load/limits.js';
import { writeFileAtomic } from '../write/atomic.js';
import { EXIT_ERRORS, EXIT_OK } from './exit-codes.js';
import { processOutput, type Output } from './output.js';

export interface ImportOptions {
  out: string;
  force?: boolean;
}

const READABLE = new Set(['.txt', '.html', '.htm', '.text']);

export async function runImport(inputs: string[], options: ImportOptions): Promise<number> {
  return importPaths(inputs, process.cwd(), options, processOutput);
}

/** `import` of `inputs` (relative to `cwd`, as `options.out` is), printing to `out`: its exit code. */
export async function importPaths(inputs: string[], cwd: string, options: ImportOptions, out: Output): Promise<number> {
  const files: string[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    if (!existsSync(path)) {
      out.stderr(`phrg-brief import: ${input}: no such file or folder\n`);
      return EXIT_ERRORS;
    }
    if (statSync(path).isDirectory()) {
      // With its subfolders: an old archive is often filed by year (old/2016/…). A saved web
      // page's folder of images and scripts (`page_files/`) and hidden folders hold no briefing.
      const named = (entry: Dirent): string => relative(path, join(entry.parentPath, entry.name));
      const entries = readdirSync(path, { withFileTypes: true, recursive: true })
        .filter(
          (entry) =>
            !named(entry)
              .split(sep)
              .some((part) => part.startsWith('.') || /_files$/i.test(part)),
        )
        .sort((a, b) => (named(a) < named(b) ? -1 : named(a) > named(b) ? 1 : 0));
      const readable = entries.filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && READABLE.has(extname(entry.name).toLowerCase())).map(named);
      files.push(...readable.map((name) => join(input, name)));
      // Said, so that a folder of Word files is not passed over without a word.
      const others = entries.filter((entry) => entry.isFile() && !READABLE.has(extname(entry.name).toLowerCase())).map(named);
      if (others.length > 0)
        out.stderr(
          `phrg-brief import: ${input}: left out ${others.length === 1 ? others[0] : `${others.length} files (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''})`}: only text (.txt) and saved web pages (.html, .htm) are read; save Word files as one of those\n`,
        );
      if (readable.length === 0) out.stderr(`phrg-brief import: ${input}: no .txt, .html or .htm file to import\n`);
    } else {
      files.push(input);
    }
  }
  let failed = 0;
  for (const file of files) {
    // Each file is imported or refused alone: one that cannot be read leaves the others to go on.
    try {
      const html = /\.html?$/i.test(file);
      const bytes = await readFile(resolve(cwd, file));
      const binary = notText(bytes);
      if (binary) {
        out.stderr(`${file}: cannot import it: ${binary}\n`);
        failed++;
        continue;
      }
      const decoded = decodeImported(bytes, html);
      // A record is read by check and build as it is: imported, its front-matter became the title and points.
      if (!html && /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\s*(?:\r?\n|$)/.test(decoded.text)) {
        out.stderr(`${file}: cannot import it: it is a record already (it begins with front-matter); check it with phrg-brief check ${file}\n`);
        failed++;
        continue;
      }
      const result = importBriefing(briefingLines(decoded.text, html));
      const tags = html ? pageKeywords(decoded.text) : [];
      if (tags.length > 0) result.data.tags = tags;
      if (decoded.warning) result.warnings.unshift(decoded.warning);
      const target = resolve(cwd, options.out, recordFileName(result, basename(file, extname(file))));
      const shown = relative(cwd, target);
      if (existsSync(target) && !options.force) {
        out.stderr(`${file}: ${shown} exists already; run again with --force to replace it\n`);
        failed++;
        continue;
      }
      const text = recordText(result);
      try {
        await writeFileAtomic(target, text);
      } catch (error) {
        out.stderr(`${file}: cannot write ${shown}: ${fileFailure(error, 'write')}\n`);
        failed++;
        continue;
      }
      out.stdout(`${file} → ${shown}\n`);
      for (const warning of result.warnings) out.stderr(`  warning: ${warning}\n`);
      const tooLarge = recordSizeProblem(Buffer.byteLength(text), DEFAULT_RECORD_SIZE);
      if (tooLarge)
        out.stderr(`  warning: ${tooLarge.message.replace(': it was not read further', '')}, so check and build will refuse it: ${tooLarge.note}\n`);
    } catch (error) {
      // The page's elements nested past what the HTML reader's recursion can follow.
      const reason = isStackOverflow(error)
        ? 'its elements nest too deep to be read'
        : (error as NodeJS.ErrnoException).code
          ? fileFailure(error, 'read') // the record's write is reported where it is made
          : errorMessage(error);
      out.stderr(`${file}: cannot import it: ${reason}\n`);
      failed++;
    }
  }
  const imported = files.length - failed;
  // Nothing to review when nothing was imported.
  if (files.length > 0) out.stderr(`imported ${imported} of ${files.length}${imported > 0 ? '; run phrg-brief check to review them' : ''}\n`);
  return failed > 0 || files.length === 0 ? EXIT_ERRORS : EXIT_OK;
}
