/**
 * One page per person, `people/<name>.html`: every meeting they spoke at or chaired, newest
 * first, with the points attributed to them there (joint points with their co-speakers).
 * Made from each briefing's entry of briefings.json, which holds the points, so they are
 * made again whenever briefings.json is; people are matched by name as on the people index.
 */
import { join } from 'node:path';
import { loadTemplates } from '../compose/templates.js';
import type { BriefingSummary } from '../render/summary-schema.js';
import { writeFileIfChanged } from '../write/atomic.js';
import { namedPeople, newestFirst, readingFile } from './model.js';
import type { SiteSettings } from './pages.js';
import { absoluteUrl, siteFrame } from './site-frame.js';

export interface PersonMeeting {
  slug: string;
  title: string;
  /** The briefing's language, its title's and its points'. */
  lang: string;
  date: string;
  dateText: string;
  /** The briefing, relative to the person's page. */
  href: string;
  as: 'chair' | 'speaker';
  role?: string;
  points: {
    text: string;
    /** The same as HTML, links kept (absent from an entry made before it was). */ html?: string;
    /** The list item the point is nested under. */ lead?: { text: string; html: string };
    /** Those who made the point with them. */ with: string[];
  }[];
}

export interface PersonPage {
  id: string;
  name: string;
  meetings: PersonMeeting[];
}

/** The people of the briefings, each with their meetings and points. */
export function personPages(briefings: Iterable<BriefingSummary>, dateText: (iso: string) => string): PersonPage[] {
  const people = new Map<string, PersonPage>();
  for (const briefing of briefings) {
    const href = readingFile(briefing.files);
    for (const { as, person, name, id } of namedPeople(briefing.chairs, briefing.speakers)) {
      const page = people.get(id) ?? { id, name, meetings: [] };
      people.set(id, page);
      const points = person.key === undefined ? [] : briefing.points.filter((point) => point.speakers.some((speaker) => speaker.key === person.key));
      const meeting: PersonMeeting = {
        slug: briefing.slug,
        title: briefing.title,
        lang: briefing.lang,
        date: briefing.date,
        dateText: dateText(briefing.date),
        href: `../${href}`,
        as,
        points: points.map((point) => ({
          text: point.text,
          ...(point.html !== undefined ? { html: point.html } : {}),
          ...(point.lead ? { lead: point.lead } : {}),
          with: point.speakers.filter((speaker) => speaker.key !== person.key).map((speaker) => speaker.name),
        })),
      };
      if (person.role) meeting.role = person.role;
      // A chair who also speaks is one appearance, as chair, with their points.
      const same = page.meetings.find((m) => m.slug === briefing.slug);
      if (same) same.points.push(...meeting.points.filter((point) => !same.points.some((p) => p.text === point.text)));
      else page.meetings.push(meeting);
    }
  }
  for (const page of people.values()) page.meetings.sort(newestFirst);
  return [...people.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Renders and writes every person's page; returns their names relative to the output folder. */
export async function writePersonPages(
  briefings: Iterable<BriefingSummary>,
  options: { templatesDir: string | undefined; site: SiteSettings; outDir: string; dateText: (iso: string) => string },
): Promise<string[]> {
  const templates = loadTemplates(options.templatesDir);
  const { site } = options;
  const written: string[] = [];
  for (const person of personPages(briefings, options.dateText)) {
    const name = `people/${person.id}.html`;
    const frame = siteFrame(site, '../');
    const article = templates.personPage({ person, site: frame });
    const html = templates.page({
      lang: site.lang,
      heading: `${person.name} – ${site.title}`,
      description: `What ${person.name} said at the meetings of the ${site.title}`,
      tags: [],
      article,
      styles: templates.styles,
      site: frame,
      ...(site.baseUrl ? { canonical: absoluteUrl(site.baseUrl, name) } : {}),
    });
    await writeFileIfChanged(join(options.outDir, name), html);
    written.push(name);
  }
  return written;
}
