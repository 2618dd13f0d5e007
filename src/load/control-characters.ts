/**
 * Control characters in a record's text. XML 1.0, which feed.xml, the Word file and the PDF's
 * metadata are written in, cannot hold C0 controls but tab and line feed, nor the noncharacters
 * U+FFFE and U+FFFF: one form feed in a title made the whole feed unreadable and the Word file
 * one that will not open. DEL and the C1 controls are allowed there but are errors in HTML, and
 * an escape sent to a terminal in a report can rewrite what it shows. Text pasted from Word or a
 * PDF carries them (a vertical tab was a line break there, a form feed a page break); text read
 * in the wrong encoding carries C1 controls where quotation marks were.
 */

import { codePoint } from '../diagnostics/code-point.js';

/** The C1 controls: where a file of Windows-1252 read as Latin-1 has its quotes and dashes. */
export const C1_CONTROL = /[\u0080-\u009F]/g;

/** Every character a record may not hold (a carriage return is folded into a line feed before). */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

const NAMES: Record<string, string> = {
  '\u0000': 'null',
  '\u0008': 'backspace',
  '\u000B': 'vertical tab',
  '\u000C': 'form feed',
  '\u001B': 'escape',
  '\u007F': 'delete',
};

/** `U+000C, form feed`: the character's code, and its name where it has a familiar one. */
export function controlCharacterName(char: string): string {
  const code = codePoint(char);
  const name = NAMES[char];
  return name ? `${code}, ${name}` : code;
}

export interface ControlCharacterProblem {
  start: number;
  message: string;
  note: string;
}

/** The first control character of `text`, with how many there are; undefined when none. */
export function controlCharacterProblem(text: string): ControlCharacterProblem | undefined {
  const found = [...text.matchAll(CONTROL_CHARACTER)];
  const first = found[0];
  if (!first) return undefined;
  const more = found.length > 1 ? ` (and ${found.length - 1} more in the file)` : '';
  return {
    start: first.index,
    message: `a control character (${controlCharacterName(first[0])}) stands here${more}, which no briefing can show: the feed, the Word file and the PDF break on most`,
    note: first[0].match(C1_CONTROL)
      ? 'type the character again: it stands where a quotation mark or dash of Windows-1252 was read in the wrong encoding (’ “ ” – —)'
      : 'delete it: text pasted from Word or a PDF carries such characters, which most editors do not show (a vertical tab was a line break there, a form feed a page break)',
  };
}

/** A value's place: its path in the front-matter, or the body node's file offsets. */
export interface EscapedControlCharacter {
  path?: readonly (string | number)[];
  offsets?: [number, number];
  char: string;
}

/**
 * Control characters the file does not hold as such but writes as a YAML escape (`"\f"`) in the
 * front-matter's `values`, or as a character reference (`&#12;`) in the Markdown's `nodes` (a
 * text, an image's description, a link's title): the raw ones are found in the file itself
 * (controlCharacterProblem).
 */
export function escapedControlCharacters(
  values: unknown,
  nodes: readonly { value?: unknown; alt?: unknown; title?: unknown; position?: { start: { offset?: number }; end: { offset?: number } } }[],
): EscapedControlCharacter[] {
  const found: EscapedControlCharacter[] = [];
  const first = (text: string): string | undefined => text.match(CONTROL_CHARACTER)?.[0];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      const char = first(value);
      if (char) found.push({ path, char });
    } else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(values, []);
  for (const node of nodes) {
    // A text's words, an image's description, a link's title.
    const char = [node.value, node.alt, node.title].map((text) => (typeof text === 'string' ? first(text) : undefined)).find(Boolean);
    const { start, end } = node.position ?? {};
    if (char && start?.offset !== undefined && end?.offset !== undefined) found.push({ offsets: [start.offset, end.offset], char });
  }
  return found;
}
