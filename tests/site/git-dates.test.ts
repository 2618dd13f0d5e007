/**
 * The feed's `updated` from git, in a real repository: a record edited and committed later gets
 * a newer `updated`, the record's own `updated:` wins over git (both built in this thread), and
 * the real CLI asks git once per build, however many records it has.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';
import { GIT, haveTools } from '../helpers/tools.js';

let project: TempProject;
let names: string[];

function git(args: string[], date: string): void {
  const env = {
    ...process.env,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
  };
  execFileSync('git', args, { cwd: project.dir, env, stdio: 'ignore' });
}

/** The feed's `updated` of each entry, by the briefing it links to. */
function updated(dir = project.dir): Map<string, string> {
  const feed = readFileSync(join(dir, 'dist', 'feed.xml'), 'utf8');
  return new Map([...feed.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>[\s\S]*?href="([^"]+)\.html"[\s\S]*?<\/entry>/g)].map((m) => [m[2]!, m[1]!]));
}

const withGit = haveTools(GIT);

beforeEach(() => {
  if (!withGit) return;
  project = tempProject();
  // Records of meetings before 2020, so a commit date in 2020 or later is the newer one.
  const all = generateRecords(40, project.path('meetings'), 5);
  names = all.filter((name) => name < '2020').slice(0, 4);
  for (const name of all) if (!names.includes(name)) rmSync(project.path('meetings', name));
  project.write('phrg-brief.yaml', 'site:\n  search: false\n'); // the feed is what is read: no search index needed
  git(['init', '-q'], '2020-01-01T00:00:00Z');
  git(['add', '.'], '2020-01-01T00:00:00Z');
  git(['commit', '-q', '-m', 'records'], '2020-01-01T00:00:00Z');
});
afterEach(() => project?.remove());

describe.runIf(withGit)('the feed’s updated dates from git', () => {
  it('moves on for a record edited and committed, and only for it', async () => {
    expect(names).toHaveLength(4);
    const first = await buildHere(project.dir, { formats: ['html'] });
    expect(first.ok, JSON.stringify(first.diagnostics)).toBe(true);
    const before = updated();
    for (const name of names) expect(before.get(name.replace(/\.md$/, ''))).toBe('2020-01-01T00:00:00Z');

    const target = names[1]!;
    writeFileSync(
      project.path('meetings', target),
      readFileSync(project.path('meetings', target), 'utf8').replace(
        'The main points made were as follows:',
        'The main points made, corrected, were as follows:',
      ),
    );
    git(['commit', '-q', '-am', 'a correction'], '2021-02-03T04:05:06Z');
    const second = await buildHere(project.dir, { formats: ['html'] });
    expect(second.ok, JSON.stringify(second.diagnostics)).toBe(true);
    const after = updated();
    expect(after.get(target.replace(/\.md$/, ''))).toBe('2021-02-03T04:05:06Z');
    for (const name of names.filter((n) => n !== target)) expect(after.get(name.replace(/\.md$/, ''))).toBe('2020-01-01T00:00:00Z');
    expect(/<feed[\s\S]*?<updated>([^<]+)<\/updated>/.exec(readFileSync(project.path('dist', 'feed.xml'), 'utf8'))?.[1]).toBe('2021-02-03T04:05:06Z');
  });

  it('takes the record’s own updated: over its commit', async () => {
    const target = names[2]!;
    writeFileSync(
      project.path('meetings', target),
      readFileSync(project.path('meetings', target), 'utf8').replace(/^date: (.*)$/m, 'date: $1\nupdated: 2024-05-06'),
    );
    git(['commit', '-q', '-am', 'updated: given'], '2022-01-01T00:00:00Z');
    const result = await buildHere(project.dir, { formats: ['html'] });
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    expect(updated().get(target.replace(/\.md$/, ''))).toBe('2024-05-06T00:00:00Z');
  });

  it('knows no last commit in a shallow clone but for the records changed since its oldest commit', async () => {
    const target = names[2]!;
    writeFileSync(project.path('meetings', target), readFileSync(project.path('meetings', target), 'utf8').replace('The main points', 'The points'));
    git(['commit', '-q', '-am', 'a correction'], '2021-02-03T04:05:06Z');
    const later = names[3]!;
    writeFileSync(project.path('meetings', later), readFileSync(project.path('meetings', later), 'utf8').replace('The main points', 'The points'));
    git(['commit', '-q', '-am', 'another'], '2022-03-04T05:06:07Z');
    // Two commits deep: the oldest of them ("grafted") holds every record as if all were changed that day.
    const clone = tempProject();
    try {
      execFileSync('git', ['clone', '-q', '--depth', '2', `file://${project.dir}`, clone.path('c')], { stdio: 'ignore' });
      const shallow = clone.path('c');
      expect((await buildHere(shallow, { formats: ['html'] })).ok).toBe(true);
      // The record changed in the newer commit has its date; the others fall back on their meeting's.
      const dates = updated(shallow);
      for (const name of names)
        expect(dates.get(name.replace(/\.md$/, '')), name).toBe(name === later ? '2022-03-04T05:06:07Z' : `${name.slice(0, 10)}T00:00:00Z`);
    } finally {
      clone.remove();
    }
  });

  it('asks git once per build', async () => {
    // A git that notes each call, then runs the real one.
    const realGit = execFileSync('which', ['git'], { encoding: 'utf8' }).trim();
    const log = project.path('git-calls.log');
    const wrapper = project.write('bin/git', `#!/bin/sh\necho "$*" >> "${log}"\nexec "${realGit}" "$@"\n`);
    chmodSync(wrapper, 0o755);
    const env = { PATH: `${project.path('bin')}${delimiter}${process.env.PATH ?? ''}` };
    for (const build of [1, 2]) {
      const result = await runCli(['build', '--format', 'html'], project.dir, env);
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(log, 'utf8').trim().split('\n'), `build ${build}`).toHaveLength(build);
    }
    // And what it answered reached the feed.
    for (const name of names) expect(updated().get(name.replace(/\.md$/, ''))).toBe('2020-01-01T00:00:00Z');
  });
});
