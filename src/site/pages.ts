/**
 * The archive's own pages: index.html, tags/<tag>.html, people/index.html, 404.html, feed.xml,
 * the JSON Schemas, and sitemap.xml when the site's address is known. Their wording is in
 * templates (index.hbs, tag.hbs, people.hbs, feed.hbs) like the briefing's. They are made
 * from summaries without points, so an edit to a record's points leaves them alone;
 * briefings.json, which holds the points, is written from each record's cached entry
 * (archive-data.ts).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TemplateSet } from '../compose/templates.js';
import { briefingSummarySchema, type SiteSummary } from '../render/summary-schema.js';
import { buildModel, readingType, type SiteModel } from './model.js';
import { absoluteUrl, siteFrame } from './site-frame.js';

/** The page hosts such as GitHub Pages answer an address with no page with. */
export const NOT_FOUND_PAGE = '404.html';

export interface SiteSettings {
  title: string;
  lang: string;
  /** Absolute address the site is published at, without a trailing slash. */
  baseUrl?: string;
}

export interface SiteFile {
  name: string;
  data: string;
}

/**
 * The pages one at a time, each made as it is asked for: an archive of ten thousand records
 * has pages of megabytes, and the build writes each before the next is made.
 */
export function* renderSite(
  summaries: readonly SiteSummary[],
  templates: TemplateSet,
  site: SiteSettings,
  committed: Readonly<Record<string, string>> = {},
): Generator<SiteFile> {
  const model = buildModel(summaries);
  const frame = (name: string) => ({
    ...siteFrame(site, name.includes('/') ? '../' : ''),
    ...(name === 'index.html' ? { searchOnPage: true, current: 'home' as const } : name === 'people/index.html' ? { current: 'people' as const } : {}),
  });
  /** The page around an archive page's own article: header, footer, metadata. */
  const page = (name: string, article: string, heading: string, description: string, pageFrame?: object): string =>
    templates.page({
      lang: site.lang,
      heading,
      description,
      tags: [],
      article,
      styles: templates.styles,
      site: pageFrame ?? frame(name),
      ...(site.baseUrl && !pageFrame ? { canonical: absoluteUrl(site.baseUrl, name) } : {}),
    });

  const htmlPages = [
    'index.html',
    'people/index.html',
    ...model.tags.map((tag) => `tags/${tag.slug}.html`),
    ...model.people.map((person) => `people/${person.id}.html`),
  ];
  yield {
    name: 'index.html',
    data: page('index.html', templates.index({ ...model, site: frame('index.html') }), site.title, `Briefings of the ${site.title}`),
  };
  yield {
    name: 'people/index.html',
    data: page(
      'people/index.html',
      templates.people({ ...model, site: frame('people/index.html') }),
      `Speakers and chairs – ${site.title}`,
      'Everyone who spoke at or chaired a meeting',
    ),
  };
  for (const tag of model.tags) {
    const name = `tags/${tag.slug}.html`;
    yield { name, data: page(name, templates.tag({ tag, site: frame(name) }), `${tag.name} – ${site.title}`, `Briefings tagged ${tag.name}`) };
  }
  // Served at any address with no page, in any folder: its links lead from the site's address when it is known.
  const notFoundFrame = siteFrame(site, site.baseUrl ? `${site.baseUrl}/` : '');
  yield {
    name: NOT_FOUND_PAGE,
    data: page(
      NOT_FOUND_PAGE,
      templates.notFound({ site: notFoundFrame }),
      `No page at this address – ${site.title}`,
      'No page at this address',
      notFoundFrame,
    ),
  };
  yield { name: 'feed.xml', data: templates.feed(feedContext(model, site, committed)) };
  yield { name: 'schema/briefings.schema.json', data: `${JSON.stringify(archiveJsonSchema(), null, 2)}\n` };
  yield { name: 'schema/briefing.schema.json', data: `${JSON.stringify(briefingJsonSchema(), null, 2)}\n` };
  if (site.baseUrl) yield { name: 'sitemap.xml', data: sitemap(model, site.baseUrl, htmlPages) };
}

/**
 * The feed: with site.baseUrl every link absolute, else relative to the feed itself (which
 * lies beside the pages). An entry's `updated` is its record's `updated:`, else its last
 * commit, else the meeting's date, so that a corrected briefing shows as updated.
 */
function feedContext(model: SiteModel, site: SiteSettings, committed: Readonly<Record<string, string>>): object {
  const id = (slug: string, href: string): string => (site.baseUrl ? absoluteUrl(site.baseUrl, href) : `urn:uuid:${uuidFrom(`phrg-brief:${slug}`)}`);
  const link = (href: string): string => (site.baseUrl ? absoluteUrl(site.baseUrl, href) : href);
  const entries = model.briefings.map((briefing) => {
    const updated = briefing.updated ? `${briefing.updated}T00:00:00Z` : (committed[briefing.slug] ?? `${briefing.date}T00:00:00Z`);
    return {
      ...briefing,
      id: id(briefing.slug, briefing.href),
      link: link(briefing.href),
      linkType: readingType(briefing.files),
      updated: updated < `${briefing.date}T00:00:00Z` ? `${briefing.date}T00:00:00Z` : updated,
    };
  });
  const updated = entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), '1970-01-01T00:00:00Z');
  return {
    site,
    feedId: site.baseUrl ? `${site.baseUrl}/feed.xml` : `urn:uuid:${uuidFrom(`phrg-brief:feed:${site.title}`)}`,
    self: link('feed.xml'),
    home: link('index.html'),
    updated,
    entries,
  };
}

/** A stable name-based UUID (version 5 layout over SHA-1), so feed IDs never change. */
function uuidFrom(name: string): string {
  const bytes = createHash('sha1').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function sitemap(model: SiteModel, baseUrl: string, htmlPages: readonly string[]): string {
  const pages = [...htmlPages, ...model.briefings.map((b) => b.files.html).filter((n): n is string => n !== undefined)];
  const lastmod = new Map(model.briefings.map((b) => [b.files.html, b.date]));
  const urls = pages.map((name) => {
    const date = lastmod.get(name);
    return `<url><loc>${escapeXml(absoluteUrl(baseUrl, name))}</loc>${date ? `<lastmod>${date}</lastmod>` : ''}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function briefingJsonSchema(): object {
  return { ...z.toJSONSchema(briefingSummarySchema), title: 'A phrg-brief briefing (<slug>.json)' };
}

function archiveJsonSchema(): object {
  const archive = z.object({ $schema: z.string().optional(), briefings: z.array(briefingSummarySchema) });
  return { ...z.toJSONSchema(archive), title: 'Every briefing of a phrg-brief archive (briefings.json)' };
}
