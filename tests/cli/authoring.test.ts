/**
 * `init`, `new`, `templates eject`, `build` and `fmt` through the real CLI, tried as a new user would;
 * the checks between steps by the check and fmt commands' own code in-process.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { applyPatch } from 'diff';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPaths } from '../../src/cli/check.js';
import { formatPaths } from '../../src/cli/fmt.js';
import { collectOutput } from '../../src/cli/output.js';
import { recordSchemaJson } from '../../src/validate/json-schema.js';
import { RECORD_KEYS } from '../../src/validate/schema.js';
import { REPO, runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { haveTools, PATCH } from '../helpers/tools.js';

let project: TempProject;
afterEach(() => project?.remove());

/** `phrg-brief check` in `dir`, by the command's own code in-process: its exit code. */
async function checkInProcess(dir: string): Promise<number> {
  const out = collectOutput();
  const code = await checkPaths(['meetings'], dir, { reporter: 'pretty' }, out);
  expect(out.printed.stderr, out.printed.stdout).toMatch(/^0 errors, /);
  return code;
}

/** `phrg-brief fmt --check` in `dir`, in-process: its exit code, and no diff printed when it passes. */
async function fmtCheckInProcess(dir: string, summary = '2 records are formatted'): Promise<number> {
  const out = collectOutput();
  const code = await formatPaths(['meetings'], dir, { check: true }, out);
  if (code === 0) expect(out.printed).toEqual({ stdout: '', stderr: `${summary}\n` }); // by default, init's example and the new one
  return code;
}

describe('init, new and build in an empty folder', () => {
  it('gives a record that checks, builds once it is no longer a draft, and is already formatted', async () => {
    project = tempProject();
    expect((await runCli(['init'], project.dir)).code).toBe(0);
    const created = await runCli(['new', 'Bahrain: detained medics', '--date', '2026-12-03', '--kind', 'roundtable'], project.dir);
    expect(created.code, created.stderr).toBe(0);
    const file = project.path('meetings', '2026-12-03-bahrain-detained-medics.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^---\n# yaml-language-server: \$schema=\.\.\/schema\/record\.schema\.json\ntitle: "Bahrain: detained medics"\ndate: 2026-12-03\n/);
    // Every key of the contract, the optional ones commented.
    for (const key of RECORD_KEYS) expect(text, key).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
    expect(await checkInProcess(project.dir)).toBe(0);
    expect(await fmtCheckInProcess(project.dir)).toBe(0);

    // Every commented example, uncommented as shown, is already in the canonical form.
    const uncommented = text.replace(/^# ((?:updated|partners|topic|chair|speakers|speakersLead|intro|chathamHouse|tags|slug|lang):.*|  .*)$/gm, '$1');
    expect(uncommented).not.toMatch(/^# (topic|tags|chair):/m);
    expect(uncommented).toMatch(/^tags:\n  - Peru\n/m);
    project.write('meetings/2026-12-03-bahrain-detained-medics.md', uncommented);
    expect(await fmtCheckInProcess(project.dir)).toBe(0);
    expect(await checkInProcess(project.dir)).toBe(0);

    project.write('meetings/2026-12-03-bahrain-detained-medics.md', text.replace('draft: true\n', ''));
    const build = await runCli(['build', '--format', 'html'], project.dir);
    expect(build.code, build.stderr).toBe(0);
    expect(readFileSync(project.path('dist', '2026-12-03-bahrain-detained-medics.html'), 'utf8')).toContain(
      'held a roundtable on <time datetime="2026-12-03">3 December</time>',
    );
  });

  it('writes the record beside the others when run from inside meetings/', async () => {
    project = tempProject();
    expect((await runCli(['init'], project.dir)).code).toBe(0);
    const created = await runCli(['new', 'From inside', '--date', '2026-12-04'], project.path('meetings'));
    expect(created.code, created.stderr).toBe(0);
    expect(existsSync(project.path('meetings', '2026-12-04-from-inside.md'))).toBe(true);
    expect(existsSync(project.path('meetings', 'meetings'))).toBe(false);
    // Its schema reference still finds the project's schema.
    expect(readFileSync(project.path('meetings', '2026-12-04-from-inside.md'), 'utf8')).toContain('$schema=../schema/record.schema.json\n');
    // Its example of `updated:` is the meeting's own day, not a day of the template's.
    expect(readFileSync(project.path('meetings', '2026-12-04-from-inside.md'), 'utf8')).toContain('\n# updated: 2026-12-04\n');
  });

  it('says in words why a record cannot be written, naming it, not its temporary file', async () => {
    project = tempProject();
    project.write('meetings', 'a file where the folder should be');
    const blocked = await runCli(['new', 'T', '--date', '2026-12-03'], project.dir);
    expect(blocked).toMatchObject({ code: 1, stdout: '' });
    expect(blocked.stderr).toBe('phrg-brief new: cannot write meetings/2026-12-03-t.md: a file or folder stands in the way of writing it\n');
  });

  it('refuses a bad date and an existing record', async () => {
    project = tempProject();
    const ambiguous = await runCli(['new', 'T', '--date', '3/12/26'], project.dir);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('did you mean 2026-12-03 (3 December 2026) or 2026-03-12 (12 March 2026)?');
    const impossible = await runCli(['new', 'T', '--date', '2026-13-01'], project.dir);
    expect(impossible.stderr).toBe('phrg-brief new: --date: 2026-13-01 is not a day of the calendar\n');
    expect((await runCli(['new', 'T', '--date', '2026-12-03'], project.dir)).code).toBe(0);
    const again = await runCli(['new', 'T', '--date', '2026-12-03'], project.dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already');
  });
});

describe('phrg-brief templates eject', () => {
  it('copies one template into the project and points the config at it', async () => {
    project = tempProject({ withExample: true });
    const result = await runCli(['templates', 'eject', 'briefing.hbs'], project.dir);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(project.path('templates', 'briefing.hbs'), 'utf8')).toBe(readFileSync(join(REPO, 'templates/default/briefing.hbs'), 'utf8'));
    expect(readFileSync(project.path('phrg-brief.yaml'), 'utf8')).toBe('templates: templates\n');
    project.write('templates/briefing.hbs', readFileSync(project.path('templates', 'briefing.hbs'), 'utf8').replace('The speakers were:', 'Speaking were:'));
    expect((await runCli(['build', '--format', 'html'], project.dir)).code).toBe(0);
    expect(readFileSync(project.path('dist', '2016-11-07-peru.html'), 'utf8')).toContain('Speaking were:');
    expect((await runCli(['templates', 'eject', 'briefing.hbs'], project.dir)).code).toBe(2);
  });

  it('sets the templates folder where init’s settings have it as a commented example', async () => {
    project = tempProject();
    expect((await runCli(['init'], project.dir)).code).toBe(0);
    expect((await runCli(['templates', 'eject', 'styles.css'], project.dir)).code).toBe(0);
    const settings = readFileSync(project.path('phrg-brief.yaml'), 'utf8');
    expect(settings).toMatch(/^templates: templates {2,}# a folder whose files win over the default templates$/m);
    expect(settings).not.toMatch(/^# templates:/m);
    expect(settings.match(/^templates:/gm)).toHaveLength(1);
  });

  it('copies every template and the theme, beside the copies made already, which it keeps', async () => {
    project = tempProject();
    project.write('phrg-brief.yaml', 'templates: templates\n');
    project.write('templates/styles.css', 'body { color: navy; }\n');
    const eject = await runCli(['templates', 'eject'], project.dir);
    expect(eject.code, eject.stderr).toBe(0);
    const copied = readdirSync(project.path('templates'), { recursive: true }).map(String).sort();
    expect(copied).toEqual(
      expect.arrayContaining(['briefing.hbs', 'page.hbs', 'styles.css', 'pdf-theme.yaml', 'partials/person.hbs', 'index.hbs', 'feed.hbs']),
    );
    expect(readFileSync(project.path('templates', 'styles.css'), 'utf8')).toBe('body { color: navy; }\n');
    expect(eject.stdout).toContain('kept templates/styles.css as it is (--force overwrites it)');
    expect(eject.stdout).not.toContain('copied templates/styles.css');
  });
});

// That every record of the repository passes fmt --check is asserted, record by record, in
// tests/format/record.test.ts.
describe('phrg-brief fmt', () => {
  it('refuses new and templates eject in a folder inside a project, which would start records and templates no build reads', async () => {
    project = tempProject({ withExample: true });
    project.write('phrg-brief.yaml', 'site:\n  title: Group\n');
    project.write('templates/styles.css', '');
    const inside = `this folder is inside the project in .. (it has phrg-brief.yaml): run phrg-brief there, or start a project of this folder's own first (phrg-brief init)`;
    const made = await runCli(['new', 'From the wrong folder', '--date', '2026-01-02'], project.path('templates'));
    expect([made.code, made.stderr]).toEqual([2, `phrg-brief new: ${inside}\n`]);
    const ejected = await runCli(['templates', 'eject', 'page.hbs'], project.path('meetings'));
    expect([ejected.code, ejected.stderr]).toEqual([2, `phrg-brief templates eject: ${inside}\n`]);
    expect(readdirSync(project.path('templates'))).toEqual(['styles.css']);
    expect(readdirSync(project.path('meetings'))).toEqual(['2016-11-07-peru.md']);
    // A folder given is meant; and from the records' own folder, new writes there, as before.
    expect((await runCli(['new', 'Given a folder', '--date', '2026-01-02', '--dir', '../meetings'], project.path('templates'))).code).toBe(0);
    expect(existsSync(project.path('meetings', '2026-01-02-given-a-folder.md'))).toBe(true);
    expect((await runCli(['new', 'From the records', '--date', '2026-01-03'], project.path('meetings'))).code).toBe(0);
    expect(existsSync(project.path('meetings', '2026-01-03-from-the-records.md'))).toBe(true);
  });

  it('lists the records that would change with --check, and rewrites them without it', async () => {
    project = tempProject({ withExample: true });
    const messy = readFileSync(project.path('meetings', '2016-11-07-peru.md'), 'utf8').replace('title:', 'kind: meeting\ntitle:').replace(/^- /gm, '* ');
    project.write('meetings/2016-11-07-peru.md', messy);
    const check = await runCli(['fmt', '--check'], project.dir);
    expect(check.code).toBe(1);
    // A unified diff per record, as Prettier and Biome show: applied, it is what fmt writes.
    expect(check.stdout).toMatch(/^--- meetings\/2016-11-07-peru\.md\n\+\+\+ meetings\/2016-11-07-peru\.md\n@@ -1,\d+ \+1,\d+ @@\n/);
    expect(check.stdout).toContain('\n-kind: meeting\n');
    expect(check.stdout).toContain('\n+kind: meeting\n');
    expect(check.stdout).toMatch(/\n-\* Mining operations .*\n/);
    expect(readFileSync(project.path('meetings', '2016-11-07-peru.md'), 'utf8')).toBe(messy);
    expect((await runCli(['fmt'], project.dir)).code).toBe(0);
    expect(applyPatch(messy, check.stdout)).toBe(readFileSync(project.path('meetings', '2016-11-07-peru.md'), 'utf8'));
    // Once rewritten, the check passes (by the command's own code; the CLI's exit codes are met above).
    expect(await fmtCheckInProcess(project.dir, '1 record is formatted')).toBe(0);
  });

  it.runIf(haveTools(PATCH))('prints a diff that patch -p0 applies, for a record in a folder whose name has spaces', async () => {
    project = tempProject();
    const messy = readFileSync(join(REPO, 'meetings', '2016-11-07-peru.md'), 'utf8').replace(/^- /gm, '* ');
    project.write('meetings/2019 Q1 #2 [old]/2016-11-07-peru.md', messy);
    const out = collectOutput();
    expect(await formatPaths(['meetings'], project.dir, { check: true }, out)).toBe(1);
    execFileSync('patch', ['-p0', '--quiet'], { cwd: project.dir, input: out.printed.stdout });
    expect(await fmtCheckInProcess(project.dir, '1 record is formatted')).toBe(0);
  });

  it('leaves a file that is not UTF-8 as it is, naming its first bad byte, and says what a diff cannot show', async () => {
    project = tempProject({ withExample: true });
    // Saved as Windows-1252: "Café “meeting”", "José".
    const latin = Buffer.from('---\ntitle: Caf\xe9 \x93meeting\x94\ndate: 2026-01-01\nhosts:\n- the group\n---\n\n* Jos\xe9 spoke.\n', 'latin1');
    const latinFile = project.write('meetings/2026-01-01-latin.md', latin);
    const windows = `\uFEFF${readFileSync(project.path('meetings', '2016-11-07-peru.md'), 'utf8').replace(/\n/g, '\r\n')}`;
    project.write('meetings/2016-11-07-peru.md', windows);
    for (const check of [true, false]) {
      const out = collectOutput();
      expect(await formatPaths(['meetings'], project.dir, { check }, out)).toBe(1);
      expect(out.printed.stderr).toContain('meetings/2026-01-01-latin.md:2:11: cannot format: the byte 0xE9 is not UTF-8');
      expect(readFileSync(latinFile).equals(latin)).toBe(true);
      if (check) {
        // Only the byte-order mark and the line ends differ: said in words, with no diff of lines alike.
        expect(out.printed.stdout).toBe('meetings/2016-11-07-peru.md: its byte-order mark is removed, and its Windows line ends (CRLF) become LF\n');
        expect(out.printed.stderr).toMatch(/1 of 2 records need phrg-brief fmt, 1 could not be formatted\n$/);
      } else expect(out.printed.stderr).toMatch(/^1 formatted, 0 already formatted, 1 could not be formatted\n$/m);
    }
    expect(readFileSync(project.path('meetings', '2016-11-07-peru.md'), 'utf8')).toBe(windows.slice(1).replace(/\r\n/g, '\n'));
    // A path that is not there is counted apart from the records that are formatted.
    const out = collectOutput();
    expect(await formatPaths(['nowhere.md', 'meetings/2016-11-07-peru.md'], project.dir, { check: true }, out)).toBe(1);
    expect(out.printed.stderr).toBe('nowhere.md: no such file or folder\n1 record is formatted, 1 could not be found or formatted\n');
  });

  it('keeps a record’s permissions and a link to a record kept elsewhere, and formats the others past one that is read-only', async () => {
    project = tempProject({ withExample: true });
    const messy = readFileSync(project.path('meetings', '2016-11-07-peru.md'), 'utf8').replace(/^- /gm, '* ');
    const record = (date: string) => messy.replace('date: 2016-11-07', `date: ${date}`);
    const locked = project.write('meetings/2016-11-08-locked.md', record('2016-11-08'));
    const secret = project.write('meetings/2016-11-09-secret.md', record('2016-11-09'));
    const kept = project.write('shared/2016-11-10-kept.md', record('2016-11-10'));
    symlinkSync('../shared/2016-11-10-kept.md', project.path('meetings', '2016-11-10-kept.md'));
    chmodSync(locked, 0o444);
    chmodSync(secret, 0o600);
    const out = collectOutput();
    expect(await formatPaths(['meetings'], project.dir, {}, out)).toBe(1);
    expect(out.printed.stderr).toBe(
      'meetings/2016-11-08-locked.md: cannot format: it is read-only; make it writable first\n2 formatted, 1 already formatted, 1 could not be formatted\n',
    );
    expect(readFileSync(locked, 'utf8')).toBe(record('2016-11-08'));
    expect(readFileSync(secret, 'utf8')).not.toContain('\n* ');
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    expect(lstatSync(project.path('meetings', '2016-11-10-kept.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(kept, 'utf8')).not.toContain('\n* ');
  });
});

describe('the record JSON Schema', () => {
  it('is published as generated from the zod schema, and accepts the example record', () => {
    const published = readFileSync(join(REPO, 'schema', 'record.schema.json'), 'utf8');
    expect(published).toBe(recordSchemaJson());
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(published) as object);
    const peru = parse(readFileSync(join(REPO, 'meetings', '2016-11-07-peru.md'), 'utf8').split('---\n')[1]!) as Record<string, unknown>;
    expect(validate(peru), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...peru, speakrs: [] })).toBe(false);
    expect(validate({ ...peru, date: '7/11/16' })).toBe(false);
    expect(existsSync(join(REPO, 'schema', 'record.schema.json'))).toBe(true);
  });
});
