/**
 * `phrg-brief init [dir]`: a new project — phrg-brief.yaml (commented), meetings/ with the
 * example record, .gitignore, and with `--ci github` a workflow that checks pull requests and
 * publishes to GitHub Pages. Existing files are never overwritten without --force.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../write/atomic.js';
import { EXIT_ERRORS, EXIT_OK } from './exit-codes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface InitOptions {
  ci?: string;
  force?: boolean;
}

export async function runInit(dir: string | undefined, options: InitOptions): Promise<number> {
  const target = resolve(dir ?? '.');
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const files: [string, string][] = [
    ['phrg-brief.yaml', readFileSync(join(ROOT, 'templates/init/phrg-brief.yaml'), 'utf8')],
    ['.gitignore', readFileSync(join(ROOT, 'templates/init/gitignore'), 'utf8')],
    ['meetings/2016-11-07-peru.md', readFileSync(join(ROOT, 'meetings/2016-11-07-peru.md'), 'utf8').replace('---\n', '---\n# yaml-language-server: $schema=../schema/record.schema.json\n')],
    // A copy of the record schema, so that editors complete and check records offline.
    ['schema/record.schema.json', readFileSync(join(ROOT, 'schema/record.schema.json'), 'utf8')],
  ];
  if (options.ci === 'github') {
    files.push(['.github/workflows/briefings.yml', readFileSync(join(ROOT, 'templates/init/briefings.yml'), 'utf8').replaceAll('{{version}}', version)]);
  }

  const existing = files.filter(([name]) => existsSync(join(target, name))).map(([name]) => name);
  if (existing.length > 0 && !options.force) {
    process.stderr.write(`phrg-brief init: these files exist already and were left as they are:\n${existing.map((name) => `  ${name}\n`).join('')}run again with --force to overwrite them\n`);
    return EXIT_ERRORS;
  }
  for (const [name, content] of files) {
    await writeFileAtomic(join(target, name), content);
    process.stdout.write(`wrote ${relative(process.cwd(), join(target, name)) || name}\n`);
  }
  const where = relative(process.cwd(), target);
  process.stdout.write(`\nNext:${where ? ` cd ${where} &&` : ''} npx phrg-brief build   (the briefings go to dist/)\n`);
  return EXIT_OK;
}
