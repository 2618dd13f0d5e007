/**
 * One person spelt two ways in two records ("Siobhán O'Connor", "Siobhan O'Connor"): the
 * archive gives both one person page, named as the newest record spells it, and lists the
 * older record's points under that spelling. Each other spelling is reported where its record
 * writes it, naming the record the page takes its spelling from, so that the secretariat
 * settles on one (or, for two people, tells them apart). Within one record, `inconsistent-name`
 * compares the words of its text.
 */
import { isMap, isNode, type Document } from 'yaml';
import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { splitRecord } from '../load/frontmatter.js';
import { isPerson, type Meeting } from '../validate/meeting.js';
import type { Speaker } from '../validate/schema.js';
import { namedPeople, newestFirst } from './model.js';

/** A named person of a record, with where the front-matter gives their name. */
interface Named {
  name?: string;
  path: (string | number)[];
}

/** The records' name variants, by record file: `meetings` are the records a build would publish. */
export function nameVariants(meetings: readonly Meeting[]): Map<string, Diagnostic[]> {
  // As the people pages are made: newest first, each page named by its first spelling met.
  const pages = new Map<string, { name: string; file: string }>();
  const found = new Map<string, Diagnostic[]>();
  for (const meeting of [...meetings].sort((a, b) => newestFirst({ date: a.data.date, slug: a.slug }, { date: b.data.date, slug: b.slug }))) {
    const reported = new Set<string>();
    for (const { person, name, id } of namedPeople(castOf(meeting, 'chair'), castOf(meeting, 'speakers'))) {
      const page = pages.get(id);
      if (!page) pages.set(id, { name, file: meeting.file });
      else if (page.name !== name && !reported.has(name)) {
        reported.add(name);
        const diagnostics = found.get(meeting.file) ?? [];
        diagnostics.push(variant(meeting, person.path, name, page));
        found.set(meeting.file, diagnostics);
      }
    }
  }
  return found;
}

/** The chairs or speakers of a record, each with the YAML path of their name. */
function castOf(meeting: Meeting, key: 'chair' | 'speakers'): Named[] {
  const given = meeting.data[key] as Speaker | Speaker[] | undefined;
  const people = key === 'chair' ? meeting.chairs : meeting.speakers;
  const listed = Array.isArray(given);
  return people.map((speaker, i) => ({
    ...(isPerson(speaker) && speaker.name ? { name: speaker.name } : {}),
    path: listed ? [key, i, 'name'] : [key, 'name'],
  }));
}

function variant(meeting: Meeting, path: (string | number)[], name: string, page: { name: string; file: string }): Diagnostic {
  const init = {
    severity: 'warning' as const,
    rule: 'name-variant',
    message: `${name} is spelt ${page.name} in ${page.file}, the newest record naming them`,
    note: `their person page is one, named ${page.name}: spell the name one way in every record, or, if they are two people, tell them apart by name (a middle name or initial)`,
  };
  const range = nameRange(meeting, path);
  if (range) return diagnosticAt(meeting.file, meeting.source, range[0], range[1], init);
  return { file: meeting.file, line: 1, column: 1, endLine: 1, endColumn: 4, ...init };
}

/** The offsets of the name's value in the record's text; undefined when the YAML cannot say. */
function nameRange(meeting: Meeting, path: (string | number)[]): [number, number] | undefined {
  const split = splitRecord(meeting.source.text);
  if (split.kind !== 'ok') return undefined;
  const document: Document = split.frontMatter.document;
  if (!isMap(document.contents)) return undefined;
  const node = document.getIn(path, true);
  return isNode(node) && node.range ? [split.frontMatter.offset + node.range[0], split.frontMatter.offset + node.range[1]] : undefined;
}
