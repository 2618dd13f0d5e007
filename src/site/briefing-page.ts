/**
 * What a briefing's page shows around the article: the full date and kind, tags and people
 * linked to their pages, downloads with sizes (and the PDF's page count) taken from the files
 * just rendered, previous and next briefings, and the page's metadata (canonical address,
 * Open Graph, JSON-LD). The article itself is the template's and is not touched here.
 */
import { capitalise, fullDate, weekday } from '../compose/helpers.js';
import type { BriefingView, PersonView } from '../compose/view-model.js';
import { formatSpec } from '../render/formats.js';
import { namedPeople, pageName, uniqueBy } from './model.js';
import { siteFrame, type SiteFrame, type SiteSettings } from './site-frame.js';

/** A neighbouring briefing, for the previous and next links. */
export interface Neighbour {
  slug: string;
  title: string;
  date: string;
  /** The language its title is in (absent from a cache made before it was kept). */
  lang?: string;
}

export interface Neighbours {
  prev?: Neighbour;
  next?: Neighbour;
}

/** One rendered file other than the page: its format, name, bytes and (for a PDF) pages. */
export interface BuiltFile {
  format: string;
  name: string;
  bytes: number;
  pages?: number;
}

export interface Download {
  format: string;
  /** "PDF", "Markdown", … */
  label: string;
  href: string;
  /** The media type, for `type=` on the link. */
  type: string;
  bytes: number;
  /** "27 KB" */
  size: string;
  pages?: number;
  /** "PDF (2 pages, 27 KB)" */
  text: string;
}

export interface PageLink {
  title: string;
  href: string;
  date: string;
  dateText: string;
  /** The language of the title. */
  lang?: string;
}

/** The variables page.hbs gets for a briefing, beside the view's own (see the README). */
export interface BriefingPageContext {
  site: SiteFrame;
  /** "Monday 7 November 2016" and "Meeting". */
  meetingDate: string;
  kindLabel: string;
  /** One a tag page: tags that make the same page name (`death penalty`, `Death-penalty`) are one link. */
  tagLinks: { name: string; slug: string; href: string }[];
  people: { name: string; href: string; as: 'chair' | 'speaker' }[];
  downloads: Download[];
  prev?: PageLink;
  next?: PageLink;
  /** Absolute address of the page, when site.baseUrl is set. */
  canonical?: string;
  /** The PDF's address for `<link rel="alternate">`, when one was built. */
  pdfHref?: string;
  /** The schema.org description, printed; safe inside `<script>`. */
  jsonLd: string;
  /** `updated:` of the record, when given. */
  updated?: string;
}

export function briefingPageContext(
  view: BriefingView,
  built: readonly BuiltFile[],
  neighbours: Neighbours,
  site: SiteSettings,
  updated?: string,
): BriefingPageContext {
  const downloads = built.map(download);
  const pdf = downloads.find((file) => file.format === 'pdf');
  const people = namedPeople(view.chairs, view.speakers).map(({ person, as, id }) => ({ name: person.name, href: `people/${id}.html`, as }));
  const pageLink = (neighbour: Neighbour | undefined): PageLink | undefined =>
    neighbour
      ? {
          title: neighbour.title,
          href: `${neighbour.slug}.html`,
          date: neighbour.date,
          dateText: fullDate(neighbour.date),
          ...(neighbour.lang ? { lang: neighbour.lang } : {}),
        }
      : undefined;
  const canonical = site.baseUrl ? `${site.baseUrl}/${view.slug}.html` : undefined;
  const context: BriefingPageContext = {
    site: siteFrame(site, ''),
    meetingDate: `${weekday(view.date)} ${fullDate(view.date)}`,
    kindLabel: capitalise(view.kind),
    tagLinks: uniqueBy(
      view.tags.map((name) => ({ name, slug: pageName(name), href: `tags/${pageName(name)}.html` })),
      (tag) => tag.slug,
    ),
    people: uniqueBy(people, (person) => `${person.as} ${person.href}`),
    downloads,
    jsonLd: jsonLd(view, downloads, site, canonical, updated),
  };
  const prev = pageLink(neighbours.prev);
  const next = pageLink(neighbours.next);
  if (prev) context.prev = prev;
  if (next) context.next = next;
  if (canonical) context.canonical = canonical;
  if (pdf) context.pdfHref = pdf.href;
  if (updated) context.updated = updated;
  return context;
}

function download(file: BuiltFile): Download {
  const spec = formatSpec(file.format);
  // The media type without its charset parameter, as `type=` on a link wants it.
  const info = { label: spec?.label ?? file.format.toUpperCase(), type: spec?.contentType.split(';')[0] ?? 'application/octet-stream' };
  const size = fileSize(file.bytes);
  const pages = file.pages === undefined ? '' : `${file.pages} ${file.pages === 1 ? 'page' : 'pages'}, `;
  return {
    format: file.format,
    label: info.label,
    href: file.name,
    type: info.type,
    bytes: file.bytes,
    size,
    ...(file.pages === undefined ? {} : { pages: file.pages }),
    text: `${info.label} (${pages}${size})`,
  };
}

/** "850 bytes", "27 KB", "1.4 MB" (1 KB = 1,024 bytes, as file managers count). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** schema.org: the meeting as an Event, the briefing as the Report about it. */
function jsonLd(view: BriefingView, downloads: readonly Download[], site: SiteSettings, canonical: string | undefined, updated: string | undefined): string {
  const url = (href: string): string => (site.baseUrl ? `${site.baseUrl}/${href}` : href);
  const person = (entry: PersonView): object | undefined =>
    entry.name ? { '@type': 'Person', name: entry.name, ...(entry.role ? { jobTitle: entry.role } : {}) } : undefined;
  const performers = [...view.chairs, ...view.speakers].map(person).filter((entry) => entry !== undefined);
  const report = {
    '@type': 'Report',
    headline: view.heading,
    name: view.title,
    url: canonical ?? `${view.slug}.html`,
    inLanguage: view.lang,
    datePublished: view.date,
    ...(updated ? { dateModified: updated } : {}),
    publisher: { '@type': 'Organization', name: site.title },
    ...(view.tags.length ? { keywords: view.tags.join(', ') } : {}),
    encoding: downloads.map((file) => ({ '@type': 'MediaObject', contentUrl: url(file.href), encodingFormat: file.type, contentSize: file.size })),
  };
  const event = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: view.topic ?? view.title,
    startDate: view.date,
    inLanguage: view.lang,
    organizer: view.hosts.map((name) => ({ '@type': 'Organization', name })),
    ...(performers.length ? { performer: performers } : {}),
    ...(view.tags.length ? { about: view.tags.map((name) => ({ '@type': 'Thing', name })) } : {}),
    subjectOf: report,
  };
  // Inside <script>, "</script" or "<!--" would end or bend it: < is written as an escape.
  return JSON.stringify(event, null, 1).replace(/</g, '\\u003c');
}
