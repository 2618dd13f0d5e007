/**
 * A briefing as data: the record's facts, its attributed points with their speakers, and the
 * intro sentence as the template worded it. This is `<slug>.json`, an entry of
 * `briefings.json`, and what the index, tag, people and feed pages are made from — so an
 * unchanged record never has to be parsed again for them.
 */
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { toString } from 'mdast-util-to-string';
import type { BriefingView } from '../compose/view-model.js';
import type { Meeting } from '../validate/meeting.js';
import { displayName, isPerson } from '../validate/meeting.js';

export { briefingSummarySchema, type BriefingSummary } from './summary-schema.js';
import type { BriefingSummary } from './summary-schema.js';

/** Must run before the body is rendered, which rewrites the tree's attribution nodes. */
export function attributedPoints(meeting: Meeting): BriefingSummary['points'] {
  return meeting.attributions.map((attribution) => ({
    text: toString(attribution.paragraph).slice(0, toString(attribution.paragraph).length - (attribution.text.value.length - attribution.index)).trim(),
    speakers: attribution.keys.map(({ key }) => {
      const person = meeting.people.get(key);
      return { key, name: person ? displayName(person) : key };
    }),
  }));
}

export function summarise(meeting: Meeting, view: BriefingView, article: string, points: BriefingSummary['points'], files: Record<string, string>): BriefingSummary {
  const { data } = meeting;
  const summary: BriefingSummary = {
    slug: meeting.slug,
    source: meeting.file,
    title: data.title,
    date: data.date,
    heading: view.heading,
    kind: view.kind,
    lang: view.lang,
    draft: data.draft ?? false,
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
  return summary;
}

/** The text of the article's `.intro`, else its first paragraph. */
function introText(article: string): string {
  const tree = fromHtml(article, { fragment: true });
  let found: HastRoot['children'][number] | undefined;
  const walk = (nodes: HastRoot['children']): void => {
    for (const node of nodes) {
      if (found) return;
      if (node.type !== 'element') continue;
      const classes = node.properties.className;
      if (Array.isArray(classes) && classes.includes('intro')) found = node;
      else walk(node.children as HastRoot['children']);
    }
  };
  walk(tree.children);
  if (!found) {
    const first = tree.children.find((node) => node.type === 'element');
    found = first;
  }
  return found ? toText(found as never).replace(/\s+/g, ' ').trim() : '';
}
