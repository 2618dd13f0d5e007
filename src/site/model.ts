/**
 * The archive as the site shows it: briefings newest first and by year, every tag with its
 * briefings, and every person — speaker or chair, matched by name across records — with the
 * meetings they spoke at. Built from summaries alone, so unchanged records cost nothing.
 */
import { createHash } from 'node:crypto';
import { longDate } from '../compose/helpers.js';
import { FORMATS } from '../render/formats.js';
import type { SiteSummary } from '../render/summary-schema.js';
import { surnameFirst } from './surname.js';
import { WINDOWS_DEVICES } from '../validate/schema.js';

export interface BriefingEntry extends SiteSummary {
  /** The briefing page, relative to the output folder (or the PDF when no HTML is built). */
  href: string;
  /** "7 November 2016" */
  dateText: string;
  year: string;
  tagLinks: TagLink[];
  /** Lower-case words without accents for the text filter: heading, summary, people and tags. */
  searchText: string;
  /** Space-separated tag slugs, for the tag filter. */
  tagSlugs: string;
}

export interface TagLink {
  name: string;
  slug: string;
}

export interface TagPage extends TagLink {
  briefings: BriefingEntry[];
}

export interface Appearance {
  as: 'speaker' | 'chair';
  role?: string;
  briefing: BriefingEntry;
}

export interface PersonEntry {
  name: string;
  id: string;
  appearances: Appearance[];
}

export interface SiteModel {
  briefings: BriefingEntry[];
  years: { year: string; briefings: BriefingEntry[] }[];
  tags: TagPage[];
  people: PersonEntry[];
}

/**
 * The file a reader opens for a briefing: the first it has in the formats' order, its page
 * else its PDF and so on (`--format docx` alone makes only the Word file).
 */
export function readingFile(files: Readonly<Record<string, string>>): string {
  for (const format of FORMATS) {
    const file = files[format.id];
    if (file !== undefined) return file;
  }
  return '';
}

/** The media type of a briefing's reading file (readingFile): what a feed's link says it leads to. */
export function readingType(files: Readonly<Record<string, string>>): string {
  const format = FORMATS.find((spec) => files[spec.id] !== undefined);
  return format ? format.contentType.split(';')[0]! : 'text/html';
}

/** Latin letters that no accent-stripping turns into ASCII ("Søren", "Łódź", "Straße"). */
const UNACCENTED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd' };

/**
 * Lower case without accents, those letters spelt out, and without soft hyphens (pasted from
 * Word, unseen: "Bahr­ain" is Bahrain): one spelling for slugs, page names and the index's filter.
 */
const plainLetters = (text: string): string =>
  text
    .replace(/\u00AD/g, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøđħıæœßþð]/g, (letter) => UNACCENTED[letter]!);

/** A file-name-safe form of a title: "Côte d’Ivoire" → "cote-d-ivoire"; "" for one in another script. */
function slugify(text: string): string {
  return plainLetters(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A record's file name from its title: the slug's first `words` words, at most 60 characters
 * (cut at a hyphen where one is near), so that `YYYY-MM-DD-<slug>.md` stays a short name a file
 * system takes (a title of one 300-character word failed with ENAMETOOLONG).
 */
export function titleSlug(title: string, words: number): string {
  // A title in another script ("Россия: …") has no letters to keep: a short hash of it tells
  // two such records of one day apart.
  const ascii = slugify(title);
  if (!ascii) return `untitled-${createHash('sha256').update(title).digest('hex').slice(0, 6)}`;
  const slug = ascii.split('-').slice(0, words).join('-');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 60);
  const hyphen = cut.lastIndexOf('-');
  return hyphen >= 30 ? cut.slice(0, hyphen) : cut;
}

/** A person's name as names are compared: composed, with single spaces. */
const personName = (name: string): string => name.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * The page of each named person of one record, in the order given (chairs, then speakers): the
 * page of their name, shared with the same name in other records. Two different names of one
 * record that make one page name ("Anna-Maria Lee", "Anna Maria Lee") are two people: the later
 * gets a page of its own. Worked out from the record alone, as its briefing page is rendered.
 */
export function personPageNames(names: readonly string[]): string[] {
  const owners = new Map<string, string>();
  return names.map((raw) => {
    const name = personName(raw);
    const id = pageName(name);
    const owner = owners.get(id);
    if (owner === undefined) owners.set(id, name);
    return owner === undefined || owner === name ? id : `${id}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  });
}

/** A named person of a record, as chair or speaker, with their name compared and their page's name. */
export interface NamedPerson<P> {
  person: P & { name: string };
  as: 'chair' | 'speaker';
  name: string;
  id: string;
}

/**
 * The named people of one record, chairs then speakers (a country, or a speaker who must not be
 * named, has no page), each with their page (personPageNames): one list for the briefing page,
 * the people index and the person pages, so that all three agree.
 */
export function namedPeople<P extends { name?: string | undefined }>(chairs: readonly P[], speakers: readonly P[]): NamedPerson<P>[] {
  const named = [...chairs.map((person) => ({ person, as: 'chair' as const })), ...speakers.map((person) => ({ person, as: 'speaker' as const }))].filter(
    (entry): entry is { person: P & { name: string }; as: 'chair' | 'speaker' } => Boolean(entry.person.name),
  );
  const ids = personPageNames(named.map(({ person }) => person.name));
  return named.map(({ person, as }, i) => ({ person, as, name: personName(person.name), id: ids[i]! }));
}

/** Names made so far: the same people and tags recur on every page that links to them. */
const pageNames = new Map<string, string>();

/** A page name for a tag or person: letters of any script kept ("中国", "україна"). */
export function pageName(text: string): string {
  let name = pageNames.get(text);
  if (name === undefined) {
    // Bounded, as a long-running preview meets ever new texts.
    if (pageNames.size > 10_000) pageNames.clear();
    name = makePageName(text);
    pageNames.set(text, name);
  }
  return name;
}

function makePageName(text: string): string {
  // As slugs and the index's filter fold them: "Søren Nørgaard" and "Soren Norgaard" are one page.
  const name = plainLetters(text.normalize('NFKC').toLocaleLowerCase('en-GB'))
    // ʼ and ʻ are letters to Unicode, apostrophes to a reader ("Nʼguessan"): parted as ’ is.
    .replace(/(?:[^\p{L}\p{N}]|[\u02BB\u02BC])+/gu, '-')
    .replace(/^-+|-+$/g, '')
    // Σ lower-cased is ς at a word's end but σ before a full stop ("ΟΔΟΣ ΧΑ", "ΟΔΟΣ.ΧΑ"): two
    // names that a file system blind to case takes for one. A word's last σ is ς, as most are.
    .replace(/σ(?=-|$)/g, 'ς');
  if (!name) return 'untitled';
  const hashed = (kept: string): string => `${kept}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  // people/index.html is the people index: a person called Index has a page of their own. So
  // has one called Con or Aux, names Windows keeps for devices: con.html cannot be written there.
  if (name === 'index' || WINDOWS_DEVICES.test(name)) return hashed(name);
  if (Buffer.byteLength(name) <= MAX_PAGE_NAME_BYTES) return name;
  // Cut at a whole character, and told apart from other names cut alike by a hash of the whole.
  const { read } = new TextEncoder().encodeInto(name, new Uint8Array(MAX_PAGE_NAME_BYTES - 9));
  return hashed(name.slice(0, read).replace(/-+$/, ''));
}

/**
 * The longest page name, in bytes of UTF-8. A file system allows 255 for a file's name, which
 * also carries `.html` and, while it is written, a temporary name's suffix; a tag or a name
 * this long is a mistake, and a longer one made the build fail as a whole (ENAMETOOLONG).
 */
export const MAX_PAGE_NAME_BYTES = 100;

// Made on first use: a collator costs milliseconds to make, and a build that sorts no pages needs none.
let collator: Intl.Collator | undefined;
const collate = (a: string, b: string): number => (collator ??= new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })).compare(a, b);

/** The archive's order: newest first, then by output name. */
export function newestFirst(a: { date: string; slug: string }, b: { date: string; slug: string }): number {
  return a.date === b.date ? a.slug.localeCompare(b.slug) : a.date < b.date ? 1 : -1;
}

export function buildModel(summaries: readonly SiteSummary[]): SiteModel {
  const briefings = [...summaries].sort(newestFirst).map(toEntry);

  const years: SiteModel['years'] = [];
  for (const briefing of briefings) {
    const last = years.at(-1);
    if (last?.year === briefing.year) last.briefings.push(briefing);
    else years.push({ year: briefing.year, briefings: [briefing] });
  }

  // A tag's page is named from the tag alone, so that a briefing page (rendered on its own, and
  // kept while other records change) always links to the right one. Tags that make the same
  // name ("C" and "C++", "Human rights" and "Human Rights") share that page, titled by them all.
  const tags = new Map<string, TagPage & { names: Set<string> }>();
  for (const briefing of briefings) {
    // Every name the briefing gives, though its page links to each tag page once.
    for (const link of briefing.tags.map((name) => ({ name, slug: pageName(name) }))) {
      const page = tags.get(link.slug) ?? { ...link, names: new Set<string>(), briefings: [] };
      page.names.add(link.name);
      if (page.briefings.at(-1) !== briefing) page.briefings.push(briefing);
      tags.set(link.slug, page);
    }
  }

  const people = new Map<string, PersonEntry>();
  for (const briefing of briefings) {
    for (const { as, person, name, id } of namedPeople(briefing.chairs, briefing.speakers)) {
      const entry = people.get(id) ?? { name, id, appearances: [] };
      // One meeting once, as their page lists it: a chair who speaks too, or two speakers of one name.
      if (entry.appearances.at(-1)?.briefing !== briefing) entry.appearances.push({ as, ...(person.role ? { role: person.role } : {}), briefing });
      people.set(id, entry);
    }
  }

  return {
    briefings,
    years,
    tags: [...tags.values()]
      .map(({ names, ...page }) => ({ ...page, name: [...names].sort((a, b) => collate(a, b) || (a < b ? -1 : a > b ? 1 : 0)).join(' · ') }))
      .sort((a, b) => collate(a.name, b.name)),
    people: [...people.values()].sort((a, b) => collate(surnameFirst(a.name), surnameFirst(b.name))),
  };
}

function toEntry(summary: SiteSummary): BriefingEntry {
  const tagLinks = uniqueBy(
    summary.tags.map((name) => ({ name, slug: pageName(name) })),
    (tag) => tag.slug,
  );
  const names = [...summary.chairs, ...summary.speakers].map((person) => person.name ?? person.text ?? '');
  const dateText = `${longDate(summary.date)} ${summary.date.slice(0, 4)}`;
  return {
    ...summary,
    href: readingFile(summary.files),
    dateText,
    year: summary.date.slice(0, 4),
    tagLinks,
    searchText: foldForFilter([summary.heading, summary.summary, dateText, ...names, ...summary.tags].join(' ')),
    tagSlugs: tagLinks.map((tag) => tag.slug).join(' '),
  };
}

/** The items whose keys are not those of an item before them. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

/**
 * Text as the index's filter compares it (templates/default/index.hbs folds what is typed the
 * same way): lower case, without accents ("Tomás" → "tomas", "Søren" → "soren"), without
 * apostrophes, straight or curly (a phone types "women’s", a hurried reader "womens"), and
 * quotation marks as spaces.
 */
export function foldForFilter(text: string): string {
  return (
    plainLetters(text)
      // A word joined by an apostrophe is there whole and by its part after it: the filter
      // matches the beginnings of words, and "ivoire" is to find "d’Ivoire", "brien" "O’Brien".
      .replace(/(\p{L})[‘’ʼʻ'](\p{L}+)/gu, '$1$2 $2')
      .replace(/[‘’ʼʻ']/g, '')
      .replace(/["“”„«»]/g, ' ')
  );
}
