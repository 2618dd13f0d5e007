/**
 * The page shown in place of a briefing whose record has errors: each diagnostic with its
 * place, message, note and code frame. It reloads itself, like the briefing, once the record
 * is fixed.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatPretty } from '../diagnostics/reporters/pretty.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `sources`: the text of each file the diagnostics name (a record, a template), for their frames. */
export function overlayPage(file: string, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  const items = diagnostics
    .map((d) => {
      const frame = !sources.has(d.file)
        ? ''
        : formatPretty([d], { color: false, sources })
            .split('\n')
            .slice(1)
            .join('\n')
            // Blank lines only: the first line's own spaces align its number with the others'.
            .replace(/^\s*\n|\s+$/g, '');
      return `<li class="${d.severity}">
<p class="where"><strong>${escapeHtml(`${d.file}:${d.line}:${d.column}`)}</strong> <span class="severity">${d.severity}</span> <code>${escapeHtml(d.rule)}</code></p>
<p class="message">${escapeHtml(d.message)}</p>
${frame ? `<pre>${escapeHtml(frame)}</pre>` : ''}
</li>`;
    })
    .join('\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${errors} ${errors === 1 ? 'error' : 'errors'} in ${escapeHtml(file)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; background: #fff7f7; color: #1b1b1b; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem; }
h1 { color: #8b0000; font-size: 1.4rem; }
ol { padding-left: 1.25rem; }
li { margin-bottom: 1.5rem; }
.severity { text-transform: uppercase; font-size: 0.8rem; color: #8b0000; }
li.warning .severity { color: #7a5200; }
pre { background: #fff; border: 1px solid #e3c4c4; padding: 0.75rem; overflow-x: auto; font-size: 0.85rem; }
</style>
</head>
<body>
<main class="phrg-brief-overlay">
<h1>${escapeHtml(file)} has ${errors} ${errors === 1 ? 'error' : 'errors'}</h1>
<p>The briefing is not rebuilt until they are fixed. This page reloads itself when you save.</p>
<ol>
${items}
</ol>
</main>
</body>
</html>
`;
}
