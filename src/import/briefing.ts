/**
 * Reads an existing briefing — the house's prose, as text — back into a record: the heading's
 * date and title, the intro sentence's hosts, partners, kind and topic, the speakers with
 * their roles, notes and initials, the chair, and the points with their attributions. What it
 * cannot place goes into the body, with a warning, so nothing is lost.
 */
import { BODY_MARK, type BriefingLine } from './text.js';
import { capitalsOf, keyChairFromBody, parseChairs, parseSpeaker } from './speakers.js';
import type { RecordData } from '../validate/schema.js';

/** Lines not placed that a warning names one by one. */
const NAMED_UNPLACED = 10;

export interface ImportResult {
  data: Partial<RecordData> & Record<string, unknown>;
  /** The Markdown body. */
  body: string;
  warnings: string[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const BULLET = /^(?:[•·▪◦‣●*]|-|–)\s+/;
/** Word's second-level bullet as its plain text gives it: an "o" (Courier New's), then a tab. */
const SUB_BULLET = /^(?:o|§)(?:\t|\s{2,})/;
/** A numbered list's item, "1." or "1)" then a tab or space, as Word saves one as text. */
const NUMBERED = /^(\d{1,3})[.)](?:\t|\s+)/;
const SPEAKERS_LEAD = /^(?:the )?(?:speakers|panellists|panelists)(?: were| included)?\s*:?$|:\s*$/i;
const MAIN_POINTS = /^the main points(?: made| raised| discussed)?(?: (?:were|included))?(?: as follows)?:?$|^(?:key|main) points:?$/i;
const CHAIRED = /^the (.+?) was (co-)?chaired by (.+?)\.?$/i;
const THANKED = /^we would like to thank (.+?) for (?:co-)?chairing(?: the (?:meeting|event|session|roundtable))?\.?$/i;
const CHATHAM = /^the (?:meeting|event|roundtable|session) was held under the chatham house rule\.?$/i;

export function importBriefing(lines: readonly BriefingLine[]): ImportResult {
  const warnings: string[] = [];
  const data: ImportResult['data'] = {};
  const blocks = toBlocks(lines);
  let i = 0;

  const body: BodyPart[] = [];
  // The first few lines not placed are named; past them, how many more (a page of anything
  // else once gave a warning for each of its 300,000 lines).
  let unplacedCount = 0;
  const unplaced = (block: Block): void => {
    body.push(bodyPart(block));
    const text = block.bullet ? `- ${block.text}` : block.text;
    if (++unplacedCount <= NAMED_UNPLACED) warnings.push(`not placed, kept in the body: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`);
  };

  // 1. The heading: "7/11/16: Title" (or DD/MM/YYYY). A few lines of a page's own before it
  // (a menu's "Home") are passed over, into the body with a warning, so nothing is lost.
  const DATED_HEADING = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s*[:–-]\s*(.+)$/;
  const headingAt = blocks.slice(0, 5).findIndex((block) => !block.bullet && DATED_HEADING.test(block.text));
  if (headingAt > 0) {
    blocks.slice(0, headingAt).forEach(unplaced);
    i = headingAt;
  }
  const heading = blocks[i]?.text ?? '';
  const dated = DATED_HEADING.exec(heading);
  if (dated) {
    data.date = isoDate(Number(dated[3]), Number(dated[2]), Number(dated[1]));
    data.title = dated[4]!.trim();
    i++;
  } else if (heading && !BULLET.test(heading)) {
    data.title = heading;
    i++;
    warnings.push('the heading has no date (D/M/YY: Title); the date was looked for in the text');
  }

  // 2. The intro sentence; a line or two between it and the heading (a blog's "Posted on …
  // by admin") are passed over, into the body with a warning.
  const introAt = [0, 1, 2].find((ahead) => {
    const block = blocks[i + ahead];
    return block !== undefined && !block.bullet && block.text !== BODY_MARK && parseIntro(block.text, data.date) !== undefined;
  });
  if (introAt !== undefined && introAt > 0) {
    blocks.slice(i, i + introAt).forEach(unplaced);
    i += introAt;
  }
  const introBlock = blocks[i];
  if (introBlock && !introBlock.bullet && introBlock.text !== BODY_MARK) {
    const intro = parseIntro(introBlock.text, data.date);
    if (intro) {
      Object.assign(data, intro.data);
      warnings.push(...intro.warnings);
    } else {
      data.intro = escapeMarkdown(introBlock.text);
      warnings.push('the intro sentence did not read as "… held a meeting on …"; kept as intro');
    }
    i++;
  }

  // 3. Speakers, chair and the Chatham House Rule, until the main points begin.
  for (; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.bullet) {
      unplaced(block);
      continue;
    }
    if (MAIN_POINTS.test(block.text) || block.text === BODY_MARK) break;
    if (SPEAKERS_LEAD.test(block.text) && blocks[i + 1]?.bullet) {
      if (!/^(?:the )?speakers were:?$/i.test(block.text)) data.speakersLead = block.text;
      const speakers: RecordData['speakers'] = [];
      while (blocks[i + 1]?.bullet) speakers.push(parseSpeaker(blocks[++i]!.text));
      data.speakers = speakers;
      continue;
    }
    const chaired = CHAIRED.exec(block.text);
    if (chaired) {
      data.chair = parseChairs(chaired[3]!, Boolean(chaired[2]));
      continue;
    }
    const thanked = THANKED.exec(block.text);
    if (thanked) {
      data.chair = parseChairs(thanked[1]!, / and /.test(thanked[1]!));
      warnings.push('the thanks for chairing will print in the house style: "The meeting was chaired by …"');
      continue;
    }
    if (CHATHAM.test(block.text)) {
      data.chathamHouse = true;
      continue;
    }
    unplaced(block);
  }

  // 4. The rest is the body, as written.
  for (; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.text !== BODY_MARK) body.push(bodyPart(block));
  }
  if (unplacedCount > NAMED_UNPLACED) warnings.push(`and ${(unplacedCount - NAMED_UNPLACED).toLocaleString('en-GB')} more lines not placed, kept in the body`);
  if (!data.date) warnings.push('no date found: set date in the front-matter');
  if (!data.hosts) warnings.push('no hosts found: set hosts in the front-matter');
  const joined = joinBody(body);
  keyChairFromBody(data, joined);
  return { data, body: joined, warnings };
}

interface Block {
  text: string;
  bullet: boolean;
  /** A web page's block as Markdown (see text.ts). */
  markdown?: string;
  apart?: boolean;
  /** A list item's marker in the record, when not "- ": a sub-point's "  - ", a numbered one's "2. ". */
  marker?: string;
}

/**
 * Paragraphs and bullets; a bullet's wrapped lines are joined to it. A text with no blank line
 * at all is one paragraph a line, as Word and LibreOffice save plain text: its lines are not
 * wrapped, and joined they made the title swallow the intro; there, only a line indented or
 * begun in lower case continues the one before.
 */
function toBlocks(lines: readonly BriefingLine[]): Block[] {
  const blocks: Block[] = [];
  const written = lines.filter(({ text }) => text !== '');
  const first = lines.findIndex(({ text }) => text !== '');
  const lineByLine = written.length >= 2 && lines.slice(first, first + written.length).every(({ text, markdown }) => text !== '' && markdown === undefined);
  let current: Block | undefined;
  for (const { text: line, markdown, apart, indented } of lines) {
    if (line === '') {
      current = undefined;
      continue;
    }
    if (markdown !== undefined) {
      // A web page's block stands alone: its lines are its own.
      blocks.push({ text: line.replace(BULLET, ''), bullet: BULLET.test(line), markdown, apart });
      current = undefined;
    } else if (BULLET.test(line) || SUB_BULLET.test(line) || NUMBERED.test(line)) {
      // Each its own item, at its level and with its number: joined to the bullet before, a
      // sub-point's words and initials were read as that point's.
      const number = NUMBERED.exec(line)?.[1];
      const marker = SUB_BULLET.test(line) ? '  - ' : number !== undefined ? `${Number(number)}. ` : undefined;
      current = { text: line.replace(BULLET, '').replace(SUB_BULLET, '').replace(NUMBERED, ''), bullet: true, ...(marker ? { marker } : {}) };
      blocks.push(current);
    } else if (current && (!lineByLine || indented || /^\p{Ll}/u.test(line))) {
      // Line by line, a line indented or begun in lower case still continues the one before (text wrapped for an e-mail).
      current.text += ` ${line}`;
    } else {
      current = { text: line, bullet: false };
      blocks.push(current);
    }
  }
  return blocks;
}

/** A block of the body as Markdown, and whether it is a list's item (items follow each other on the next line). */
interface BodyPart {
  markdown: string;
  item: boolean;
  apart: boolean;
}

function bodyPart(block: Block): BodyPart {
  const markdown = block.markdown ?? (block.bullet ? `${block.marker ?? '- '}${escapeMarkdown(block.text)}` : escapeMarkdown(block.text));
  return { markdown, item: block.bullet, apart: block.apart ?? false };
}

function joinBody(parts: readonly BodyPart[]): string {
  let out = '';
  parts.forEach((part, index) => {
    const tight = parts[index - 1]?.item && part.item && !part.apart;
    out += index === 0 ? part.markdown : `${tight ? '\n' : '\n\n'}${part.markdown}`;
  });
  return out ? `${out}\n` : '';
}

const INTRO =
  /^(.+?)(?:,? in conjunction with (.+?),)? (?:held|hosted|organised|organized) (?:an? )?(.+?) on (\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)(?:,? (\d{4}))?(?:,? on ?(.*?))?\.?$/;

function parseIntro(text: string, date: string | undefined): { data: Partial<RecordData>; warnings: string[] } | undefined {
  const match = INTRO.exec(text);
  if (!match) return undefined;
  const [, hostsText, partnersText, kind, day, monthName, year, topicText] = match;
  const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const warnings: string[] = [];
  const data: Partial<RecordData> = {
    hosts: splitNames(lowerArticle(hostsText!)),
  };
  if (partnersText) data.partners = splitNames(partnersText);
  if (kind && kind !== 'meeting') data.kind = kind;
  if (!date) {
    if (year) data.date = isoDate(Number(year), month, Number(day));
    else warnings.push('the intro gives the day but not the year: check date');
  } else {
    const [, m, d] = date.split('-').map(Number);
    if (m !== month || d !== Number(day)) warnings.push(`the heading's date and the intro's day (${day} ${monthName}) differ`);
  }
  if (topicText) {
    let topic = topicText.trim();
    const opens = /^[“"]/.test(topic);
    const closes = /[”"]$/.test(topic);
    if (closes && !opens) warnings.push('the topic’s opening quotation mark was missing: mended');
    topic = topic.replace(/^[“"]/, '').replace(/[”"]$/, '');
    data.topic = topic;
  }
  return { data, warnings };
}

/**
 * "A, B and C" → [A, B, C]. Only the first "and" before a name parts the last two, so that
 * "the PHRG and the APPG on Democracy and Human Rights" keeps the second group's whole name,
 * and not an "and" within a name its abbreviation spells out: "the Bahrain Institute for
 * Rights and Democracy (BIRD) and Redress" parts after "(BIRD)".
 */
export function splitNames(text: string): string[] {
  const parts = text.split(/,\s+/);
  const last = parts.pop() ?? '';
  const and = [...last.matchAll(/\s+and\s+(?=[A-Z]|the\s)/g)].find((candidate) => !withinAbbreviatedName(last, candidate.index));
  const tail = and ? [last.slice(0, and.index), last.slice(and.index + and[0].length)] : [last];
  return [...parts, ...tail].map((part) => part.trim()).filter(Boolean);
}

/**
 * Whether the "and" at `at` is within the name the next "(ABC)" abbreviates: the capitals of the
 * words to the "and" (from an earlier name's ")") and from it to the "(" end by spelling ABC,
 * some of it before the "and", which counts as A or & or nothing. "Rights and Democracy (RAD)" is one
 * name; "the PHRG and Human Rights Watch (HRW)" two.
 */
function withinAbbreviatedName(text: string, at: number): boolean {
  const abbreviation = /\(([A-Z][A-Za-z&]{1,9})\)/.exec(text.slice(at));
  if (!abbreviation) return false;
  const before = capitalsOf(text.slice(text.lastIndexOf(')', at) + 1, at));
  const after = capitalsOf(text.slice(at, at + abbreviation.index).replace(/^\s+and\s+/, ' '));
  const letters = abbreviation[1]!.replace(/[a-z]/g, '');
  // The abbreviation ends with capitals of both sides (a "The" or "UK" before it may stand outside it).
  return (
    after !== '' &&
    [
      [`${before}${after}`, after.length],
      [`${before}A${after}`, after.length + 1],
      [`${before}&${after}`, after.length + 1],
    ].some(([spelt, tail]) => (spelt as string).endsWith(letters) && letters.length > (tail as number))
  );
}

/** "The All-Party …" → "the All-Party …": hosts are written as they read mid-sentence. */
function lowerArticle(text: string): string {
  return text.replace(/^The /, 'the ');
}

/**
 * Plain text as Markdown that reads back as the same text: "<Convention>" must not become
 * HTML, nor a leading "#" a heading or "1." a numbered list.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\<>*_`[\]]/g, (char) => `\\${char}`).replace(/^(#{1,6}\s|>|\d+[.)]\s|[-+]\s)/, (lead) => `\\${lead}`);
}

function isoDate(year: number, month: number, day: number): string {
  const fullYear = year >= 100 ? year : year >= 70 ? 1900 + year : 2000 + year;
  return `${fullYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
