/**
 * The prose of a record, in pieces that know where they stand in the file: every string of the
 * front-matter that is printed (title, hosts, roles, intro, …) and every block of body text
 * (paragraph, heading, table cell). Rules that read words — quotes, abbreviations, names,
 * dates — work on these, and locate what they find through `locate`.
 */
import type { Root, Text } from 'mdast';
import { isPair, isScalar, isSeq, visit as visitYaml, type Document } from 'yaml';
import { nodesOf } from './nodes.js';
import type { Attribution } from './attributions.js';
import { pathLabel } from './value-names.js';

export interface TextSegment {
  text: string;
  /** `body`, or the front-matter field it came from (`title`, `speakers[0].role`). */
  field: string;
  /** File offsets of `text.slice(index, index + length)`. */
  locate(index: number, length: number): [number, number];
}

/** Front-matter fields that hold data rather than prose. */
const DATA_FIELDS = new Set(['date', 'slug', 'lang', 'key', 'draft', 'chathamHouse', 'tags']);

export function frontMatterTexts(document: Document.Parsed, offset: number, fileText: string): TextSegment[] {
  const segments: TextSegment[] = [];
  visitYaml(document, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      // The path holds the ancestors; keep the mapping keys and the sequence indexes.
      const steps: (string | number)[] = [];
      path.forEach((step, i) => {
        if (isPair(step) && isScalar(step.key)) steps.push(String(step.key.value));
        if (isSeq(step)) steps.push(step.items.indexOf((path[i + 1] ?? node) as never));
      });
      const field = [...steps].reverse().find((step): step is string => typeof step === 'string');
      if (field === undefined || DATA_FIELDS.has(field)) return;
      const start = node.range[0] + offset;
      const end = node.range[1] + offset;
      segments.push(segment(node.value, pathLabel(steps), fileText.slice(start, end), start));
    },
  });
  return segments;
}

/**
 * frontMatterTexts for a front-matter read without positions (src/load/quick-yaml.ts): the same
 * segments in the same order — a mapping's keys come in file order — each finding where it
 * stands, through `range` (a path's file offsets), only when a rule asks.
 */
export function valueTexts(
  value: Record<string, unknown>,
  range: (path: (string | number)[]) => [number, number] | undefined,
  fileText: string,
): TextSegment[] {
  const segments: TextSegment[] = [];
  const walk = (node: unknown, steps: (string | number)[]): void => {
    if (typeof node === 'string') {
      const field = steps.findLast((step): step is string => typeof step === 'string');
      if (field !== undefined && !DATA_FIELDS.has(field)) segments.push(placedWhenAsked(node, pathLabel(steps), () => range(steps)!, fileText));
    } else if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...steps, i]));
    else if (node !== null && typeof node === 'object') for (const [key, item] of Object.entries(node)) walk(item, [...steps, key]);
  };
  walk(value, []);
  return segments;
}

/** A segment whose place in the file is looked up on the first `locate`. */
function placedWhenAsked(text: string, field: string, range: () => [number, number], fileText: string): TextSegment {
  let placed: TextSegment | undefined;
  return {
    text,
    field,
    locate(index, length) {
      if (!placed) {
        const [start, end] = range();
        placed = segment(text, field, fileText.slice(start, end), start);
      }
      return placed.locate(index, length);
    },
  };
}

/** Body text by block, with attributions cut off (their keys are not prose). */
export function bodyTexts(tree: Root, attributions: readonly Attribution[], fileText: string): TextSegment[] {
  const cut = new Map(attributions.map((attribution) => [attribution.text, attribution.index]));
  const segments: TextSegment[] = [];
  // Blocks of prose never hold one another, so each text belongs to exactly one.
  for (const block of nodesOf(tree, 'paragraph', 'heading', 'tableCell')) {
    const pieces: TextSegment[] = [];
    for (const node of nodesOf<Text>(block, 'text')) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      const value = node.value.slice(0, cut.get(node) ?? node.value.length);
      pieces.push(segment(value, 'body', fileText.slice(start, end), start));
    }
    if (pieces.length > 0) segments.push(joinPieces(pieces));
  }
  return segments;
}

/** A piece of text whose source is `source` at `start` (quotes, escapes, indentation and all). */
function segment(text: string, field: string, source: string, start: number): TextSegment {
  let map: number[] | undefined;
  return {
    text,
    field,
    locate(index, length) {
      if (source === text) return [start + index, start + index + length];
      map ??= align(text, source);
      const from = map[index] ?? map.at(-1) ?? 0;
      const to = length > 0 ? (map[index + length - 1] ?? from) + 1 : from;
      return [start + from, start + to];
    },
  };
}

function joinPieces(pieces: TextSegment[]): TextSegment {
  const starts: number[] = [];
  let text = '';
  for (const piece of pieces) {
    starts.push(text.length);
    text += piece.text;
  }
  return {
    text,
    field: 'body',
    locate(index, length) {
      let i = starts.length - 1;
      while (i > 0 && starts[i]! > index) i--;
      const piece = pieces[i]!;
      const local = index - starts[i]!;
      return piece.locate(local, Math.min(length, Math.max(0, piece.text.length - local)));
    },
  };
}

/**
 * Maps each character of `text` to its index in `source`, which holds the same characters with
 * extra ones between (quotes, backslash escapes, entity names, indentation; a line end where
 * the text has a space). Greedy: each character is matched at its first occurrence ahead.
 */
function align(text: string, source: string): number[] {
  const map: number[] = [];
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const isSpace = /\s/.test(char);
    let k = j;
    while (k < source.length && !(source[k] === char || (isSpace && /\s/.test(source[k]!)))) k++;
    if (k >= source.length) {
      map.push(Math.min(j, source.length - 1));
      continue;
    }
    map.push(k);
    j = k + 1;
  }
  return map;
}
