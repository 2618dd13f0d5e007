/**
 * `phrg-brief init [dir]`: a new project — phrg-brief.yaml (commented), meetings/ with the
 * example record, .gitignore, the record schema, package.json naming this phrg-brief, and
 * with `--ci github` a workflow that checks pull requests and publishes to GitHub Pages.
 * Existing files are never overwritten without --force (a usage error, exit 2).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../config/package-version.js';
import { errorMessage } from '../diagnostics/error-message.js';
import { writeFileAtomic } from '../write/atomic.js';
import { installedFrom, planPackage, type PackagePlan } from './init-package.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface InitOptions {
  ci?: string;
  force?: boolean;
}

export async function runInit(dir: string | undefined, options: InitOptions): Promise<number> {
  const target = resolve(dir ?? '.');
  const shown = (name: string): string => relative(process.cwd(), join(target, name)) || name;
  const version = packageVersion();
  const files: [string, string][] = [
    ['phrg-brief.yaml', readFileSync(join(ROOT, 'templates/init/phrg-brief.yaml'), 'utf8')],
    ['.gitignore', readFileSync(join(ROOT, 'templates/init/gitignore'), 'utf8')],
    [
      'meetings/2016-11-07-peru.md',
      readFileSync(join(ROOT, 'meetings/2016-11-07-peru.md'), 'utf8').replace('---\n', '---\n# yaml-language-server: $schema=../schema/record.schema.json\n'),
    ],
    // A copy of the record schema, so that editors complete and check records offline.
    ['schema/record.schema.json', readFileSync(join(ROOT, 'schema/record.schema.json'), 'utf8')],
  ];
  if (options.ci === 'github') files.push(['.github/workflows/briefings.yml', readFileSync(join(ROOT, 'templates/init/briefings.yml'), 'utf8')]);

  const existing = files.filter(([name]) => existsSync(join(target, name))).map(([name]) => name);
  if (existing.length > 0 && !options.force) {
    process.stderr.write(
      `phrg-brief init: these files exist already and were left as they are:\n${existing.map((name) => `  ${shown(name)}\n`).join('')}run again with --force to overwrite them\n`,
    );
    return EXIT_USAGE;
  }
  let plan: PackagePlan;
  try {
    plan = planPackage(target, installedFrom(ROOT.replace(/[\\/]$/, ''), version));
  } catch (error) {
    process.stderr.write(`phrg-brief init: ${errorMessage(error)}\n`);
    return EXIT_ERRORS;
  }

  for (const [name, content] of files) {
    await writeFileAtomic(join(target, name), content);
    process.stdout.write(`wrote ${shown(name)}\n`);
  }
  if (plan.kind !== 'present' && plan.text !== undefined) {
    await writeFileAtomic(join(target, 'package.json'), plan.text);
    process.stdout.write(
      `${plan.created ? 'wrote' : 'updated'} ${shown('package.json')}${plan.kind === 'named' ? ` (devDependencies: phrg-brief ${plan.spec})` : ''}\n`,
    );
  } else if (plan.kind === 'present') {
    process.stdout.write(`${shown('package.json')} names phrg-brief ${plan.spec} already\n`);
  }
  for (const note of plan.notes) process.stdout.write(`note: ${note}\n`);

  const where = relative(process.cwd(), target);
  const steps = [
    where ? `cd ${where}` : '',
    existsSync(join(target, 'package-lock.json')) || plan.kind === 'unknown' ? '' : 'npm install',
    'npx phrg-brief build',
  ].filter(Boolean);
  process.stdout.write(`\nNext: ${steps.join(' && ')}   (the briefings go to dist/)\n`);
  if (options.ci === 'github') {
    process.stdout.write(
      'Commit package.json and package-lock.json with the rest: the workflow runs `npm ci`, which installs exactly that phrg-brief.\n' +
        'Then on GitHub, under Settings → Pages, set "Source" to "GitHub Actions", and each push to main publishes dist/.\n',
    );
  }
  return EXIT_OK;
}
