/**
 * What `--help` says: each command's one-line description and the paragraph and examples shown
 * after its options. Text only; main.ts declares the commands and their options.
 */
import type { FormatSpec } from '../render/formats.js';

export interface CommandHelp {
  description: string;
  /** Shown after the options. */
  after: string;
}

export const PROGRAM_HELP: CommandHelp = {
  description: 'Turn Markdown meeting records into published briefings (web pages, PDF, Markdown, JSON and Word).',
  after: `
Examples:
  $ phrg-brief build                      build every record in meetings/ and the archive into dist/
  $ phrg-brief build meetings/2016-11-07-peru.md -o public
  $ phrg-brief check                      validate records without writing anything
  $ phrg-brief check --reporter github    annotations for a GitHub Actions run
  $ phrg-brief preview                    see the briefings in a browser as you edit
  $ phrg-brief init --ci github           a new project, with a workflow that publishes it

A record is a Markdown file with YAML front-matter; see the README for the format.
Exit codes: 0 success; 1 a record, the config or a template has errors (import: a file not imported);
2 bad usage; 130 or 143 stopped by Ctrl-C or SIGTERM. The README has each case.`,
};

/** The --format option's line, from the list of formats. */
export function formatHelp(formats: readonly FormatSpec[]): string {
  const defaults = formats.filter((format) => format.byDefault).map((format) => format.id);
  return `formats, comma-separated: ${formats.map((format) => format.id).join(', ')} (default: ${defaults.join(', ')}, or \`formats\` in phrg-brief.yaml)`;
}

export const HELP = {
  build: {
    description: 'validate records and write their briefings and the archive site',
    after: `
Writes <slug>.html, .pdf, .md and .json for each record, and the archive: index.html,
tags/, people/, 404.html, feed.xml, briefings.json (with schema/), and sitemap.xml when
site.baseUrl is set. Only records that changed since the last build are rendered again
(the cache is in .phrg-brief-cache/); outputs of deleted records, and of formats not built
this time, are removed, so that no stale copy is published. Records with errors produce no
output (their earlier files are left as they were); the others are still built, and the
exit code is 1.
With --watch the build stays running and builds again after every save, with its modules
loaded and warm: an edited record's files are written within a second, where a new process
needs about three for an archive of a thousand.

Examples:
  $ phrg-brief build
  $ phrg-brief build --watch --format html
  $ phrg-brief build --format html,pdf meetings/2016-11-07-peru.md --out public
  $ phrg-brief build --format html,pdf,md,json,docx    (Word beside the default formats)
  $ phrg-brief build --force --jobs 2`,
  },
  check: {
    description: 'validate records and report every problem, writing nothing',
    after: `
Every record is checked, even when an earlier one fails. Exit 0 when there are no errors
(warnings allowed, unless --strict), 1 otherwise.

Examples:
  $ phrg-brief check
  $ phrg-brief check --reporter json meetings/2016-11-07-peru.md`,
  },
  preview: {
    description: 'serve the briefings on this computer and update the open page on every save',
    after: `
Builds into a temporary folder with the same steps as build, and serves it. Saving a record,
a template, the theme or phrg-brief.yaml rebuilds and reloads the open page; a record with
errors shows them in the browser until it is fixed. Each briefing has a bar with its other
formats and its warning count (the bar is never in build output).

Examples:
  $ phrg-brief preview
  $ phrg-brief preview meetings/2016-11-07-peru.md --open`,
  },
  new: {
    description:
      'start a new record in meetings/, named YYYY-MM-DD-title-words.md, every field present and explained, marked draft: true until you take that line out (a draft is checked, not published)',
    after: `
Examples:
  $ phrg-brief new "Peru – Human Rights Defenders" --date 2026-11-26
  $ phrg-brief new "Bahrain: detained medics" --date 2026-12-03 --kind roundtable`,
  },
  fmt: {
    description: 'rewrite records in one canonical form (key order, quoting, list markers)',
    after: `
Front-matter keys go in the record contract's order, strings are quoted only where YAML needs
it, lists use "-" and emphasis "_"; comments are kept. The meaning never changes: the result
is checked to give the same data and the same briefing, and formatting twice changes nothing.

Examples:
  $ phrg-brief fmt
  $ phrg-brief fmt --check        in CI: fail, showing the diff, when a record is not formatted`,
  },
  import: {
    description: 'turn existing briefings (plain text or saved web pages) into records',
    after: `
Recognises the house phrases: the "D/M/YY: Title" heading, "… held a meeting on …",
"in conjunction with", "The speakers were:", "The meeting was chaired by" or "We would like
to thank … for chairing", "The main points … were as follows:"; it splits speakers into name,
role, note and initials, and keeps attributions such as (JC + IV). What it cannot place goes
into the body, with a warning. Run phrg-brief check on the result.

Examples:
  $ phrg-brief import old/2016-11-07-peru.txt
  $ phrg-brief import saved-pages/ --out meetings`,
  },
  templates: {
    description: 'work with the briefing templates',
    after: '',
  },
  templatesEject: {
    description:
      'copy the default templates and PDF theme into your templates folder to customise (templates/, which phrg-brief.yaml is set to name when it names none)',
    after: `
Examples:
  $ phrg-brief templates eject                 every template, the stylesheet and the PDF theme
  $ phrg-brief templates eject briefing.hbs    just the briefing's wording`,
  },
  init: {
    description: 'start a project: phrg-brief.yaml, meetings/ with an example record, schema/record.schema.json, package.json, .gitignore',
    after: `
Files that are there already are kept: in a project begun already, --ci github adds the
workflow alone. The workflow goes to the root of the git repository the project is in, and
publishes from the branch its remote publishes from (origin/HEAD), else the branch the
repository is on (main outside one).

Examples:
  $ phrg-brief init
  $ phrg-brief init briefings --ci github     also .github/workflows/briefings.yml
  $ phrg-brief init --ci github               the workflow, for a project begun without it`,
  },
} satisfies Record<string, CommandHelp>;
