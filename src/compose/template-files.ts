/**
 * Where the templates live, and the error that names a template: apart from the templates'
 * compiler, so that a build with nothing to render never loads Handlebars.
 */
import { fileURLToPath } from 'node:url';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/default/', import.meta.url));
/** phrg-brief's own PDF fonts, copied there from the font package by the build (scripts/bundle.mjs). */
export const OWN_FONTS_DIR = fileURLToPath(new URL('../../lib/fonts/', import.meta.url));

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    message: string,
    /** Where in the file, when it is known (1-based). */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}
