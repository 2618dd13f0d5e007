/**
 * A briefing as data: the record's facts, its attributed points with their speakers, and the
 * intro sentence as the template worded it. This is `<slug>.json`, an entry of
 * `briefings.json`, and what the index, tag, people and feed pages are made from — so an
 * unchanged record never has to be parsed again for them.
 */
import { toString } from 'mdast-util-to-string';
import type { Paragraph, Parent, Root } from 'mdast';
import { paragraphHtml, pointHtml } from '../compose/body.js';
import type { Attribution } from '../validate/attributions.js';
import type { BriefingView } from '../compose/view-model.js';
import type { Meeting } from '../validate/meeting.js';
import { displayName, isPerson } from '../validate/meeting.js';

export { briefingSummarySchema, type BriefingSummary } from './summary-schema.js';
import type { BriefingSummary } from './summary-schema.js';

/** Must run before the body is rendered, which rewrites the tree's attribution nodes. */
export function attributedPoints(meeting: Meeting): BriefingSummary['points'] {
  const byParagraph = new Map(meeting.attributions.map((attribution) => [attribution.paragraph, attribution]));
  const leads = nestedLeads(meeting.tree);
  const words = (attribution: Attribution): { text: string; html: string } => ({
    text: toString(attribution.paragraph)
      .slice(0, toString(attribution.paragraph).length - (attribution.text.value.length - attribution.index))
      .trim(),
    html: pointHtml(attribution),
  });
  return meeting.attributions.map((attribution) => {
    const lead = leads.get(attribution.paragraph);
    const leadAttribution = lead && byParagraph.get(lead);
    return {
      ...words(attribution),
      ...(lead ? { lead: leadAttribution ? words(leadAttribution) : { text: toString(lead).trim(), html: paragraphHtml(lead) } } : {}),
      speakers: attribution.keys.map(({ key }) => {
        const person = meeting.people.get(key);
        return { key, name: person ? displayName(person) : key };
      }),
    };
  });
}

/**
 * Each paragraph that opens a list item nested in another, and the paragraph that opens that
 * one: "to protect defenders. (JD)" stands under "The government has failed:", and read alone
 * on a person's page it would say less than the speaker did.
 */
function nestedLeads(tree: Root): Map<Paragraph, Paragraph> {
  const leads = new Map<Paragraph, Paragraph>();
  // `lead` is the paragraph opening the list item `node` is, when it is one.
  const visit = (node: Parent, lead: Paragraph | undefined): void => {
    for (const child of node.children) {
      if (child.type === 'list') {
        for (const item of child.children) {
          const first = item.children[0]?.type === 'paragraph' ? item.children[0] : undefined;
          if (first && lead) leads.set(first, lead);
          visit(item, first);
        }
      } else if ('children' in child) visit(child, undefined);
    }
  };
  visit(tree, undefined);
  return leads;
}

/** `source` is the record's path relative to the project, with forward slashes. */
export function summarise(
  meeting: Meeting,
  source: string,
  view: BriefingView,
  article: string,
  points: BriefingSummary['points'],
  files: Record<string, string>,
): BriefingSummary {
  const { data } = meeting;
  const summary: BriefingSummary = {
    slug: meeting.slug,
    source,
    title: data.title,
    date: data.date,
    heading: view.heading,
    kind: view.kind,
    lang: view.lang,
    draft: data.draft ?? false,
    chathamHouse: data.chathamHouse ?? false,
    hosts: data.hosts,
    partners: data.partners ?? [],
    tags: data.tags ?? [],
    summary: introText(article),
    chairs: meeting.chairs.map((chair) => (isPerson(chair) ? { ...chair } : { text: chair })),
    speakers: meeting.speakers.map((speaker) => (isPerson(speaker) ? { ...speaker } : { text: speaker })),
    points,
    files,
  };
  if (data.topic !== undefined) summary.topic = data.topic;
  if (data.updated !== undefined) summary.updated = data.updated;
  return summary;
}

/**
 * The text of the article's `.intro` element, else of its first paragraph. The article is
 * the template's own HTML, so a pattern finds the element without parsing the page again.
 */
export function introText(article: string): string {
  const intro = /<(p|div)\b[^>]*\bclass="[^"]*\bintro\b[^"]*"[^>]*>([\s\S]*?)<\/\1>/.exec(article) ?? /<p\b[^>]*>([\s\S]*?)<\/p>/.exec(article);
  // An intro's footnotes (their numbers and the notes) are no part of what it says.
  const inner = (intro ? (intro[2] ?? intro[1] ?? '') : '')
    .replace(/<section\b[^>]*\bdata-footnotes\b[\s\S]*?<\/section>/g, ' ')
    .replace(/<sup>\s*<a\b[^>]*\bdata-footnote-ref\b[\s\S]*?<\/a>\s*<\/sup>/g, '');
  // Block tags part words; inline ones (em, abbr, time, a) do not.
  const text = inner.replace(/<\/?(?:p|div|br|li|ul|ol|h[1-6])\b[^>]*>/g, ' ').replace(/<[^>]*>/g, '');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
