/**
 * The real CLI as a subprocess on temporary copies: what a secretariat and CI meet. The bundled
 * example is built once with no arguments (tests/helpers/built.ts); tests that build it again
 * work on copies of that build. Where the formats written do not matter, builds write HTML only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtProject, copyOfBuilt } from '../helpers/built.js';
import { REPO, runCli, tempProject, type CliResult, type TempProject } from '../helpers/cli.js';

let project: TempProject;
afterEach(() => project?.remove());

/** What `phrg-brief build` with no arguments printed when it built the shared example. */
let firstBuild: CliResult | undefined;
const EXAMPLE_BUILT = 'e2e/cli: the example built with no arguments';
async function buildExample(fresh: TempProject): Promise<void> {
  fresh.write('meetings/2016-11-07-peru.md', readFileSync(join(REPO, 'meetings', '2016-11-07-peru.md')));
  firstBuild = await runCli(['build'], fresh.dir);
}

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();

const BAD_RECORD = `---
title: A record with a slip
date: 7/11/16
hosts: [the Parliamentary Human Rights Group (PHRG)]
---

- A point. (JC)
`;

describe('phrg-brief build', () => {
  it('builds the bundled example into dist/ with no arguments', async () => {
    const built = await builtProject(EXAMPLE_BUILT, buildExample);
    expect(firstBuild, 'the example was built by this file').toBeDefined();
    expect(firstBuild!.code).toBe(0);
    expect(firstBuild!.stderr).toContain('built 1, unchanged 0, failed 0');
    expect(readFileSync(built.path('dist', '2016-11-07-peru.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('takes files and an output folder', async () => {
    project = tempProject({ withExample: true });
    const result = await runCli(['build', 'meetings/2016-11-07-peru.md', '--out', 'public', '--format', 'html'], project.dir);
    expect(result.code).toBe(0);
    expect(existsSync(project.path('public', '2016-11-07-peru.html'))).toBe(true);
    expect(existsSync(project.path('dist'))).toBe(false);
  });

  it('gives byte-identical output on a second build', async () => {
    project = await copyOfBuilt(EXAMPLE_BUILT, buildExample);
    expect((await runCli(['build', '-o', 'again'], project.dir)).code).toBe(0);
    const files = filesUnder(project.path('dist'));
    expect(files).toContain('2016-11-07-peru.html');
    expect(filesUnder(project.path('again'))).toEqual(files);
    for (const file of files) expect(readFileSync(project.path('again', file)).equals(readFileSync(project.path('dist', file))), file).toBe(true);
  });

  it('skips a bad record with a located message and no stack trace, and builds the rest', async () => {
    project = tempProject({ withExample: true });
    project.write('meetings/2016-11-08-bad.md', BAD_RECORD);
    const result = await runCli(['build', '--format', 'html'], project.dir);
    expect(result.code).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toContain('meetings/2016-11-08-bad.md:3:7');
    expect(output).toContain('the date "7/11/16" is ambiguous');
    expect(output).toContain('2016-11-07 (7 November 2016) or 2016-07-11 (11 July 2016)');
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(project.path('dist', '2016-11-08-bad.html'))).toBe(false);
    expect(existsSync(project.path('dist', '2016-11-07-peru.html'))).toBe(true);
  });

  it('leaves the earlier briefing of a record that has since gone bad untouched', async () => {
    project = await copyOfBuilt(EXAMPLE_BUILT, buildExample);
    const target = project.path('dist', '2016-11-07-peru.html');
    const before = readFileSync(target);
    const mtime = statSync(target).mtimeMs;
    project.write('meetings/2016-11-07-peru.md', BAD_RECORD);
    const result = await runCli(['build'], project.dir);
    expect(result.code).toBe(1);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(statSync(target).mtimeMs).toBe(mtime);
  });

  it('refuses an unknown flag, an unknown format and an unknown command with exit 2', async () => {
    project = tempProject({ withExample: true });
    for (const args of [['build', '--nope'], ['build', '--format', 'odt'], ['publish'], ['bild'], ['check', '--reporter', 'xml']]) {
      const result = await runCli(args, project.dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/error: /);
    }
    expect(existsSync(project.path('dist'))).toBe(false);
  });

  it('reports a path that does not exist beside one that holds records', async () => {
    // On a copy of the built example, whose briefing is up to date: only the missing path is news.
    project = await copyOfBuilt(EXAMPLE_BUILT, buildExample);
    const result = await runCli(['build', 'meetings', 'nowhere.md'], project.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('nowhere.md:1:1');
    expect(result.stdout).toContain('no such file or folder');
  });

  it('explains itself with --help and --version', async () => {
    project = tempProject();
    const help = await runCli(['--help'], project.dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toMatch(/build \[options\] \[paths\.\.\.\]/);
    const buildHelp = await runCli(['build', '--help'], project.dir);
    expect(buildHelp.stdout).toContain('--out <dir>');
    const version = await runCli(['--version'], project.dir);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});

describe('phrg-brief check', () => {
  it('passes the bundled example and writes nothing', async () => {
    project = tempProject({ withExample: true });
    const result = await runCli(['check'], project.dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('0 errors');
    expect(existsSync(project.path('dist'))).toBe(false);
  });

  it('checks every record and fails on any error', async () => {
    project = tempProject({ withExample: true });
    project.write('meetings/2016-11-08-bad.md', BAD_RECORD);
    project.write('meetings/2016-11-09-worse.md', BAD_RECORD.replace('title: A record with a slip\n', ''));
    const result = await runCli(['check', '--reporter', 'json'], project.dir);
    expect(result.code).toBe(1);
    const diagnostics = JSON.parse(result.stdout) as { file: string; rule: string; line: number }[];
    // Each record's every problem at once: the attribution is judged while the date is wrong.
    expect(diagnostics.map((d) => `${d.file} ${d.rule} ${d.line}`)).toEqual([
      'meetings/2016-11-08-bad.md schema 3',
      'meetings/2016-11-08-bad.md unknown-speaker 7',
      'meetings/2016-11-09-worse.md schema 2',
      'meetings/2016-11-09-worse.md schema 4', // the missing title, at the closing ---
      'meetings/2016-11-09-worse.md unknown-speaker 6',
    ]);
  });
});

describe('phrg-brief.yaml', () => {
  it('reports an unknown key with its line and a suggestion', async () => {
    project = tempProject({ withExample: true });
    project.write('phrg-brief.yaml', '# settings\ntemplate: custom\n');
    const result = await runCli(['build'], project.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('phrg-brief.yaml:2:1');
    expect(result.stdout).toContain('did you mean templates?');
  });

  it('lets a project override one template and keeps the defaults for the rest', async () => {
    project = tempProject({ withExample: true });
    project.write('phrg-brief.yaml', 'templates: my-templates\n');
    project.write('my-templates/partials/person.hbs', '{{#if text}}{{text}}{{else}}{{name}} [{{role}}]{{/if}}');
    const result = await runCli(['build', '--format', 'html'], project.dir);
    expect(result.code, result.stdout).toBe(0);
    const html = readFileSync(project.path('dist', '2016-11-07-peru.html'), 'utf8');
    expect(html).toContain('John Crabtree [Peru Support Group and Latin American Centre, University of Oxford]');
    expect(html).toContain('The speakers were:');
  });

  it('reports a template with a syntax error by its file', async () => {
    project = tempProject({ withExample: true });
    project.write('phrg-brief.yaml', 'templates: my-templates\n');
    project.write('my-templates/briefing.hbs', '<article>\n{{#if title}}\n</article>\n');
    const result = await runCli(['build'], project.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/my-templates\/briefing\.hbs:\d+:\d+/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
