/**
 * `phrg-brief init [dir]`: a new project — phrg-brief.yaml (commented), meetings/ with the
 * example record, .gitignore, the record schema, package.json naming this phrg-brief, and
 * with `--ci github` a workflow that checks pull requests and publishes to GitHub Pages.
 * A file that is there already is kept (--force overwrites it), but for .gitignore, which gets
 * the lines it lacks; the example record is left out of a project with records of its own. So
 * `init --ci github` adds the workflow to a project that has the rest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../config/package-version.js';
import { errorMessage } from '../diagnostics/error-message.js';
import { writeFileAtomic } from '../write/atomic.js';
import { hasRecords } from '../load/discover.js';
import { installedFrom, planPackage, type PackagePlan } from './init-package.js';
import { githubWorkflow, repositoryOf, workflowPath } from './init-workflow.js';
import { EXIT_ERRORS, EXIT_OK } from './exit-codes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface InitOptions {
  ci?: string;
  force?: boolean;
}

export async function runInit(dir: string | undefined, options: InitOptions): Promise<number> {
  const target = resolve(dir ?? '.');
  const shown = (path: string): string => relative(process.cwd(), path) || '.';
  const version = packageVersion();
  const repository = options.ci === 'github' ? repositoryOf(target) : undefined;
  const files: InitFile[] = [
    { path: join(target, 'phrg-brief.yaml'), content: readFileSync(join(ROOT, 'templates/init/phrg-brief.yaml'), 'utf8') },
    { path: join(target, '.gitignore'), content: readFileSync(join(ROOT, 'templates/init/gitignore'), 'utf8'), addLines: true },
    // A copy of the record schema, so that editors complete and check records offline.
    { path: join(target, 'schema/record.schema.json'), content: readFileSync(join(ROOT, 'schema/record.schema.json'), 'utf8') },
  ];
  // The example, in a new project only: not beside records of the project's own, and not back
  // in a project begun already (its config is there) whose example was deleted.
  const example = join(target, 'meetings/2016-11-07-peru.md');
  const begun = existsSync(join(target, 'phrg-brief.yaml')) || (await hasRecords([join(target, 'meetings')], target));
  if (existsSync(example) || !begun)
    files.splice(2, 0, {
      path: example,
      content: readFileSync(join(ROOT, 'meetings/2016-11-07-peru.md'), 'utf8').replace(
        '---\n',
        '---\n# yaml-language-server: $schema=../schema/record.schema.json\n',
      ),
    });
  if (options.ci === 'github')
    files.push({
      path: workflowPath(target, repository),
      content: githubWorkflow(readFileSync(join(ROOT, 'templates/init/briefings.yml'), 'utf8'), target, repository),
    });

  let plan: PackagePlan;
  try {
    plan = planPackage(target, installedFrom(ROOT.replace(/[\\/]$/, ''), version));
  } catch (error) {
    process.stderr.write(`phrg-brief init: ${errorMessage(error)}\n`);
    return EXIT_ERRORS;
  }

  const kept: string[] = [];
  const same: string[] = [];
  for (const file of files) {
    const said = await writeInitFile(file, options.force ?? false);
    if (said === 'kept') kept.push(shown(file.path));
    else if (said === 'same') same.push(shown(file.path));
    else if (said) process.stdout.write(`${said} ${shown(file.path)}\n`);
  }
  // Said, not passed over: run again (after an upgrade, say), init tells what it found.
  if (same.length > 0) process.stdout.write(`${same.join(', ')} ${same.length === 1 ? 'has' : 'have'} what init writes already\n`);
  if (kept.length > 0)
    process.stdout.write(`kept ${kept.join(', ')} as ${kept.length === 1 ? 'it is' : 'they are'} (--force overwrites ${kept.length === 1 ? 'it' : 'them'})\n`);
  const manifest = join(target, 'package.json');
  if (plan.kind !== 'present' && plan.text !== undefined) {
    await writeFileAtomic(manifest, plan.text);
    process.stdout.write(
      `${plan.created ? 'wrote' : 'updated'} ${shown(manifest)}${plan.kind === 'named' ? ` (devDependencies: phrg-brief ${plan.spec})` : ''}\n`,
    );
  } else if (plan.kind === 'present') {
    process.stdout.write(`${shown(manifest)} names phrg-brief ${plan.spec} already\n`);
  }
  for (const note of plan.notes) process.stdout.write(`note: ${note}\n`);

  const where = relative(process.cwd(), target);
  const steps = [
    // Quoted for a shell when it must be ("sec-new dir"), so that the line can be pasted.
    where ? `cd ${/^[\w./-]+$/.test(where) ? where : `'${where.replace(/'/g, `'\\''`)}'`}` : '',
    existsSync(join(target, 'package-lock.json')) || plan.kind === 'unknown' ? '' : 'npm install',
    'npx phrg-brief build',
  ].filter(Boolean);
  process.stdout.write(`\nNext: ${steps.join(' && ')}   (the briefings go to dist/)\n`);
  if (options.ci === 'github') {
    process.stdout.write(
      'Commit package.json and package-lock.json with the rest: the workflow runs `npm ci`, which installs exactly that phrg-brief.\n' +
        `Then on GitHub, under Settings → Pages, set "Source" to "GitHub Actions" (a run started before that fails at configure-pages: re-run it), and each push to ${repository?.branch ?? 'main'} publishes dist/.\n`,
    );
  }
  return EXIT_OK;
}

interface InitFile {
  path: string;
  content: string;
  /** A list of lines (.gitignore): the lines it lacks are added to a file that is there. */
  addLines?: boolean;
}

/** Writes a file init makes unless it is there: what was done, for the user, `kept`, or `same` when it is as init would write it. */
async function writeInitFile(file: InitFile, force: boolean): Promise<string | undefined> {
  if (!existsSync(file.path)) {
    await writeFileAtomic(file.path, file.content);
    return 'wrote';
  }
  const present = readFileSync(file.path, 'utf8');
  if (present === file.content) return 'same';
  if (file.addLines) {
    const have = new Set(present.split(/\r?\n/).map((line) => line.trim()));
    const lacking = file.content.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#') && !have.has(line.trim()));
    if (lacking.length === 0) return 'same';
    await writeFileAtomic(file.path, `${present}${present.endsWith('\n') || present === '' ? '' : '\n'}${lacking.join('\n')}\n`);
    return `added ${lacking.join(', ')} to`;
  }
  if (!force) return 'kept';
  await writeFileAtomic(file.path, file.content);
  return 'overwrote';
}
