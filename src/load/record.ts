/** Load stage: a file on disk → its text, front-matter document and Markdown tree. */
import { readFile, stat } from 'node:fs/promises';
import type { Root } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAt, fileDiagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { CONTROL_CHARACTER } from './control-characters.js';
import { decodeRecord, utf16ByteOrder } from './decode.js';
import { splitRecordQuickly, type RecordFrontMatter } from './frontmatter.js';
import { DEFAULT_RECORD_SIZE, markdownLimitProblem, recordSizeProblem } from './limits.js';
import { parseBody } from './markdown.js';
import { yamlLimitProblem } from './yaml-limits.js';

export interface LoadedRecord {
  /** The path as reported in diagnostics. */
  file: string;
  source: SourceText;
  frontMatter: RecordFrontMatter;
  /** Body tree; positions are the file's. */
  tree: Root;
}

export interface LoadResult {
  record?: LoadedRecord;
  diagnostics: Diagnostic[];
}

export async function loadRecordFile(path: string, file = path, maxBytes = DEFAULT_RECORD_SIZE): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    // A record over the limit is not read at all.
    const size = (await stat(path)).size;
    if (size > maxBytes) return { diagnostics: [tooLarge(file, size, maxBytes)] };
    bytes = await readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { diagnostics: [fileError(file, 'read-error', `cannot read the file (${reason})`)] };
  }
  return loadRecordBytes(bytes, file, maxBytes);
}

/** `maxBytes`: a bigger record is refused before it is decoded or parsed. */
export function loadRecordBytes(bytes: Uint8Array, file: string, maxBytes = DEFAULT_RECORD_SIZE): LoadResult {
  if (bytes.length > maxBytes) return { diagnostics: [tooLarge(file, bytes.length, maxBytes)] };
  // Notepad's and Word's "Unicode" is UTF-16, its byte-order mark first: not Windows-1252.
  const utf16 = utf16ByteOrder(bytes)?.toUpperCase();
  if (utf16) {
    return {
      diagnostics: [
        {
          ...fileError(file, 'encoding', `the file is saved as ${utf16} ("Unicode" in Notepad and Word), not UTF-8`),
          note: 'save the file again as UTF-8 (in most editors: Save As, encoding UTF-8)',
        },
      ],
    };
  }
  const decoded = decodeRecord(bytes);
  if (!decoded.ok) {
    return {
      diagnostics: [
        {
          ...fileError(
            file,
            'encoding',
            `the byte 0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')} here is not UTF-8: the file looks saved as Windows-1252 or Latin-1`,
          ),
          line: decoded.line,
          column: decoded.column,
          endLine: decoded.line,
          endColumn: decoded.column + 1,
          note: 'save the file again as UTF-8 (in most editors: Save As, encoding UTF-8)',
        },
      ],
    };
  }
  return loadRecordText(decoded.text, file);
}

export function loadRecordText(original: string, file: string): LoadResult {
  const source = new SourceText(original);
  // Read with each control character as a space, the same length, so that the rest is checked
  // too, a draft is known as one (its error then a warning), and positions stay the file's;
  // validation reports the characters (validate/record.ts), and nothing is made with them.
  const text = original.replace(CONTROL_CHARACTER, ' ');
  const split = splitRecordQuickly(text);
  const at = (start: number, end: number, message: string, note?: string): Diagnostic =>
    diagnosticAt(file, source, start, end, { severity: 'error', rule: 'yaml-syntax', message, note });

  switch (split.kind) {
    case 'empty':
      return { diagnostics: [at(0, 0, 'the file is empty', 'a record starts with front-matter between two --- lines')] };
    case 'missing':
      return {
        diagnostics: [
          at(
            0,
            text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'),
            'no front-matter: the first line is not ---',
            'a record starts with front-matter between two --- lines',
          ),
        ],
      };
    case 'unclosed':
      return { diagnostics: [at(0, 3, 'the front-matter opened here is never closed', 'add a line --- after the last key')] };
    case 'bad-fence':
      return {
        diagnostics: [at(split.offset, split.offset + split.length, 'the front-matter must close with a line of exactly ---')],
      };
    case 'ok': {
      const yamlLimit = yamlLimitProblem(split.frontMatter.yaml);
      const limit = yamlLimit
        ? { ...yamlLimit, start: yamlLimit.start + split.frontMatter.offset, end: yamlLimit.end + split.frontMatter.offset }
        : markdownLimitProblem(text, split.bodyOffset);
      if (limit)
        return {
          diagnostics: [
            diagnosticAt(file, source, limit.start, limit.end, { severity: 'error', rule: 'too-complex', message: limit.message, note: limit.note }),
          ],
        };
      const tree = parseBody(text, split.bodyOffset);
      return { record: { file, source, frontMatter: split.frontMatter, tree }, diagnostics: [] };
    }
  }
}

function tooLarge(file: string, size: number, maxBytes: number): Diagnostic {
  const problem = recordSizeProblem(size, maxBytes)!;
  return { ...fileError(file, 'too-large', problem.message), note: problem.note };
}

function fileError(file: string, rule: string, message: string): Diagnostic {
  return fileDiagnostic(file, { severity: 'error', rule, message });
}
