/**
 * date-mismatch — the text does not name a day that contradicts the record's `date`.
 *
 * Why: briefings are often started from the previous one, and the old date survives in the
 * text. Two slips are caught: a weekday that does not fall on the date written beside it
 * ("Tuesday 7 November 2016" was a Monday), and a sentence about the meeting itself — one
 * that says it was held, met or took place — that gives another day than `date`.
 * Example: `date: 2016-11-07` and "The meeting was held on 8 November." The same slip in the
 * file's name (`2016-11-08-peru.md`) is caught too, and an `updated` before the meeting.
 */
import { basename } from 'node:path';
import type { Rule } from './rule.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH = `(${MONTHS.join('|')})`;
const WEEKDAY = `(?:(${WEEKDAYS.join('|')}),?\\s+)?`;
/** "Monday 7 November 2016", "7th November", "November 7, 2016". */
const DAY_MONTH = new RegExp(`\\b${WEEKDAY}(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?\\b`, 'giu');
const MONTH_DAY = new RegExp(`\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'giu');
const ANY_MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const ABOUT_THE_MEETING = /\b(held|met|meets|took place|takes place|convened|hosted|chaired)\b/i;

interface NamedDay {
  index: number;
  length: number;
  weekday?: number;
  day: number;
  month: number;
  year?: number;
}

export function namedDays(text: string): NamedDay[] {
  const days: NamedDay[] = [];
  const push = (match: RegExpMatchArray, weekday: string | undefined, day: string, month: string, year: string | undefined): void => {
    const named: NamedDay = { index: match.index!, length: match[0].length, day: Number(day), month: MONTHS.indexOf(month.toLowerCase()) + 1 };
    if (weekday) named.weekday = WEEKDAYS.indexOf(weekday.toLowerCase());
    if (year) named.year = Number(year);
    days.push(named);
  };
  for (const m of text.matchAll(DAY_MONTH)) push(m, m[1], m[2]!, m[3]!, m[4]);
  for (const m of text.matchAll(MONTH_DAY)) push(m, m[1], m[3]!, m[2]!, m[4]);
  return days.sort((a, b) => a.index - b.index);
}

export const dateMismatch: Rule = {
  id: 'date-mismatch',
  severity: 'warning',
  description:
    '"Tuesday 4 May 2020" (a Monday), "The meeting was held on 5 May" when `date` says 4 May, a file named for another day, or `updated` before `date`',
  needs: 'meeting',
  check(context, report) {
    const iso = context.meeting?.data.date;
    if (!iso) return;
    // A record copied from the last one and renamed, its date left as it was (or the other way
    // about): the file name, which names the briefing's files, and `date` disagree.
    const named = /^(\d{4}-\d{2}-\d{2})-/.exec(basename(context.file))?.[1];
    if (named !== undefined && named !== iso) {
      const [start, end] = context.frontMatterRange(['date']) ?? [0, 0];
      report({
        start,
        end,
        message: `the file name says ${named}, but the record’s date is ${iso}`,
        note: 'a record is named for its meeting’s day: rename the file, or correct the date',
      });
    }
    // A correction cannot come before the meeting: the feed would date the entry's update
    // before the entry.
    const updated = context.meeting?.data.updated;
    if (updated !== undefined && updated < iso) {
      const [start, end] = context.frontMatterRange(['updated']) ?? [0, 0];
      report({ start, end, message: `updated (${updated}) is before the meeting’s date (${iso})`, note: 'updated is the day the briefing was last corrected' });
    }
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    const isRecordDay = (named: NamedDay): boolean => named.day === day && named.month === month && (named.year ?? year) === year;
    for (const segment of context.texts()) {
      if (!ANY_MONTH.test(segment.text)) continue; // most paragraphs name no day at all
      const days = namedDays(segment.text);
      const sentencesReported = new Set<string>();
      for (const named of days) {
        const namedYear = named.year ?? year;
        const [start, end] = segment.locate(named.index, named.length);
        if (named.weekday !== undefined) {
          const actual = new Date(Date.UTC(namedYear, named.month - 1, named.day)).getUTCDay();
          if (actual !== named.weekday) {
            const written = segment.text.slice(named.index, named.index + named.length);
            report({ start, end, message: `${written} was a ${cap(WEEKDAYS[actual]!)}, not a ${cap(WEEKDAYS[named.weekday]!)}` });
            continue;
          }
        }
        // A sentence about the meeting that names its own day may name other days too (the
        // report it discussed, the next session); only one that never names it is a slip.
        const sentence = sentenceAround(segment.text, named.index);
        if (isRecordDay(named) || !ABOUT_THE_MEETING.test(sentence.text) || sentencesReported.has(sentence.key)) continue;
        if (days.some((other) => other.index >= sentence.start && other.index < sentence.end && isRecordDay(other))) continue;
        sentencesReported.add(sentence.key);
        report({
          start,
          end,
          message: `this sentence dates the meeting ${named.day} ${cap(MONTHS[named.month - 1]!)}${named.year ? ` ${named.year}` : ''}, but the record’s date is ${iso}`,
          note: `the date field says ${day} ${cap(MONTHS[month - 1]!)} ${year}`,
        });
      }
    }
  },
};

function sentenceAround(text: string, index: number): { text: string; start: number; end: number; key: string } {
  const before = text.slice(0, index).search(/[.!?]\s[^.!?]*$/);
  const start = before === -1 ? 0 : before + 2;
  const after = text.slice(index).search(/[.!?](\s|$)/);
  const end = after === -1 ? text.length : index + after + 1;
  return { text: text.slice(start, end), start, end, key: `${start}:${end}` };
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
