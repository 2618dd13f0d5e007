/**
 * What the preview adds to pages as it serves them — never to the files `build` writes: a
 * bar with the briefing's other formats and its warning count, and the live-reload script
 * (server-sent events), which keeps the scroll position across reloads.
 */
import { escapeHtml } from './overlay.js';

export const EVENTS_PATH = '/__phrg-brief/events';

/**
 * On a rebuild the page fetches itself and swaps its content in place: faster than a
 * reload, the scroll position stays, and the event stream stays connected. The page's own
 * scripts (the index's filter) are run again; if anything fails, it simply reloads.
 */
const RELOAD_SCRIPT = `<script data-phrg-brief-live>
(() => {
  const key = 'phrg-brief-scroll:' + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) { sessionStorage.removeItem(key); window.scrollTo(0, Number(saved)); }
  // Where the briefing was being read: kept while the page of its errors stands in its place,
  // so that once they are fixed the reader is back there, not at the top.
  const errorPage = () => document.querySelector('.phrg-brief-overlay') !== null;
  let reading = errorPage() ? 0 : window.scrollY;
  const reload = () => { sessionStorage.setItem(key, String(errorPage() ? reading : window.scrollY)); location.reload(); };
  const events = new EventSource('${EVENTS_PATH}');
  events.addEventListener('reload', async () => {
    try {
      const response = await fetch(location.href, { cache: 'no-store' });
      if (!response.ok) return reload();
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      if (!errorPage()) reading = window.scrollY;
      document.title = next.title;
      document.head.innerHTML = next.head.innerHTML;
      document.body.innerHTML = next.body.innerHTML;
      for (const old of document.body.querySelectorAll('script:not([data-phrg-brief-live])')) {
        const fresh = document.createElement('script');
        fresh.textContent = old.textContent;
        old.replaceWith(fresh);
      }
      window.scrollTo(0, errorPage() ? 0 : reading);
    } catch {
      reload();
    }
  });
})();
</script>`;

export interface BarInfo {
  slug: string;
  formats: readonly string[];
  warnings: number;
  /** Marked `draft: true`: shown here, left out of a build. */
  draft?: boolean;
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
<span class="phrg-brief-warnings">${bar.warnings} ${bar.warnings === 1 ? 'warning' : 'warnings'}</span>${bar.draft ? '\n<strong class="phrg-brief-draft">Draft: left out of a build until draft: true is taken out</strong>' : ''}
</aside>`
    : '';
  const addition = `${barHtml}\n${RELOAD_SCRIPT}\n`;
  // Before the page's own end, its last `</body>`: a record's words may hold one inside an
  // attribute (a link's title, a name in an <abbr title>), where `<` is left as it is, and the
  // bar's quotes put there would close the attribute and let the rest of those words run.
  const end = html.lastIndexOf('</body>');
  return end === -1 ? html + addition : html.slice(0, end) + addition + html.slice(end);
}
