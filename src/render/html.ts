/** The standalone briefing page: the composed article inside the page template. */
import { renderPage } from '../compose/briefing.js';
import type { RenderInput } from './formats.js';

export function renderHtml({ composed, templates }: RenderInput): string {
  return renderPage(composed, templates);
}
