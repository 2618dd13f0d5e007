/** The briefing page: the composed article inside the page template, with the site around it. */
import { renderPage } from '../compose/briefing.js';
import type { RenderInput } from './formats.js';

export function renderHtml({ composed, templates, pageContext }: RenderInput): string {
  return renderPage(composed, templates, pageContext());
}
