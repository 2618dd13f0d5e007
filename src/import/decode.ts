/**
 * The bytes of an old briefing as text. Records are UTF-8, but the briefings they are imported
 * from were often saved by Word or Notepad in Windows-1252: read as UTF-8, their dashes, curly
 * quotes and accented names would become U+FFFD, and be written so into the record. A file
 * that is not UTF-8 is read in the encoding a saved web page declares, else as Windows-1252
 * (of which Latin-1 is a part), and the user is told.
 */
import { C1_CONTROL, CONTROL_CHARACTER } from '../load/control-characters.js';
import { decodeRecord, utf16ByteOrder } from '../load/decode.js';

export interface ImportedText {
  text: string;
  /** How a file that was not UTF-8 was read. */
  warning?: string;
}

/**
 * Why a file cannot be imported, for one that is not text at all: a Word or OpenDocument file
 * (a zip), an old Word file, a PDF or RTF, told by its first bytes whatever its name says.
 */
export function notText(bytes: Uint8Array): string | undefined {
  const starts = (...signature: number[]): boolean => signature.every((byte, i) => bytes[i] === byte);
  const save = 'open it in Word and save it as Plain Text (.txt) or Web Page (.htm), then import that';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return `it is a Word (.docx) or OpenDocument file, not text: ${save}`;
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return `it is an old Word (.doc) file, not text: ${save}`;
  if (starts(0x25, 0x50, 0x44, 0x46))
    return 'it is a PDF, whose text cannot be read back in order: import the Word file or web page it was made from, saved as text';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return `it is a Rich Text (.rtf) file: ${save}`;
  return undefined;
}

export function decodeImported(bytes: Uint8Array, html: boolean): ImportedText {
  const decoded = decodeAny(bytes, html);
  const text = withoutControlCharacters(decoded.text);
  // Quotes and dashes of Windows-1252 as C1 controls: a file converted from it as if it were Latin-1.
  if (!decoded.text.match(C1_CONTROL)) return { ...decoded, text };
  const misread = 'its quotation marks and dashes had been read from Windows-1252 in the wrong encoding before: they are read as Windows-1252; check them';
  return { text, warning: decoded.warning ? `${decoded.warning}; ${misread}` : misread };
}

/**
 * A page break (a form feed, as pdftotext writes at each page's start) as the line break it
 * follows, a line break Word copies as a vertical tab as a space, a Windows-1252 quote or dash
 * read as Latin-1 as the character it was, and any other control character, which a record may
 * not hold (load/control-characters.ts), left out: the record written passes `check`.
 */
function withoutControlCharacters(text: string): string {
  return text
    .replace(/\n?\f/g, '\n')
    .replaceAll('\v', ' ')
    .replace(C1_CONTROL, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!)
    .replace(CONTROL_CHARACTER, '');
}

function decodeAny(bytes: Uint8Array, html: boolean): ImportedText {
  // Word's and Notepad's "Unicode" is UTF-16, with a byte-order mark to say which way round.
  const utf16 = utf16ByteOrder(bytes);
  if (utf16)
    return {
      text: new TextDecoder(utf16).decode(bytes).replace(/\r\n?/g, '\n'),
      warning: `the file was read as ${utf16.toUpperCase()} (Unicode Text); the record is written as UTF-8`,
    };
  const strict = decodeRecord(bytes);
  if (strict.ok) return { text: strict.text };
  const declared = html ? declaredCharset(bytes) : undefined;
  const label = declared !== undefined && isDecodable(declared) && !/^utf-?8$/i.test(declared) ? declared : undefined;
  const text = (
    label === undefined || new TextDecoder(label).encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(label).decode(bytes)
  ).replace(/\r\n?/g, '\n');
  const reason = `the byte 0x${strict.byte.toString(16).toUpperCase().padStart(2, '0')} on line ${strict.line} is not UTF-8`;
  const how = label ? `as ${label}, as the page declares` : 'as Windows-1252, as Word and Notepad save text';
  return { text, warning: `${reason}: the file was read ${how}; check its dashes, quotes and accented letters` };
}

/** `<meta charset="…">` or the http-equiv form, in the page's first kilobytes. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

function isDecodable(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Windows-1252's characters at 0x80–0x9F, where it differs from Latin-1 (the rest are the same). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Windows-1252, decoded here: Node 20's TextDecoder, asked for it (or for Latin-1, which the
 * WHATWG Encoding standard reads as it), gives Latin-1's control characters at 0x80–0x9F, where
 * the dashes and curly quotes of a Word file are.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte)));
  }
  return text;
}
