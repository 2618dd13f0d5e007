/** Compose stage: a Meeting → the briefing article and the standalone page around it. */
import type { Meeting } from '../validate/meeting.js';
import type { TemplateSet } from './templates.js';
import { buildView, type BriefingView } from './view-model.js';

export interface ComposedBriefing {
  view: BriefingView;
  /** The semantic <article>: the one source that HTML and PDF both render. */
  article: string;
}

/** `siteLang`, the site's language, is the record's when it gives none of its own. */
export function composeBriefing(meeting: Meeting, templates: TemplateSet, siteLang = 'en-GB'): ComposedBriefing {
  const view = buildView(meeting, siteLang);
  return { view, article: templates.briefing(view) };
}

/** The standalone HTML5 page: the article inside the page layout, with its CSS inlined. */
export function renderPage(briefing: ComposedBriefing, templates: TemplateSet, extra: object = {}): string {
  return templates.page({ ...briefing.view, article: briefing.article, styles: templates.styles, ...extra });
}
