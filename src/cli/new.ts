/**
 * `phrg-brief new "Title" --date YYYY-MM-DD`: a new record in meetings/, named after its date
 * and title, with every front-matter field present (the optional ones commented out). On a
 * terminal, a missing title or date is asked for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { formatRecord } from '../format/record.js';
import { titleSlug } from '../site/model.js';
import { isIsoDate } from '../validate/schema.js';
import { explainDate } from '../validate/dates.js';
import { RECORD_SCHEMA_FILE } from '../validate/json-schema.js';
import { writeFileAtomic } from '../write/atomic.js';
import { fileFailure } from '../diagnostics/error-message.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { insideProject, projectAbove } from './no-records.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface NewOptions {
  date?: string;
  kind?: string;
  dir: string;
  force?: boolean;
}

export async function runNew(titleArgument: string | undefined, options: NewOptions): Promise<number> {
  let title = titleArgument?.trim();
  let date = options.date?.trim();
  const asked = (!title || !date) && process.stdin.isTTY;
  if (asked) {
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    try {
      title ||= (await prompt.question('Title: ')).trim();
      // Asked again, with what is wrong, rather than the title typed in vain.
      for (let tries = 0; !date && tries < 3; tries++) {
        const answer = (await prompt.question(`Date (YYYY-MM-DD) [${today()}]: `)).trim() || today();
        const problem = dateProblem(answer);
        if (problem === undefined) date = answer;
        else process.stderr.write(`  ${problem}\n`);
      }
    } finally {
      prompt.close();
    }
  }
  if (!title) return usage('a title is needed: phrg-brief new "Peru – Human Rights Defenders" --date 2026-11-26');
  if (!date && asked) return usage('no date given: give it with --date YYYY-MM-DD');
  date ??= today();
  const problem = dateProblem(date);
  if (problem !== undefined) return usage(`--date: ${problem}`);

  // Run from inside the records folder itself (cd meetings), the record goes there, not into a
  // meetings/ made inside it.
  const inRecords = options.dir === 'meetings' && basename(process.cwd()) === 'meetings' && !existsSync('meetings');
  // From another folder inside a project (its templates/, say), a record would start a
  // meetings/ of its own there, which no build reads; a folder given with --dir is meant.
  const project = inRecords || options.dir !== 'meetings' ? undefined : projectAbove(process.cwd());
  if (project !== undefined) return usage(insideProject(process.cwd(), project, true));
  const file = resolve(inRecords ? '.' : options.dir, `${date}-${titleSlug(title, 8)}.md`);
  if (existsSync(file) && !options.force) {
    process.stderr.write(`phrg-brief new: ${relative(process.cwd(), file)} exists already; run again with --force to replace it\n`);
    return EXIT_USAGE;
  }
  const template = readFileSync(join(ROOT, 'templates/init/record.md'), 'utf8');
  const record = template
    .replace('{{schema}}', schemaReference(dirname(file), inRecords ? resolve('..') : process.cwd()))
    .replace('{{title}}', yamlString(title))
    .replaceAll('{{date}}', date)
    .replace('{{kind}}', yamlString(options.kind ?? 'meeting'));
  // Written as `fmt` would write it, so that `fmt --check` passes on a new record.
  const formatted = formatRecord(record);
  try {
    await writeFileAtomic(file, formatted.ok ? formatted.text : record);
  } catch (error) {
    process.stderr.write(`phrg-brief new: cannot write ${relative(process.cwd(), file)}: ${fileFailure(error, 'write')}\n`);
    return EXIT_ERRORS;
  }
  process.stdout.write(`wrote ${relative(process.cwd(), file)}\n`);
  return EXIT_OK;
}

/** Where an editor finds the record schema: the project's copy, else the installed package's. */
function schemaReference(recordDir: string, project: string): string {
  const candidates = [join(project, RECORD_SCHEMA_FILE), join(project, 'node_modules', 'phrg-brief', RECORD_SCHEMA_FILE)];
  const found = candidates.find((path) => existsSync(path)) ?? candidates[1]!;
  return relative(recordDir, found).split('\\').join('/');
}

/** A title as a YAML scalar that reads back as the same text (plain when that is safe). */
function yamlString(text: string): string {
  return stringify(text, { version: '1.2', lineWidth: 0 }).trimEnd();
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function usage(message: string): number {
  process.stderr.write(`phrg-brief new: ${message}\n`);
  return EXIT_USAGE;
}

/** What is wrong with a date as typed (`2026-13-01`: no such day; `7/11/16`: which?), with its likely meaning. */
function dateProblem(value: string): string | undefined {
  if (isIsoDate(value)) return undefined;
  const explained = explainDate(value);
  if (!explained) return `write the day as YYYY-MM-DD, not "${value}"`;
  const message = explained.message.replace(/^date:? /, '').replace(/^must/, 'the date must');
  return `${message}${explained.note ? `; ${explained.note}` : ''}`;
}
