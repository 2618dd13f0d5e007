/**
 * `phrg-brief templates eject [name]`: copies the default templates and PDF theme (or one of
 * them) into the project's templates folder to customise, and points phrg-brief.yaml at it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { DEFAULT_TEMPLATES_DIR } from '../compose/template-files.js';
import { loadConfig } from '../config/load.js';
import { CONFIG_FILE } from '../config/defaults.js';
import { writeFileAtomic } from '../write/atomic.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { insideProject, projectAbove } from './no-records.js';

export interface EjectOptions {
  force?: boolean;
}

export function defaultTemplateFiles(): string[] {
  return readdirSync(DEFAULT_TEMPLATES_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(DEFAULT_TEMPLATES_DIR, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

export async function runEject(name: string | undefined, options: EjectOptions): Promise<number> {
  const cwd = process.cwd();
  // From a folder inside a project, the copies and a phrg-brief.yaml of their own would be made
  // there, and the project's builds would not see them.
  const project = projectAbove(cwd);
  if (project !== undefined) {
    process.stderr.write(`phrg-brief templates eject: ${insideProject(cwd, project, true)}\n`);
    return EXIT_USAGE;
  }
  const all = defaultTemplateFiles();
  const chosen =
    name === undefined
      ? all
      : all.filter((file) => file === name || file === `${name}.hbs` || file === `partials/${name}.hbs` || file.split('/').pop() === name);
  if (chosen.length === 0) {
    process.stderr.write(`phrg-brief templates eject: no template ${name}; there are:\n${all.map((file) => `  ${file}\n`).join('')}`);
    return EXIT_USAGE;
  }
  const { config, diagnostics } = await loadConfig(cwd);
  if (!config) {
    process.stderr.write(
      `phrg-brief templates eject: ${CONFIG_FILE} has errors; run phrg-brief check\n${diagnostics.map((d) => `  ${d.file}:${d.line}:${d.column} ${d.message}\n`).join('')}`,
    );
    return EXIT_ERRORS;
  }
  const target = config.templatesDir ?? resolve(cwd, 'templates');
  const existing = options.force ? [] : chosen.filter((file) => existsSync(join(target, file)));
  // Asked for one file that is there: nothing to do. Asked for them all: the copies made
  // already (and edited, perhaps) are kept, and the rest copied beside them.
  if (existing.length > 0 && existing.length === chosen.length && name !== undefined) {
    process.stderr.write(
      `phrg-brief templates eject: these exist already and were left as they are:\n${existing.map((file) => `  ${relative(cwd, join(target, file))}\n`).join('')}run again with --force to overwrite them\n`,
    );
    return EXIT_USAGE;
  }
  for (const file of chosen.filter((file) => !existing.includes(file))) {
    await mkdir(dirname(join(target, file)), { recursive: true });
    await copyFile(join(DEFAULT_TEMPLATES_DIR, file), join(target, file));
    process.stdout.write(`copied ${relative(cwd, join(target, file))}\n`);
  }
  if (!config.templatesDir) {
    const configPath = join(cwd, CONFIG_FILE);
    const before = existsSync(configPath) ? readFileSync(configPath, 'utf8') : '';
    const line = `templates: ${relative(cwd, target) || '.'}`;
    // The example init writes commented (`# templates: templates  # …`) becomes the setting, in its place.
    const example = /^# templates: \S+(.*)$/m;
    if (example.test(before))
      await writeFileAtomic(
        configPath,
        before.replace(example, (_whole, comment: string) => `${line}${comment}`),
      );
    else await appendFile(configPath, `${before && !before.endsWith('\n') ? '\n' : ''}${line}\n`);
    process.stdout.write(`set templates: ${relative(cwd, target)} in ${CONFIG_FILE}\n`);
  }
  if (existing.length > 0)
    process.stdout.write(
      `kept ${existing.map((file) => relative(cwd, join(target, file))).join(', ')} as ${existing.length === 1 ? 'it is' : 'they are'} (--force overwrites ${existing.length === 1 ? 'it' : 'them'})\n`,
    );
  process.stdout.write('Edit the copies; files you did not copy keep their defaults.\n');
  return EXIT_OK;
}
