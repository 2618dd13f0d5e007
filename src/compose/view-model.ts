/** The facts a template sees: the record's data, normalised, plus the rendered body. */
import type { Meeting } from '../validate/meeting.js';
import { isPerson } from '../validate/meeting.js';
import type { Person } from '../validate/schema.js';
import { articleHtml } from './body.js';
import { shortDate } from './helpers.js';
import { parseIntro } from '../load/markdown.js';

export interface PersonView extends Person {
  /** A plain-string speaker ("Egypt"), printed as it is. */
  text?: string;
}

export interface BriefingView {
  slug: string;
  lang: string;
  title: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** The record's own `updated:`, when the briefing was corrected after the meeting. */
  updated?: string;
  /** "7/11/16: Title", for <title> and PDF metadata. */
  heading: string;
  description: string;
  hosts: string[];
  partners: string[];
  kind: string;
  topic?: string;
  introHtml?: string;
  speakersLead?: string;
  speakers: PersonView[];
  chairs: PersonView[];
  /** Whether any chair has a role: their names are then joined with "; " and ", and ". */
  chairsHaveRoles: boolean;
  chathamHouse: boolean;
  tags: string[];
  bodyHtml: string;
}

/** `siteLang`, the site's language: a record's own when it gives none. */
export function buildView(meeting: Meeting, siteLang = 'en-GB'): BriefingView {
  const { data } = meeting;
  const html = articleHtml(
    meeting.tree,
    meeting.attributions,
    meeting.people,
    data.intro === undefined ? undefined : parseIntro(data.intro, meeting.tree),
    data.lang !== undefined && data.lang !== siteLang ? siteLang : undefined,
  );
  const view: BriefingView = {
    slug: meeting.slug,
    lang: data.lang ?? siteLang,
    title: data.title,
    date: data.date,
    heading: `${shortDate(data.date)}: ${data.title}`,
    description: data.topic ?? data.title,
    hosts: data.hosts,
    partners: data.partners ?? [],
    kind: data.kind ?? 'meeting',
    speakers: meeting.speakers.map(toPersonView),
    chairs: meeting.chairs.map(toPersonView),
    chairsHaveRoles: meeting.chairs.some((chair) => isPerson(chair) && chair.role !== undefined),
    chathamHouse: data.chathamHouse ?? false,
    tags: data.tags ?? [],
    bodyHtml: html.body,
  };
  if (html.intro !== undefined) view.introHtml = html.intro;
  if (data.topic !== undefined) view.topic = data.topic;
  if (data.updated !== undefined && data.updated > data.date) view.updated = data.updated;
  if (data.speakersLead !== undefined) view.speakersLead = data.speakersLead;
  return view;
}

function toPersonView(speaker: string | Person): PersonView {
  return isPerson(speaker) ? { ...speaker } : { text: speaker };
}
