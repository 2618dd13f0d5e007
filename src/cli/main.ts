/**
 * Commander wiring only: each command declares its flags and loads its module on demand,
 * so that `--help` and `--version` start fast.
 *
 * Exit codes: 0 success, 1 a record (or the config) has errors, 2 bad usage.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { FORMATS, type FormatSpec } from '../render/formats.js';
import { errorMessage } from '../diagnostics/error-message.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { formatHelp, HELP, PROGRAM_HELP, type CommandHelp } from './help.js';
import { formatList, portNumber, positiveInteger, withConfig, withDebug, withRecordPaths, withReporter } from './options.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** A command's module's entry: its arguments, then its typed options; resolves to the exit code. */
type Runner<Args extends unknown[]> = (...args: Args) => Promise<number>;

/** The command's description and its help after the options, from help.ts. */
const described = (command: Command, help: CommandHelp): Command => command.description(help.description).addHelpText('after', help.after);

/** `formats` is the registry's list; a test passes a longer one. */
export function createProgram(setExitCode: (code: number) => void, formats: readonly FormatSpec[] = FORMATS): Command {
  /**
   * The action of a command whose module loads only when it runs. Commander hands over the
   * arguments, the options and the Command, typed any[]; the declarations beside each call give
   * the values that the module's own option type describes, so this is the one cast.
   */
  const runs =
    <Args extends unknown[]>(load: () => Promise<Runner<Args>>) =>
    async (...args: unknown[]): Promise<void> => {
      const run = await load();
      setExitCode(await run(...(args.slice(0, -1) as Args)));
    };

  const program = new Command('phrg-brief')
    .description(PROGRAM_HELP.description)
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText('after', PROGRAM_HELP.after);

  withDebug(withReporter(withConfig(withRecordPaths(described(program.command('build'), HELP.build)))))
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-f, --format <list>', formatHelp(formats), formatList(formats))
    .option('--force', 'render every record, ignoring the build cache')
    .option('--drafts', 'build records marked draft: true as well')
    .option('-j, --jobs <n>', 'threads rendering records: this one and n-1 workers (default: one per core)', positiveInteger)
    .option('-w, --watch', 'build, then build again on every save to a record, template or config, until Ctrl-C')
    .action(runs(() => import('./build.js').then((module) => module.runBuild)));

  withDebug(withReporter(withConfig(withRecordPaths(described(program.command('check'), HELP.check)))))
    .option('--strict', 'count warnings as errors')
    .action(runs(() => import('./check.js').then((module) => module.runCheck)));

  withDebug(withConfig(described(program.command('preview'), HELP.preview)))
    .argument('[path]', 'a record or a folder of records', 'meetings')
    .option('-p, --port <n>', 'port to listen on (the next free one if taken)', portNumber, 4000)
    .option('--host <host>', 'address to listen on; other than loopback only when you mean it', '127.0.0.1')
    .option('--open', 'open the page in the default browser')
    .action(runs(() => import('./preview.js').then((module) => module.runPreview)));

  described(program.command('new'), HELP.new)
    .argument('[title]', 'the briefing’s title (asked for on a terminal when left out)')
    .option('-d, --date <YYYY-MM-DD>', 'the day of the meeting (default: today)')
    .option('-k, --kind <kind>', 'meeting, roundtable, panel event, report launch, …', 'meeting')
    .option('--dir <folder>', 'folder for the record', 'meetings')
    .option('--force', 'replace a record of the same name')
    .action(runs(() => import('./new.js').then((module) => module.runNew)));

  withDebug(withConfig(withRecordPaths(described(program.command('fmt'), HELP.fmt))))
    .option('--check', 'change nothing; print what would change, a unified diff per record, and exit 1 if any')
    .addOption(new Option('--wrap <mode>', 'keep each paragraph’s line breaks, or join its lines (default: fmt.wrap in phrg-brief.yaml, else keep)').choices(['keep', 'none']))
    .action(runs(() => import('./fmt.js').then((module) => module.runFmt)));

  described(program.command('import'), HELP.import)
    .argument('<inputs...>', 'briefing files (.txt, .html) or folders of them')
    .option('-o, --out <dir>', 'folder for the records', 'meetings')
    .option('--force', 'replace records of the same name')
    .action(runs(() => import('./import.js').then((module) => module.runImport)));

  const templates = program.command('templates').description(HELP.templates.description);
  described(templates.command('eject'), HELP.templatesEject)
    .argument('[name]', 'one template only, e.g. briefing.hbs, person, pdf-theme.yaml')
    .option('--force', 'overwrite copies that exist already')
    .action(runs(() => import('./templates.js').then((module) => module.runEject)));

  described(program.command('init'), HELP.init)
    .argument('[dir]', 'folder to start the project in', '.')
    .addOption(new Option('--ci <service>', 'also write a CI workflow that checks and publishes').choices(['github']))
    .option('--force', 'overwrite files that exist already')
    .action(runs(() => import('./init.js').then((module) => module.runInit)));

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
