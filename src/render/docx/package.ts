/**
 * Makes the Word file byte-identical on every rebuild. The docx package stamps the document
 * properties with the time of packing, names hyperlink relationships with random ids and
 * dates the zip entries now; here the package is opened again, the properties part is
 * written from the briefing with the document's fixed date, the random ids are renumbered in
 * order of appearance, and the parts are zipped again, in a fixed order, with that date.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export interface CoreProperties {
  title: string;
  creator: string;
  subject: string;
  keywords: string;
  language: string;
  date: Date;
}

const CORE_PART = 'docProps/core.xml';
const FIRST_PARTS = ['[Content_Types].xml', '_rels/.rels'];
/** A relationship id docx made with nanoid ("rId" and 21 characters), as opposed to its numbered rIdN ones. */
const RANDOM_ID = /\b(?:Id|r:id)="(rId[A-Za-z0-9_-]{21})"/g;

export function repack(docx: Uint8Array, core: CoreProperties): Uint8Array {
  const parts = unzipSync(docx);
  const renamed = new Map<string, string>();
  for (const name of Object.keys(parts)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    for (const match of strFromU8(parts[name]!).matchAll(RANDOM_ID)) {
      if (!renamed.has(match[1]!)) renamed.set(match[1]!, `rIdLink${renamed.size + 1}`);
    }
  }
  const mtime = zipDate(core.date);
  const zippable: Zippable = {};
  // The content types and the package's relationships first, as Word writes them; then the parts in docx's order.
  const names = [...FIRST_PARTS.filter((name) => name in parts), ...Object.keys(parts).filter((name) => !FIRST_PARTS.includes(name))];
  for (const name of names) {
    const data = parts[name]!;
    let bytes = data;
    if (name === CORE_PART) bytes = strToU8(corePropertiesXml(core));
    else if (renamed.size > 0 && (name.endsWith('.xml') || name.endsWith('.rels'))) {
      bytes = strToU8(strFromU8(data).replace(RANDOM_ID, (whole, id: string) => whole.replace(id, renamed.get(id)!)));
    }
    zippable[name] = [bytes, { mtime }];
  }
  return zipSync(zippable, { level: 6 });
}

/**
 * fflate writes a zip entry's time from the Date's local-time fields; a Date whose local
 * fields are the document date's UTC ones gives the same bytes in every time zone. Zip
 * dates start in 1980.
 */
function zipDate(date: Date): Date {
  const year = Math.max(1980, date.getUTCFullYear());
  return new Date(year, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}

function corePropertiesXml(core: CoreProperties): string {
  const stamp = core.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const element = (name: string, value: string): string => (value ? `<${name}>${escapeXml(value)}</${name}>` : '');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    element('dc:title', core.title),
    element('dc:subject', core.subject),
    element('dc:creator', core.creator),
    element('cp:keywords', core.keywords),
    element('dc:language', core.language),
    element('cp:lastModifiedBy', 'phrg-brief'),
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[char]!);
}
