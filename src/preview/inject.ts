/**
 * What the preview adds to pages as it serves them — never to the files `build` writes: a
 * bar with the briefing's other formats and its warning count, and the live-reload script
 * (server-sent events), which keeps the scroll position across reloads.
 */
import { escapeHtml } from './overlay.js';

export const EVENTS_PATH = '/__phrg-brief/events';

const RELOAD_SCRIPT = `<script>
(() => {
  const key = 'phrg-brief-scroll:' + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) { sessionStorage.removeItem(key); window.scrollTo(0, Number(saved)); }
  const events = new EventSource('${EVENTS_PATH}');
  events.addEventListener('reload', () => {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
})();
</script>`;

export interface BarInfo {
  slug: string;
  formats: readonly string[];
  warnings: number;
}

export function injectPreview(html: string, bar: BarInfo | undefined): string {
  const links = bar
    ? bar.formats
        .filter((format) => format !== 'html')
        .map((format) => `<a href="/${escapeHtml(bar.slug)}.${format}">${format.toUpperCase()}</a>`)
        .join(' ')
    : '';
  const barHtml = bar
    ? `<aside class="phrg-brief-preview-bar" aria-label="Preview" style="position:sticky;bottom:0;display:flex;gap:1rem;align-items:center;padding:0.4rem 1rem;background:#1b1b1b;color:#fff;font:14px system-ui,sans-serif">
<span>Preview</span> ${links.replaceAll('<a ', '<a style="color:#fff" ')} <a style="color:#fff" href="/index.html">Index</a>
<span class="phrg-brief-warnings">${bar.warnings} ${bar.warnings === 1 ? 'warning' : 'warnings'}</span>
</aside>`
    : '';
  const addition = `${barHtml}\n${RELOAD_SCRIPT}\n`;
  return html.includes('</body>') ? html.replace('</body>', `${addition}</body>`) : html + addition;
}
