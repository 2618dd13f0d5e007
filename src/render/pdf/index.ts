/** PDF rendering: the one entry point the pipeline loads on demand. */
export { renderPdf, documentDate, type PdfResult } from './document.js';
export { loadTheme, PAGE_SIZES, type Theme } from './theme.js';
export { FontError } from './fonts.js';
export { renderPdfFormat } from './render.js';
