/**
 * The options several commands share (--config, --debug, --reporter) are declared once and
 * given to every command that takes them: each command's help lists them, in the same words,
 * and each command accepts them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/main.js';
import { existsSync, readFileSync } from 'node:fs';
import { runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';

let project: TempProject;
afterEach(() => project?.remove());

/** The option lines of a command's help: `  -c, --config <file>  config file (…)` → flags → description. */
function optionLines(help: string): Map<string, string> {
  const section = help.split('Options:\n')[1]?.split('\n\n')[0] ?? '';
  const lines = new Map<string, string>();
  for (const line of section.split('\n')) {
    const match = /^\s+(-\S.*?)\s{2,}(.*)$/.exec(line);
    if (match) lines.set(match[1]!, match[2]!);
  }
  return lines;
}

describe('the options commands share', () => {
  it('are listed, in the same words, by every command that takes them', async () => {
    // Each command's help from the CLI's own program in-process; `build --help` from the real
    // CLI shows that is what a user reads.
    const program = createProgram(() => undefined);
    const helpOf = (name: string) => program.commands.find((command) => command.name() === name)!.helpInformation();
    project = tempProject();
    const real = await runCli(['build', '--help'], project.dir);
    expect(real.code, real.stderr).toBe(0);
    expect(optionLines(real.stdout)).toEqual(optionLines(helpOf('build')));
    const helps = new Map<string, Map<string, string>>();
    for (const command of ['build', 'check', 'preview', 'fmt', 'new']) helps.set(command, optionLines(helpOf(command)));
    expect(helps.get('build')!.size).toBeGreaterThan(5);
    const takes = (option: string) => [...helps].filter(([, lines]) => lines.has(option)).map(([command]) => command);
    expect(takes('--debug')).toEqual(['build', 'check', 'preview', 'fmt']);
    expect(takes('-c, --config <file>')).toEqual(['build', 'check', 'preview', 'fmt']);
    expect(takes('-r, --reporter <name>')).toEqual(['build', 'check']);
    for (const option of ['--debug', '-c, --config <file>']) {
      const words = new Set(takes(option).map((command) => helps.get(command)!.get(option)));
      expect(words.size, option).toBe(1);
    }
  });

  it('are accepted where listed: preview and fmt take --debug', async () => {
    project = tempProject({ withExample: true });
    // Taken: the complaint is of the missing path (bad usage, exit 2, as build and check say it), not of the option.
    const preview = await runCli(['preview', '--debug', 'nowhere.md'], project.dir);
    expect(preview.code).toBe(2);
    expect(preview.stderr).toBe('phrg-brief preview: nowhere.md: no such file or folder\n');
    const fmt = await runCli(['fmt', '--check', '--debug'], project.dir);
    expect(fmt.code, fmt.stderr).toBe(0);
    expect(fmt.stderr).toContain('formatted');
    expect((await runCli(['new', '--debug', 'A title'], project.dir)).code).toBe(2);
  });
});

describe('a folder named by an option', () => {
  it('is refused as a usage error when empty, which would have meant the project folder itself', async () => {
    project = tempProject({ withExample: true });
    for (const args of [
      ['build', '--out', ''],
      ['import', 'nowhere.txt', '--out', ' '],
      ['new', 'A title', '--dir', ''],
    ]) {
      const result = await runCli(args, project.dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/argument '\s*' is invalid\. a folder name, such as dist/);
    }
  });

  it('--format, or the project’s formats, say which formats of the last build were removed, and how to build them beside them', async () => {
    project = tempProject({ withExample: true });
    project.write('phrg-brief.yaml', 'site:\n  search: false\n');
    expect((await buildHere(project.dir, { formats: ['html', 'md', 'json'] })).ok).toBe(true);
    const only = await runCli(['build', '--format', 'json'], project.dir);
    expect(only.code, only.stderr).toBe(0);
    // json is among the project's formats: it is told to build without --format.
    expect(only.stderr).toContain(
      'phrg-brief: --format json builds json alone, and removed the html and md files of the last build; to build them all, build without --format (the project’s formats include them all)\n',
    );
    expect(existsSync(project.path('dist', '2016-11-07-peru.html'))).toBe(false);
    // Word is not: it is told to add it.
    project.write('phrg-brief.yaml', 'site:\n  search: false\nformats: [html, json]\n');
    expect((await buildHere(project.dir, { formats: ['html', 'json'] })).ok).toBe(true);
    const word = await runCli(['build', '--format', 'docx'], project.dir);
    expect(word.stderr).toContain(
      'phrg-brief: --format docx builds docx alone, and removed the html and json files of the last build; to build them all, give --format html,json,docx, or add docx to formats: in phrg-brief.yaml\n',
    );
    // Without --format, the project's formats leave Word out again: that is said too.
    const again = await runCli(['build'], project.dir);
    expect(again.stderr).toContain(
      'phrg-brief: the project’s formats are html and json: the docx files of the last build were removed; to build them all, give --format docx,html,json, or add docx to formats: in phrg-brief.yaml\n',
    );
  });

  it('--base-url builds the site at that address, in place of the config’s, and refuses one that is none', async () => {
    project = tempProject({ withExample: true });
    project.write('phrg-brief.yaml', 'site:\n  search: false\n  baseUrl: https://old.example.org\n');
    const built = await runCli(['build', '--format', 'html', '--base-url', 'https://owner.github.io/briefings/'], project.dir);
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(project.path('dist', 'sitemap.xml'), 'utf8')).toContain('<loc>https://owner.github.io/briefings/2016-11-07-peru.html</loc>');
    expect(readFileSync(project.path('dist', '2016-11-07-peru.html'), 'utf8')).toContain(
      '<link rel="canonical" href="https://owner.github.io/briefings/2016-11-07-peru.html">',
    );
    for (const address of ['owner.github.io/briefings', 'https:owner.github.io']) {
      const bad = await runCli(['build', '--base-url', address], project.dir);
      expect(bad.code, address).toBe(2);
      expect(bad.stderr).toContain('the address of the published site, http or https');
    }
    // Every page's address was made `…/index.html/<page>`.
    const page = await runCli(['build', '--base-url', 'https://owner.github.io/briefings/index.html'], project.dir);
    expect(page.code).toBe(2);
    expect(page.stderr).toContain('the address of the folder the site is in, not of a page (index.html)');
  });
});
