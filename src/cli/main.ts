/**
 * Commander wiring only: each command declares its flags and loads its module on demand,
 * so that `--help` and `--version` start fast.
 *
 * Exit codes: 0 success, 1 a record (or the config) has errors, 2 bad usage.
 */
import { relative } from 'node:path';
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { FORMATS, type FormatSpec } from '../render/formats.js';
import { packageVersion } from '../config/package-version.js';
import { errorMessage, fileFailure } from '../diagnostics/error-message.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { formatHelp, HELP, PROGRAM_HELP, type CommandHelp } from './help.js';
import { folderName, formatList, siteAddress, portNumber, positiveInteger, withConfig, withDebug, withRecordPaths, withReporter } from './options.js';

/** The command's description and its help after the options, from help.ts. */
const described = <C extends { description(text: string): C; addHelpText(position: 'after', text: string): C }>(command: C, help: CommandHelp): C =>
  command.description(help.description).addHelpText('after', help.after);

/** `formats` is the registry's list; a test passes a longer one. */
export function createProgram(setExitCode: (code: number) => void, formats: readonly FormatSpec[] = FORMATS): Command {
  // Each command's module loads when it runs; its arguments and options, typed by their
  // declarations (Commander's extra typings), must fit the module's own option type.
  const program = new Command('phrg-brief')
    .description(PROGRAM_HELP.description)
    .version(packageVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText('after', PROGRAM_HELP.after);

  withDebug(withReporter(withConfig(withRecordPaths(described(program.command('build'), HELP.build)))))
    .option('-o, --out <dir>', 'output folder', folderName, 'dist')
    .option('-f, --format <list>', formatHelp(formats), formatList(formats))
    .option('--force', 'render every record, ignoring the build cache')
    .option('--drafts', 'build records marked draft: true as well')
    .option('--base-url <url>', 'the published site’s address, in place of site.baseUrl in phrg-brief.yaml (the workflow gives GitHub Pages’)', siteAddress)
    .option(
      '-j, --jobs <n>',
      'threads rendering records: this one and n-1 workers (default: one per core but one; one per core for over 2,000 records)',
      positiveInteger,
    )
    .option('-w, --watch', 'build, then build again on every save to a record, template or config, until Ctrl-C')
    .action(async (paths, options) => setExitCode(await (await import('./build.js')).runBuild(paths, options)));

  withDebug(withReporter(withConfig(withRecordPaths(described(program.command('check'), HELP.check)))))
    .option('--strict', 'count warnings as errors')
    .action(async (paths, options) => setExitCode(await (await import('./check.js')).runCheck(paths, options)));

  withDebug(withConfig(described(program.command('preview'), HELP.preview)))
    .argument('[path]', 'a record or a folder of records', 'meetings')
    .option('-p, --port <n>', 'port to listen on (the next free one if taken)', portNumber, 4000)
    .option('--host <host>', 'address to listen on; other than loopback only when you mean it', '127.0.0.1')
    .option('--open', 'open the page in the default browser')
    .action(async (path, options) => setExitCode(await (await import('./preview.js')).runPreview(path, options)));

  described(program.command('new'), HELP.new)
    .argument('[title]', 'the briefing’s title (asked for on a terminal when left out)')
    .option('-d, --date <YYYY-MM-DD>', 'the day of the meeting (default: today)')
    .option('-k, --kind <kind>', 'meeting, roundtable, panel event, report launch, …', 'meeting')
    .option('--dir <folder>', 'folder for the record', folderName, 'meetings')
    .option('--force', 'replace a record of the same name')
    .action(async (title, options) => setExitCode(await (await import('./new.js')).runNew(title, options)));

  withDebug(withConfig(withRecordPaths(described(program.command('fmt'), HELP.fmt))))
    .option('--check', 'change nothing; print what would change, a unified diff per record, and exit 1 if any')
    .addOption(
      new Option('--wrap <mode>', 'keep each paragraph’s line breaks, or join its lines (default: fmt.wrap in phrg-brief.yaml, else keep)').choices([
        'keep',
        'none',
      ]),
    )
    .action(async (paths, options) => setExitCode(await (await import('./fmt.js')).runFmt(paths, options)));

  described(program.command('import'), HELP.import)
    .argument('<inputs...>', 'briefing files (.txt, .html) or folders of them')
    .option('-o, --out <dir>', 'folder for the records', folderName, 'meetings')
    .option('--force', 'replace records of the same name')
    .action(async (inputs, options) => setExitCode(await (await import('./import.js')).runImport(inputs, options)));

  const templates = program.command('templates').description(HELP.templates.description);
  described(templates.command('eject'), HELP.templatesEject)
    .argument('[name]', 'one template only, e.g. briefing.hbs, person, pdf-theme.yaml')
    .option('--force', 'overwrite copies that exist already')
    .action(async (name, options) => setExitCode(await (await import('./templates.js')).runEject(name, options)));

  described(program.command('init'), HELP.init)
    .argument('[dir]', 'folder to start the project in', '.')
    .addOption(new Option('--ci <service>', 'also write a CI workflow that checks and publishes').choices(['github']))
    .option('--force', 'overwrite the files init makes that are there already (else kept; .gitignore gets the lines it lacks)')
    .action(async (dir, options) => setExitCode(await (await import('./init.js')).runInit(dir, options)));

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
  // `help nosuch` printed the whole help and exit 2 without a word on why: run as `nosuch`, it
  // is Commander's "unknown command", with the nearest it knows.
  const [command, asked] = argv.slice(2);
  const unknownHelp = command === 'help' && asked !== undefined && !asked.startsWith('-') && !program.commands.some((c) => c.name() === asked);
  try {
    await program.parseAsync(unknownHelp ? [argv[0]!, argv[1]!, asked] : (argv as string[]));
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; everything else Commander rejects is bad usage.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    process.stderr.write(`phrg-brief: ${failureMessage(error)}\n`);
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

/**
 * A failure no command turned into a diagnostic, in words: a file or folder phrg-brief could not
 * make or open (its build cache in a folder not writable, a file where the cache's folder goes)
 * is named, relative to here, with why; anything else as it says itself.
 */
function failureMessage(error: unknown): string {
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof path !== 'string') return errorMessage(error);
  const reading = syscall === 'open' || syscall === 'read' || syscall === 'scandir' || syscall === 'stat';
  return `cannot ${reading ? 'read' : 'write'} ${relative(process.cwd(), path) || path}: ${fileFailure(error, reading ? 'read' : 'write')}`;
}
