/**
 * Handlebars helpers for the house style: dates, lists and the punctuation between them.
 * They return plain strings; Handlebars escapes them where they are used.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dateParts(iso: string): { year: number; month: number; day: number } {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return { year, month, day };
}

/** 2016-11-07 → 7/11/16 */
export function shortDate(iso: string): string {
  const { year, month, day } = dateParts(iso);
  return `${day}/${month}/${String(year % 100).padStart(2, '0')}`;
}

/** 2016-11-07 → 7 November */
export function longDate(iso: string): string {
  const { month, day } = dateParts(iso);
  return `${day} ${MONTHS[month - 1] ?? ''}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** 2016-11-07 → Monday (what Intl's en-GB long weekday says, without its formatter's cost: a tenth of a page's time). */
export function weekday(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T12:00:00Z`).getUTCDay()] ?? '';
}

/** 2016-11-07 → 7 November 2016 */
export function fullDate(iso: string): string {
  return `${longDate(iso)} ${dateParts(iso).year}`;
}

/** ["a"] → "a"; ["a", "b"] → "a and b"; ["a", "b", "c"] → "a, b and c". */
export function joinList(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/**
 * What follows item `index` of `count` when items are joined mid-sentence: ", ", " and ", "".
 * When the items have commas of their own ("A, Vice-Chair, PHRG"), `serial` tells the reader
 * where one ends: two are joined by ", and "; three or more by semicolons, the last "; and ".
 */
export function listSeparator(index: number, count: number, serial = false): string {
  if (index >= count - 1) return '';
  if (index === count - 2) return serial ? (count === 2 ? ', and ' : '; and ') : ' and ';
  return serial ? '; ' : ', ';
}

/**
 * The house style's bullet endings: every bullet but the last two ends ";", the last but one
 * "; and,", the last ".".
 */
export function listEnd(index: number, count: number): string {
  if (index >= count - 1) return '.';
  return index === count - 2 ? '; and,' : ';';
}

/** The clauses of a person or phrase, joined by ", ", skipping empty ones. */
export function joinClauses(...clauses: unknown[]): string {
  return clauses.filter((clause): clause is string => typeof clause === 'string' && clause.trim() !== '').join(', ');
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('en-GB') + text.slice(1);
}

/** "meeting" → "a meeting"; "event" → "an event". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) && !/^(uni|eu|one)/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * Open Graph's locale, language_TERRITORY ("en-GB" → "en_GB"); empty for a language tag with no
 * territory ("fr"), which Open Graph has no form for.
 */
export function ogLocale(lang: string): string {
  const match = /^([a-z]{2,3})-([a-z]{2})(?:-|$)/i.exec(lang);
  return match ? `${match[1]!.toLowerCase()}_${match[2]!.toUpperCase()}` : '';
}

/** Handlebars' own last argument to a helper: a helper given nothing gets it first. */
const isOptions = (value: unknown): boolean => typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;

/** A value as a template author would know it, for a helper's message. */
function shown(value: unknown): string {
  if (value === undefined || isOptions(value)) return 'nothing (a field the record does not give, or none named)';
  return typeof value === 'string' ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : Array.isArray(value) ? 'a list' : String(value);
}

/**
 * A date helper that says what it was given when it is no date, where it printed 1/1/NaN or
 * "45  2020" and a template's slip went unseen.
 */
function dateHelper(name: string, format: (iso: string) => string): (value: unknown) => string {
  return (value) => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const { month, day } = dateParts(value);
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return format(value);
    }
    throw new Error(`${name} needs a date written YYYY-MM-DD (such as date), not ${shown(value)}`);
  };
}

export const helpers = {
  shortDate: dateHelper('shortDate', shortDate),
  longDate: dateHelper('longDate', longDate),
  fullDate: dateHelper('fullDate', fullDate),
  joinList: (items: unknown) => {
    // A list the record leaves out is no list to join; anything else but a list is a slip.
    if (items !== undefined && !isOptions(items) && !Array.isArray(items)) throw new Error(`joinList needs a list (such as hosts), not ${shown(items)}`);
    return joinList(Array.isArray(items) ? items.map(String) : []);
  },
  listSeparator: (index: unknown, count: unknown, ...rest: unknown[]) => listSeparator(Number(index), Number(count), rest.length > 1 && Boolean(rest[0])),
  listEnd: (index: unknown, count: unknown) => listEnd(Number(index), Number(count)),
  joinClauses: (...args: unknown[]) => joinClauses(...args.slice(0, -1)), // the last argument is Handlebars' options
  capitalise: (text: unknown) => capitalise(String(text ?? '')),
  ogLocale: (lang: unknown) => ogLocale(String(lang ?? '')),
  withArticle: (noun: unknown) => {
    if (typeof noun !== 'string') throw new Error(`withArticle needs a word (such as kind), not ${shown(noun)}`);
    return withArticle(noun);
  },
  gt: (a: unknown, b: unknown) => Number(a) > Number(b),
  eq: (a: unknown, b: unknown) => a === b,
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean), // the last argument is Handlebars' options
} as const;
