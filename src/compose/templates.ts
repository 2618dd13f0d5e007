/**
 * The template set: Handlebars templates, partials and the stylesheet. A project's own
 * templates folder (named in phrg-brief.yaml) wins over the default one, file by file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { helpers } from './helpers.js';
import { DEFAULT_TEMPLATES_DIR, TemplateError } from './template-files.js';
import { checkTemplate } from './template-syntax.js';
import { errorMessage, isStackOverflow } from '../diagnostics/error-message.js';

export type TemplateFn = (context: object) => string;

export interface TemplateSet {
  briefing: TemplateFn;
  page: TemplateFn;
  /** The archive's pages: front page, one tag, the people, and the Atom feed. */
  index: TemplateFn;
  tag: TemplateFn;
  people: TemplateFn;
  /** One person's page: their meetings and points. */
  personPage: TemplateFn;
  feed: TemplateFn;
  /** 404.html: the page at an address with no page. */
  notFound: TemplateFn;
  styles: string;
  /** Every file the set was read from, for cache keys and watching. */
  files: string[];
}

const cache = new Map<string, TemplateSet>();

/** Loads (once per process and folder) the templates, with `overrideDir` taking precedence. */
export function loadTemplates(overrideDir?: string): TemplateSet {
  const cacheKey = overrideDir ?? '';
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const set = readTemplates(overrideDir);
  cache.set(cacheKey, set);
  return set;
}

export function clearTemplateCache(): void {
  cache.clear();
}

function readTemplates(overrideDir: string | undefined): TemplateSet {
  const dirs = overrideDir ? [overrideDir, DEFAULT_TEMPLATES_DIR] : [DEFAULT_TEMPLATES_DIR];
  const files: string[] = [];
  const resolve = (name: string): string => {
    const found = dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
    if (!found) throw new TemplateError(join(dirs[0]!, name), `template ${name} not found`);
    files.push(found);
    return found;
  };

  const env = Handlebars.create();
  env.registerHelper(helpers);
  const partialNames = new Set(dirs.flatMap((dir) => listHbs(join(dir, 'partials'))));
  const partialPaths = [...partialNames].sort().map((name) => [name, resolve(join('partials', `${name}.hbs`))] as const);
  const pagePaths = Object.fromEntries(PAGE_TEMPLATES.map((name) => [name, resolve(name)]));
  const given = partialFields(env, [...partialPaths.map(([, path]) => path), ...Object.values(pagePaths)]);
  // A partial may give nothing (a part left out where it has nothing to say).
  for (const [name, path] of partialPaths) env.registerPartial(name, compile(env, path, { partials: partialNames, given }, false));
  const page = (name: (typeof PAGE_TEMPLATES)[number]): TemplateFn => compile(env, pagePaths[name]!, { partials: partialNames, given }, true);
  return {
    briefing: page('briefing.hbs'),
    page: page('page.hbs'),
    index: page('index.hbs'),
    tag: page('tag.hbs'),
    people: page('people.hbs'),
    personPage: page('person-page.hbs'),
    feed: page('feed.hbs'),
    notFound: page('not-found.hbs'),
    styles: readFileSync(resolve('styles.css'), 'utf8'),
    files,
  };
}

/**
 * A template as a function of its data. One that gives a page or a briefing (`givesPage`) must
 * give something: emptied, or left with a comment alone, it would publish empty files over
 * good ones, the whole site's pages with page.hbs.
 */
function compile(env: typeof Handlebars, path: string, names: { partials: ReadonlySet<string>; given: ReadonlySet<string> }, givesPage: boolean): TemplateFn {
  const source = readFileSync(path, 'utf8');
  checkTemplate(env, source, path, names.partials, names.given);
  const template = env.compile(source, { strict: false, preventIndent: true });
  return (context) => {
    let given: string;
    try {
      given = template(context);
    } catch (error) {
      // A partial's own error names the partial, not each template that included it.
      if (error instanceof TemplateError) throw error;
      // The only way a template recurses without end is a partial that includes itself, at
      // once or through others: say so, rather than the stack's overflow.
      const message = isStackOverflow(error)
        ? 'the templates include one another without end: a partial that includes itself, at once or through another ({{> name}})'
        : errorMessage(error);
      throw new TemplateError(path, message);
    }
    if (givesPage && given.trim() === '') throw new TemplateError(path, 'gives nothing: what it makes would be published empty');
    return given;
  };
}

const PAGE_TEMPLATES = ['briefing.hbs', 'page.hbs', 'index.hbs', 'tag.hbs', 'people.hbs', 'person-page.hbs', 'feed.hbs', 'not-found.hbs'] as const;

/** The names the templates give the partials they include (`{{> briefing-list root=""}}`): fields there. */
function partialFields(env: typeof Handlebars, paths: readonly string[]): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const { type, hash } = node as { type?: string; hash?: { pairs: { key: string }[] } };
    if ((type === 'PartialStatement' || type === 'PartialBlockStatement') && hash) hash.pairs.forEach((pair) => names.add(pair.key));
    for (const value of Object.values(node)) if (value !== null && typeof value === 'object') visit(value);
  };
  for (const path of paths) {
    try {
      visit(env.parse(readFileSync(path, 'utf8')));
    } catch {
      // A template that cannot be read is reported as it is compiled.
    }
  }
  return names;
}

function listHbs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.hbs'))
    .map((name) => name.slice(0, -'.hbs'.length));
}
