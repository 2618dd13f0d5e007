/**
 * Commander wiring only: each command declares its flags and loads its module on demand,
 * so that `--help` and `--version` start fast.
 *
 * Exit codes: 0 success, 1 a record (or the config) has errors, 2 bad usage.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FORMATS, type FormatSpec } from '../render/formats.js';
import { errorMessage } from '../diagnostics/error-message.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';

const REPORTERS = ['pretty', 'json', 'github'];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of 1 or more');
  return n;
}

/** The --format parser for a list of formats: comma-separated ids, each known. */
function formatList(formats: readonly FormatSpec[]): (value: string) => string[] {
  const known = formats.map((format) => format.id);
  return (value) => {
    const chosen = value.split(',').map((format) => format.trim().toLowerCase()).filter(Boolean);
    if (chosen.length === 0 || chosen.some((format) => !known.includes(format))) {
      throw new InvalidArgumentError(`formats are a comma-separated list of: ${known.join(', ')}`);
    }
    return [...new Set(chosen)];
  };
}

function formatHelp(formats: readonly FormatSpec[]): string {
  const defaults = formats.filter((format) => format.byDefault).map((format) => format.id);
  return `formats, comma-separated: ${formats.map((format) => format.id).join(', ')} (default: ${defaults.join(', ')}, or \`formats\` in phrg-brief.yaml)`;
}

/** `formats` is the registry's list; a test passes a longer one. */
export function createProgram(setExitCode: (code: number) => void, formats: readonly FormatSpec[] = FORMATS): Command {
  const program = new Command('phrg-brief')
    .description('Turn Markdown meeting records into published briefings (HTML and PDF).')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ phrg-brief build                      build every record in meetings/ and the archive into dist/
  $ phrg-brief build meetings/2016-11-07-peru.md -o public
  $ phrg-brief check                      validate records without writing anything
  $ phrg-brief check --reporter github    annotations for a GitHub Actions run
  $ phrg-brief preview                    see the briefings in a browser as you edit
  $ phrg-brief init --ci github           a new project, with a workflow that publishes it

A record is a Markdown file with YAML front-matter; see the README for the format.
Exit codes: 0 success, 1 a record has errors, 2 bad usage.`,
    );

  const common = (command: Command): Command =>
    command
      .argument('[paths...]', 'record files or folders of records', ['meetings'])
      .option('-c, --config <file>', 'config file (default: phrg-brief.yaml in the working directory)')
      .addOption(new Option('-r, --reporter <name>', 'how to print problems').choices(REPORTERS).default('pretty'))
      .option('--debug', 'print stack traces of internal errors');

  common(program.command('build'))
    .description('validate records and write their briefings and the archive site')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-f, --format <list>', formatHelp(formats), formatList(formats))
    .option('--force', 'render every record, ignoring the build cache')
    .option('--drafts', 'build records marked draft: true as well')
    .option('-j, --jobs <n>', 'threads rendering records: this one and n-1 workers (default: one per core)', positiveInteger)
    .option('-w, --watch', 'build, then build again on every save to a record, template or config, until Ctrl-C')
    .addHelpText(
      'after',
      `
Writes <slug>.html, .pdf, .md and .json for each record, and the archive: index.html,
tags/, people/, feed.xml, briefings.json (with schema/), and sitemap.xml when site.baseUrl
is set. Only records that changed since the last build are rendered again (the cache is in
.phrg-brief-cache/); outputs of deleted records are removed. Records with errors produce
no output (their earlier files are left as they were); the others are still built, and the
exit code is 1. With --watch the build stays running and builds again after every save,
with its modules loaded and warm: an edit is written in a few tens of milliseconds.

Examples:
  $ phrg-brief build
  $ phrg-brief build --watch --format html
  $ phrg-brief build --format html,pdf meetings/2016-11-07-peru.md --out public
  $ phrg-brief build --format docx
  $ phrg-brief build --force --jobs 2`,
    )
    .action(async (paths: string[], options) => {
      const { runBuild } = await import('./build.js');
      setExitCode(await runBuild(paths, options));
    });

  common(program.command('check'))
    .description('validate records and report every problem, writing nothing')
    .option('--strict', 'count warnings as errors')
    .addHelpText(
      'after',
      `
Every record is checked, even when an earlier one fails. Exit 0 when there are no errors
(warnings allowed, unless --strict), 1 otherwise.

Examples:
  $ phrg-brief check
  $ phrg-brief check --reporter json meetings/2016-11-07-peru.md`,
    )
    .action(async (paths: string[], options) => {
      const { runCheck } = await import('./check.js');
      setExitCode(await runCheck(paths, options));
    });

  program
    .command('preview')
    .description('serve the briefings on this computer and update the open page on every save')
    .argument('[path]', 'a record or a folder of records', 'meetings')
    .option('-p, --port <n>', 'port to listen on (the next free one if taken)', portNumber, 4000)
    .option('--host <host>', 'address to listen on; other than loopback only when you mean it', '127.0.0.1')
    .option('--open', 'open the page in the default browser')
    .option('-c, --config <file>', 'config file (default: phrg-brief.yaml in the working directory)')
    .addHelpText(
      'after',
      `
Builds into a temporary folder with the same steps as build, and serves it. Saving a record,
a template, the theme or phrg-brief.yaml rebuilds and reloads the open page; a record with
errors shows them in the browser until it is fixed. Each briefing has a bar with its other
formats and its warning count (the bar is never in build output).

Examples:
  $ phrg-brief preview
  $ phrg-brief preview meetings/2016-11-07-peru.md --open`,
    )
    .action(async (path: string, options) => {
      const { runPreview } = await import('./preview.js');
      setExitCode(await runPreview(path, options));
    });

  program
    .command('new')
    .description('start a new record in meetings/, every field present and explained')
    .argument('[title]', 'the briefing’s title (asked for on a terminal when left out)')
    .option('-d, --date <YYYY-MM-DD>', 'the day of the meeting (default: today)')
    .option('-k, --kind <kind>', 'meeting, roundtable, panel event, report launch, …', 'meeting')
    .option('--dir <folder>', 'folder for the record', 'meetings')
    .option('--force', 'replace a record of the same name')
    .addHelpText(
      'after',
      `
Examples:
  $ phrg-brief new "Peru – Human Rights Defenders" --date 2026-11-26
  $ phrg-brief new "Bahrain: detained medics" --date 2026-12-03 --kind roundtable`,
    )
    .action(async (title: string | undefined, options) => {
      const { runNew } = await import('./new.js');
      setExitCode(await runNew(title, options));
    });

  program
    .command('fmt')
    .description('rewrite records in one canonical form (key order, quoting, list markers)')
    .argument('[paths...]', 'record files or folders of records', ['meetings'])
    .option('--check', 'change nothing; print what would change, a unified diff per record, and exit 1 if any')
    .addOption(new Option('--wrap <mode>', 'keep each paragraph’s line breaks, or join its lines (default: fmt.wrap in phrg-brief.yaml, else keep)').choices(['keep', 'none']))
    .option('-c, --config <file>', 'config file (default: phrg-brief.yaml in the working directory)')
    .addHelpText(
      'after',
      `
Front-matter keys go in the record contract's order, strings are quoted only where YAML needs
it, lists use "-" and emphasis "_"; comments are kept. The meaning never changes: the result
is checked to give the same data and the same briefing, and formatting twice changes nothing.

Examples:
  $ phrg-brief fmt
  $ phrg-brief fmt --check        in CI: fail, showing the diff, when a record is not formatted`,
    )
    .action(async (paths: string[], options) => {
      const { runFmt } = await import('./fmt.js');
      setExitCode(await runFmt(paths, options));
    });

  program
    .command('import')
    .description('turn existing briefings (plain text or saved web pages) into records')
    .argument('<inputs...>', 'briefing files (.txt, .html) or folders of them')
    .option('-o, --out <dir>', 'folder for the records', 'meetings')
    .option('--force', 'replace records of the same name')
    .addHelpText(
      'after',
      `
Recognises the house phrases: the "D/M/YY: Title" heading, "… held a meeting on …",
"in conjunction with", "The speakers were:", "The meeting was chaired by" or "We would like
to thank … for chairing", "The main points … were as follows:"; it splits speakers into name,
role, note and initials, and keeps attributions such as (JC + IV). What it cannot place goes
into the body, with a warning. Run phrg-brief check on the result.

Examples:
  $ phrg-brief import old/2016-11-07-peru.txt
  $ phrg-brief import saved-pages/ --out meetings`,
    )
    .action(async (inputs: string[], options) => {
      const { runImport } = await import('./import.js');
      setExitCode(await runImport(inputs, options));
    });

  const templates = program.command('templates').description('work with the briefing templates');
  templates
    .command('eject')
    .description('copy the default templates and PDF theme into your templates folder to customise')
    .argument('[name]', 'one template only, e.g. briefing.hbs, person, pdf-theme.yaml')
    .option('--force', 'overwrite copies that exist already')
    .addHelpText(
      'after',
      `
Examples:
  $ phrg-brief templates eject                 every template, the stylesheet and the PDF theme
  $ phrg-brief templates eject briefing.hbs    just the briefing's wording`,
    )
    .action(async (name: string | undefined, options) => {
      const { runEject } = await import('./templates.js');
      setExitCode(await runEject(name, options));
    });

  program
    .command('init')
    .description('start a project: phrg-brief.yaml, meetings/ with an example record, .gitignore')
    .argument('[dir]', 'folder to start the project in', '.')
    .addOption(new Option('--ci <service>', 'also write a CI workflow that checks and publishes').choices(['github']))
    .option('--force', 'overwrite files that exist already')
    .addHelpText(
      'after',
      `
Examples:
  $ phrg-brief init
  $ phrg-brief init briefings --ci github     also .github/workflows/briefings.yml`,
    )
    .action(async (dir: string, options) => {
      const { runInit } = await import('./init.js');
      setExitCode(await runInit(dir, options));
    });

  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const program = createProgram((code) => {
    exitCode = code;
  });
  quietOnClosedOutput();
  if (argv.length <= 2) {
    // No command is bad usage: the help goes where errors go, and the exit code says so.
    program.outputHelp({ error: true });
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; everything else Commander rejects is bad usage.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    process.stderr.write(`phrg-brief: ${errorMessage(error)}\n`);
    if (argv.includes('--debug') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return EXIT_ERRORS;
  }
}

/**
 * A reader that stops early (`phrg-brief --help | head -1`) closes the pipe; further writes
 * fail with EPIPE, which Node raises as an unhandled 'error' event. That is not the CLI's
 * failure: the output is dropped and the command ends with its own exit code.
 */
function quietOnClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    });
  }
}
