/**
 * Markdown → sanitised HTML for the briefing. Attributions become `<abbr>` elements that carry
 * each speaker's name; raw HTML is dropped and links keep only safe protocols, whatever the
 * lint rules were set to, so nothing unsafe can reach a briefing.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import type { FootnoteDefinition, FootnoteReference, Node, Paragraph, Parent, PhrasingContent, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { Attribution } from '../validate/attributions.js';
import { displayName } from '../validate/meeting.js';
import type { Person } from '../validate/schema.js';
import { SANITISER_PROTOCOLS } from '../validate/link-policy.js';

const schema: Schema = {
  ...defaultSchema,
  // mdast-util-to-hast already prefixes the only ids a record can make (its footnotes', and the
  // links to them) with user-content-, as GitHub's schema would: the sanitiser prefixing the
  // ids again left every footnote link pointing at no id.
  clobberPrefix: '',
  protocols: SANITISER_PROTOCOLS, // the same policy as the unsafe-link rule's
  attributes: {
    ...defaultSchema.attributes,
    abbr: ['title'],
    span: [['className', 'attribution']],
  },
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'span'],
};

interface AttributionNode extends Node {
  type: 'attribution';
  attribution: Attribution;
}

/** Where the intro ends and the body begins, in the one tree both are rendered from. */
interface IntroEnd extends Node {
  type: 'introEnd';
}

declare module 'mdast' {
  interface PhrasingContentMap {
    attribution: AttributionNode;
  }
  interface RootContentMap {
    attribution: AttributionNode;
    introEnd: IntroEnd;
  }
}

/** Renders a body tree, with attributions resolved against `people`. The tree is changed. */
export function bodyToHtml(tree: Root, attributions: readonly Attribution[], people: ReadonlyMap<string, Person>): string {
  return articleHtml(tree, attributions, people).body;
}

/**
 * Renders the body, and the intro (from the front-matter) when there is one, as one document:
 * their footnotes are numbered in one sequence, the intro's first, and listed once, after the
 * body, as on a printed page. An intro's reference to a note the body defines reaches it; a
 * note the intro defines is its own, whatever the body calls its notes. The trees are changed.
 */
export function articleHtml(
  body: Root,
  attributions: readonly Attribution[],
  people: ReadonlyMap<string, Person>,
  intro?: Root,
  /** The language of phrg-brief's own words in the body (the notes' heading), when it is not the record's. */
  ownWordsLang?: string,
): { intro?: string; body: string } {
  for (const attribution of attributions) splitOffAttribution(attribution);
  const introNotes = intro ? ownFootnotes(intro, body) : [];
  const whole: Root = { type: 'root', children: [...(intro?.children ?? []), { type: 'introEnd' }, ...body.children, ...introNotes] };
  const hast = toHast(whole, {
    // "Footnotes" is phrg-brief's word, not the record's: in a French record it is read in English.
    footnoteLabelProperties: { className: ['sr-only'], ...(ownWordsLang ? { lang: ownWordsLang } : {}) },
    handlers: {
      attribution: (_state, node: AttributionNode) => attributionElement(node.attribution, people),
      introEnd: () => INTRO_END,
    },
  }) as HastRoot;
  const end = hast.children.indexOf(INTRO_END);
  const tables = { count: 0 };
  const html = (children: HastRoot['children']): string => toHtml(forReading(sanitize({ type: 'root', children }, schema) as HastRoot, tables));
  return { ...(intro ? { intro: html(hast.children.slice(0, end)) } : {}), body: html(hast.children.slice(end + 1)) };
}

/** Where the intro ends in the hast of the whole: found by identity, so no record can forge it. */
const INTRO_END: Element = { type: 'element', tagName: 'hr', properties: {}, children: [] };

/**
 * Takes the intro's footnote definitions out of it, wherever they stand (a quote or a list
 * may hold one), renamed `intro-…` with every reference to them, their own included, so that
 * they cannot meet the body's notes: the prefix is lengthened while a body's note has it.
 */
function ownFootnotes(intro: Root, body: Root): FootnoteDefinition[] {
  const definitions: FootnoteDefinition[] = [];
  const takeOut = (parent: Parent): void => {
    parent.children = parent.children.filter((child) => {
      if (child.type === 'footnoteDefinition') definitions.push(child as FootnoteDefinition);
      else if ('children' in child) takeOut(child as Parent);
      return child.type !== 'footnoteDefinition';
    });
  };
  takeOut(intro);
  const own = new Set(definitions.map((definition) => definition.identifier));
  const bodyNames: string[] = [];
  visit(body, ['footnoteDefinition', 'footnoteReference'], (node) => void bodyNames.push((node as FootnoteReference).identifier));
  let prefix = 'intro-';
  for (let n = 2; bodyNames.some((name) => name.startsWith(prefix)); n++) prefix = `intro${n}-`;
  const rename = (node: FootnoteDefinition | FootnoteReference): void => {
    if (!own.has(node.identifier)) return;
    node.label = `${prefix}${node.label ?? node.identifier}`;
    node.identifier = `${prefix}${node.identifier}`;
  };
  for (const tree of [intro, ...definitions]) visit(tree, 'footnoteReference', rename);
  definitions.forEach(rename);
  return definitions;
}

/**
 * What the page's layout needs of the sanitised tree (added after the sanitiser, which would
 * take it out): a table in a box of its own that scrolls sideways, so that a wide one does not
 * widen a phone's page; and, for print, which links are their own text (not printed twice)
 * and the address behind a mailto link (printed after it).
 */
function forReading(root: HastRoot, tables = { count: 0 }): HastRoot {
  const visit = (parent: HastRoot | Element): void => {
    parent.children = parent.children.map((child) => {
      if (child.type !== 'element') return child;
      visit(child);
      if (child.tagName === 'a') markLink(child);
      if (child.tagName !== 'table') return child;
      tables.count++;
      return {
        type: 'element',
        tagName: 'div',
        // Focusable and named, so that a keyboard can scroll it and a screen reader says what it
        // holds: "Table 1: Country, Executions in 2023, …", by its header cells.
        properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: tableLabel(child, tables.count) },
        children: [child],
      };
    });
  };
  visit(root);
  return root;
}

/** "Table 2", and what its first row's header cells say (cut at about 80 characters). */
function tableLabel(table: Element, number: number): string {
  const firstRow = (node: Element): Element | undefined => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') return child;
      const row = ['thead', 'tbody'].includes(child.tagName) ? firstRow(child) : undefined;
      if (row) return row;
    }
    return undefined;
  };
  const headers = (firstRow(table)?.children ?? [])
    .filter((cell): cell is Element => cell.type === 'element' && cell.tagName === 'th')
    .map((cell) => toText(cell).replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(', ');
  const named = headers.length > 80 ? `${headers.slice(0, 80).replace(/[ ,]+\S*$/, '')}, …` : headers;
  return named ? `Table ${number}: ${named}` : `Table ${number}`;
}

/** A URI component decoded, or left as it is when its escapes are broken. */
export function decodedComponent(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

function markLink(link: Element): void {
  const href = String(link.properties.href ?? '');
  const text = link.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
  // A link that is its own text (`<https://…>`, `<mailto:…>`) prints no address after itself.
  if (text === href || `${text}/` === href) link.properties.className = ['bare-link'];
  else if (href.startsWith('mailto:')) {
    const address = decodedComponent(href.slice('mailto:'.length).split('?')[0]!);
    if (text !== address) link.properties.dataAddress = address;
  }
}

/** Replaces the attribution at the end of its text node by an `attribution` node. */
function splitOffAttribution(attribution: Attribution): void {
  const { paragraph, text, index, trailing } = attribution;
  const position = paragraph.children.indexOf(text);
  if (position === -1) return; // already split
  // The white space between the sentence and "(" is folded to one space.
  const spaced = /^\s/.test(text.value.slice(index));
  paragraph.children.splice(
    position,
    1,
    { type: 'text', value: text.value.slice(0, index) + (spaced ? ' ' : '') },
    { type: 'attribution', attribution },
    ...(trailing ? [{ type: 'text' as const, value: trailing }] : []),
  );
}

function attributionElement(attribution: Attribution, people: ReadonlyMap<string, Person>): Element {
  const children: ElementContent[] = [{ type: 'text', value: '(' }];
  attribution.keys.forEach(({ key }, i) => {
    if (i > 0) children.push({ type: 'text', value: attribution.joiners[i - 1] ?? ' + ' });
    const person = people.get(key);
    children.push({
      type: 'element',
      tagName: 'abbr',
      properties: person ? { title: displayName(person) } : {},
      children: [{ type: 'text', value: key }],
    });
  });
  children.push({ type: 'text', value: ')' });
  return { type: 'element', tagName: 'span', properties: { className: ['attribution'] }, children };
}

/**
 * A point's own words as HTML, links and emphasis kept, its attribution and footnote marks
 * left off: for the pages that list points away from their briefing (a person's). Must run
 * before bodyToHtml, which rewrites the tree's attributions.
 */
export function pointHtml(attribution: Attribution): string {
  const at = attribution.paragraph.children.indexOf(attribution.text);
  const children = structuredClone(attribution.paragraph.children.slice(0, at + 1));
  const last = children.at(-1);
  if (last?.type === 'text') last.value = last.value.slice(0, attribution.index).trimEnd();
  return phrasingHtml(children);
}

/** A paragraph's words as HTML, footnote marks left off: the item a nested point stands under. */
export function paragraphHtml(paragraph: Paragraph): string {
  return phrasingHtml(structuredClone(paragraph.children));
}

function phrasingHtml(children: PhrasingContent[]): string {
  const hast = toHast({ type: 'paragraph', children: children.filter((child) => child.type !== 'footnoteReference') }) as Element;
  return toHtml(forReading(sanitize({ type: 'root', children: hast.children }, schema) as HastRoot));
}
