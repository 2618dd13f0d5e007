/**
 * A template's mistakes found when it is read, not when a record is rendered with it: so that
 * a build reports one broken template once, before any record, and `check` reports it too.
 * Handlebars parses lazily and says "Parse error on line 34 … got 'EOF'" at a block left open,
 * and "Missing helper" only when the line runs, with no place: these say what is wrong, where.
 */
import type Handlebars from 'handlebars';
import { errorMessage } from '../diagnostics/error-message.js';
import { TemplateError } from './template-files.js';
import { HTML_FIELDS, TEMPLATE_FIELDS } from './template-fields.js';
import { closest } from '../validate/suggest.js';

/** What this reads of Handlebars' syntax tree: any node, with the parts that hold others. */
interface Node {
  type: string;
  loc: hbs.AST.SourceLocation;
  /** A mustache's, a block's or a sub-expression's: the helper or value it names. */
  path?: Node & { original?: unknown };
  /** A path's: whether it is a data variable (@index), and its names (`site.title`: site, title). */
  data?: boolean;
  parts?: string[];
  original?: unknown;
  /** A block's program's names for what it gives (`as |speaker|`). */
  blockParams?: string[];
  /** A mustache's: false for {{{…}}}, which prints its value unescaped. */
  escaped?: boolean;
  /** A partial's: the partial it names. */
  name?: { type: string; original?: unknown };
  params?: Node[];
  hash?: { pairs: { key: string; value: Node }[] };
  program?: Node;
  inverse?: Node;
  body?: Node[];
}

/**
 * Throws a TemplateError, placed, for a template that cannot be parsed, calls no helper there
 * is, or includes a partial not among `partials` (a `{{#> name}}` block has its own fallback).
 */
export function checkTemplate(
  env: typeof Handlebars,
  source: string,
  path: string,
  partials: ReadonlySet<string>,
  /** Names the templates give partials (`{{> list root=""}}`), which are fields there. */
  partialFields: ReadonlySet<string> = new Set(),
): void {
  let program: Node;
  try {
    program = env.parse(source) as unknown as Node;
  } catch (error) {
    throw parseError(source, path, errorMessage(error));
  }
  // Partials the template defines itself ({{#*inline "name"}}), and @partial-block, which a
  // partial called as a block ({{#> layout}}) places its caller's content with, are there too.
  const inline = new Set<string>();
  visit(program, (node) => {
    const named = node.params?.[0] as { original?: unknown } | undefined;
    if (node.type === 'DecoratorBlock' && node.path?.original === 'inline' && named) inline.add(String(named.original));
  });
  const known = (name: string): boolean => partials.has(name) || inline.has(name) || name.startsWith('@');
  visit(program, (node) => {
    // A decorator ({{#*inline}}) is not a helper.
    if (node.type === 'Decorator' || node.type === 'DecoratorBlock') return;
    if (node.type === 'PartialStatement' && node.name?.type === 'PathExpression' && !known(String(node.name.original)))
      throw new TemplateError(
        path,
        `there is no partial called ${String(node.name.original)}${partials.size > 0 ? ` (there are ${[...partials].sort().join(', ')})` : ''}`,
        node.loc.start.line,
        node.loc.start.column + 1,
      );
    const callee = node.path;
    const calls = node.type === 'SubExpression' || (node.params?.length ?? 0) > 0 || node.hash !== undefined;
    if (!calls || callee?.type !== 'PathExpression') return;
    const name = String(callee.original);
    if (/^[\w-]+$/.test(name) && !(name in env.helpers))
      throw new TemplateError(path, `there is no helper called ${name}`, node.loc.start.line, node.loc.start.column + 1);
  });
  checkFields(env, program, path, partialFields);
}

/**
 * Every name a template reads is a field phrg-brief gives (TEMPLATE_FIELDS), a helper, or one
 * the templates give themselves: else it is a slip ({{titel}}, {{#each speakrs}}) that printed
 * nothing where it stood, the build saying nothing either.
 */
function checkFields(env: typeof Handlebars, program: Node, path: string, partialFields: ReadonlySet<string>): void {
  const own = new Set(partialFields);
  // A block's names (`as |speaker|`) are taken anywhere in the template, not only inside their
  // block: the check errs on the side of letting a name through.
  visit(program, (node) => node.program?.blockParams?.forEach((name) => own.add(name)));
  const known = (name: string): boolean => TEMPLATE_FIELDS.has(name) || own.has(name) || /^\d+$/.test(name);
  const read = (expression: Node | undefined): void => {
    if (!expression || expression.type !== 'PathExpression' || expression.data) return;
    const unknown = (expression.parts ?? []).find((part) => !known(part));
    if (unknown === undefined) return;
    const meant = closest(unknown, [...TEMPLATE_FIELDS, ...own]);
    const within = expression.parts!.length > 1 ? ` (in ${String(expression.original)})` : '';
    throw new TemplateError(
      path,
      `there is no field called ${unknown}${within}${meant ? `: did you mean ${meant}?` : ''}`,
      expression.loc.start.line,
      expression.loc.start.column + 1,
    );
  };
  visit(program, (node) => {
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement' || node.type === 'Decorator' || node.type === 'DecoratorBlock') {
      node.params?.forEach(read);
      node.hash?.pairs.forEach((pair) => read(pair.value));
      return;
    }
    if (node.type !== 'MustacheStatement' && node.type !== 'BlockStatement' && node.type !== 'SubExpression') return;
    // {{{…}}} prints a value as it is, as HTML: only the fields phrg-brief made HTML (sanitised) may be.
    const last = node.path?.parts?.at(-1);
    if (node.type === 'MustacheStatement' && node.escaped === false && last !== undefined && !HTML_FIELDS.has(last))
      throw new TemplateError(
        path,
        `{{{${String(node.path!.original)}${node.params?.length ? ' …' : ''}}}} prints a record's words as HTML, unescaped: a < or & in them would break the page, or run a script there; write {{…}} (only ${[...HTML_FIELDS].join(', ')} are HTML)`,
        node.loc.start.line,
        node.loc.start.column + 1,
      );
    // What it names is a helper's name, or a value to read when there is no such helper.
    const callee = node.path;
    if (callee && !(callee.type === 'PathExpression' && String(callee.original) in env.helpers)) read(callee);
    node.params?.forEach(read);
    node.hash?.pairs.forEach((pair) => read(pair.value));
  });
}

function visit(node: Node, each: (node: Node) => void): void {
  each(node);
  for (const child of [...(node.body ?? []), ...(node.params ?? []), ...(node.program ? [node.program] : []), ...(node.inverse ? [node.inverse] : [])])
    visit(child, each);
}

/** The parser's error in the template's words, at the `{{#…}}` left open when the file ends. */
function parseError(source: string, path: string, message: string): TemplateError {
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)/.exec(message);
  if (mismatch) {
    // Handlebars places it at the block's name: the place shown is its "{{".
    const lineText = source.split('\n')[Number(mismatch[3]) - 1] ?? '';
    const column = lineText.lastIndexOf('{{', Number(mismatch[4])) + 1;
    return new TemplateError(path, `{{/${mismatch[2]}}} closes the block {{#${mismatch[1]}}} opened here`, Number(mismatch[3]), Math.max(column, 1));
  }
  const line = Number(/on line (\d+)/.exec(message)?.[1] ?? 1);
  const found = /got '(\w+)'/.exec(message)?.[1];
  if (found === 'EOF') {
    const open = unclosedBlock(source);
    if (open) return new TemplateError(path, `the block {{#${open.name}}} is never closed: the file ends before its {{/${open.name}}}`, open.line, open.column);
    return new TemplateError(path, 'the file ends inside a {{…}}: a "}}" is missing', line, 1);
  }
  const expected = /Expecting (.*), got/.exec(message)?.[1];
  const lineText = source.split('\n')[line - 1] ?? '';
  const at = errorColumn(message, lineText);
  // Most often a "}}" left out or cut short, or a character that cannot stand in a {{…}}:
  // pointed at the "{{" it stands in.
  const opened = at > 1 ? lineText.lastIndexOf('{{', at - 2) + 1 : 0;
  if (opened > 0 && !lineText.slice(opened + 1, at - 1).includes('}}'))
    return new TemplateError(path, 'this {{…}} cannot be read: a "}}" is missing, or something in it is out of place', line, opened);
  return new TemplateError(
    path,
    `the template cannot be read here${expected ? `: expected ${expected}, found ${found === 'INVALID' ? 'something else' : found}` : ''}`,
    line,
    at,
  );
}

/**
 * The column of the parser's error on its line: its message shows the text before the error
 * (at most 20 characters, line breaks taken out, "..." before a cut) above a caret; the place
 * on the line is where that text ends.
 */
function errorColumn(message: string, lineText: string): number {
  const [, excerpt = '', caret = ''] = message.split('\n');
  const before = excerpt.slice(0, Math.max(0, caret.length - 1)).replace(/^\.\.\./, '');
  for (let p = lineText.length; p > 0; p--) {
    const head = lineText.slice(0, p);
    if (head.endsWith(before) || before.endsWith(head)) return p + 1;
  }
  return 1;
}

/** The innermost `{{#name}}` (or `{{^name}}`) with no `{{/name}}` after it, comments aside. */
function unclosedBlock(source: string): { name: string; line: number; column: number } | undefined {
  const open: { name: string; offset: number }[] = [];
  const tags = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{~?\s*([#^/])\s*([\w.-]+)/g;
  for (let match = tags.exec(source); match; match = tags.exec(source)) {
    if (!match[1]) continue;
    if (match[1] === '/') open.pop();
    else open.push({ name: match[2]!, offset: match.index });
  }
  const last = open.at(-1);
  if (!last) return undefined;
  const before = source.slice(0, last.offset).split('\n');
  return { name: last.name, line: before.length, column: before.at(-1)!.length + 1 };
}
