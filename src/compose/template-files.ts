/**
 * Where the templates live, and the error that names a template: apart from the templates'
 * compiler, so that a build with nothing to render never loads Handlebars.
 */
import { fileURLToPath } from 'node:url';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/default/', import.meta.url));

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}
