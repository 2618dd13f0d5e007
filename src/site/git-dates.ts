/**
 * Each record's last commit date, for the feed's `updated`: one `git log` for the whole
 * build, not one per record (Hugo's `lastmod` from git, the same way). Outside a git
 * repository, or without git, there are none and the feed falls back on the records' dates.
 */
import { execFile } from 'node:child_process';

/**
 * Path relative to `cwd` (as the build keys records) → ISO date-time in UTC, newest commit.
 * Never rejects: the build asks at its start and reads the answer once the records are
 * rendered, so git runs beside them.
 */
export function lastCommitDates(cwd: string): Promise<Map<string, string>> {
  return new Promise((resolve) => {
    // %x01 marks each commit; --relative names files from `cwd` and keeps to what lies under it.
    execFile(
      'git',
      ['-c', 'core.quotePath=false', 'log', '--format=%x01%cI%x02%D', '--name-only', '--relative', '--no-renames', '--', '.'],
      { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout) => resolve(error ? new Map() : commitDates(stdout)),
    ).stdin?.end();
  });
}

function commitDates(log: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const commit of log.split('\u0001')) {
    const [head, ...files] = commit.split('\n');
    const [date, refs] = (head ?? '').split('\u0002');
    const time = Date.parse(date ?? '');
    if (Number.isNaN(time)) continue;
    // A shallow clone's oldest commit ("grafted") holds every file not changed since, as if
    // all were last changed that day: for those, the last commit is not known.
    if (/(^|, )grafted(,|$)/.test(refs ?? '')) {
      for (const file of files) if (file !== '') dates.set(file, dates.get(file) ?? '');
      continue;
    }
    const iso = new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
    for (const file of files) if (file !== '' && !dates.has(file)) dates.set(file, iso); // newest first: the first seen is the last change
  }
  for (const [file, date] of dates) if (date === '') dates.delete(file);
  return dates;
}
