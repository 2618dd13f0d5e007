/**
 * What every page's header and footer need: the group's name, the way back to the archive
 * from where the page lies, the feed and the search. One shape for the briefing pages (made
 * by each record's render) and the archive's own pages (made by the site build).
 */
import type { SiteSettings } from './pages.js';

export type { SiteSettings };

export interface SiteFrame {
  title: string;
  lang: string;
  baseUrl?: string;
  /** From the page back to the output folder: "" or "../". */
  root: string;
  /** Hrefs relative to the page. */
  home: string;
  people: string;
  feed: string;
  /** The stylesheet declaring the self-hosted fonts. */
  fonts: string;
  /** The font files nearly every page sets its text in, to fetch with the page (`<link rel="preload">`). */
  fontPreloads: string[];
  /** The search's script and index (Pagefind), and the page that shows results. */
  search: string;
  /** The page has the search box in its body (the index), not in its header. */
  searchOnPage?: boolean;
  /** The page the header's navigation links to, when this is it: its link is marked current. */
  current?: 'home' | 'people';
  /** Absolute address of the feed, when site.baseUrl is set. */
  feedUrl?: string;
}

/** Where the site's fonts and search index are written, inside the output folder. */
export const FONTS_DIR = 'fonts';
export const FONTS_CSS = `${FONTS_DIR}/source-serif-4.css`;
export const SEARCH_DIR = 'pagefind';

/**
 * Latin, regular and bold: the text of every page, the template's words around a briefing in
 * any language among it. Fetched with the page, not once the fonts' stylesheet has been read,
 * they arrive before a slow line has painted the text in a fallback and then moved it.
 */
export const PRELOADED_FONTS = ['source-serif-4-latin-400-normal.woff2', 'source-serif-4-latin-700-normal.woff2'];

export function siteFrame(site: SiteSettings, root: string): SiteFrame {
  return {
    title: site.title,
    lang: site.lang,
    ...(site.baseUrl ? { baseUrl: site.baseUrl, feedUrl: `${site.baseUrl}/feed.xml` } : {}),
    root,
    home: `${root}index.html`,
    people: `${root}people/index.html`,
    feed: `${root}feed.xml`,
    fonts: `${root}${FONTS_CSS}`,
    fontPreloads: PRELOADED_FONTS.map((name) => `${root}${FONTS_DIR}/${name}`),
    search: `${root}${SEARCH_DIR}/`,
  };
}

/**
 * A page's address under the site's: each part of its name percent-encoded, as a sitemap, a
 * feed's ids and a canonical link need a URI (a person's page may be `people/søren-….html`).
 */
export function absoluteUrl(baseUrl: string, name: string): string {
  return `${baseUrl}/${name.split('/').map(encodeURIComponent).join('/')}`;
}
