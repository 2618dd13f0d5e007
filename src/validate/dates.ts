/** Explains a `date` that is not YYYY-MM-DD, spelling out what an ambiguous one might mean. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `named`: the date the record's file name begins with, the reading offered first when it is one. */
export function explainDate(value: unknown, named?: string): { message: string; note?: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(value.trim());
  if (!match) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return { message: `date: ${value} is not a day of the calendar` };
    const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
    if (loose && isDay(Number(loose[1]), Number(loose[2]), Number(loose[3]))) {
      return {
        message: `date must be written YYYY-MM-DD, found "${value}"`,
        note: `did you mean ${loose[1]}-${pad(Number(loose[2]))}-${pad(Number(loose[3]))}?`,
      };
    }
    const written = writtenDate(value.trim());
    return { message: `date must be written YYYY-MM-DD, found "${value}"`, ...(written ? { note: `did you mean ${written}?` } : {}) };
  }
  const [a, b, y] = [Number(match[1]), Number(match[2]), match[3]!];
  // The archive reaches back to the 1970s: two-digit years from 70 are of the last century.
  const year = y.length === 4 ? Number(y) : Number(y) >= 70 ? 1900 + Number(y) : 2000 + Number(y);
  const readings = [
    [a, b, year],
    [b, a, year],
    // Year first, in two digits ("16-11-07", "16/11/07" for 7 November 2016): offered only when
    // the file name gives that day, as otherwise it is the least likely reading.
    ...(y.length === 2 ? [[Number(y), b, a >= 70 ? 1900 + a : 2000 + a]] : []),
  ]
    .filter(([day, month, year], i) => isDay(year!, month!, day!) && (i < 2 || `${year}-${pad(month!)}-${pad(day!)}` === named))
    .map(([day, month, year]) => ({ iso: `${year}-${pad(month!)}-${pad(day!)}`, words: `${day} ${MONTHS[month! - 1]} ${year}` }))
    .filter((reading, i, all) => all.findIndex((other) => other.iso === reading.iso) === i);
  const fromName = readings.find((reading) => reading.iso === named);
  const offered = fromName ? [fromName, ...readings.filter((reading) => reading !== fromName)] : readings;
  // "…, as the file name says, or …": the aside closed by a comma when another reading follows.
  const aside = offered.length > 1 ? ', as the file name says,' : ', as the file name says';
  const said = offered.map((reading) => `${reading.iso} (${reading.words})${reading === fromName ? aside : ''}`);
  return {
    message: `the date "${value}" is ambiguous: write it as YYYY-MM-DD`,
    ...(said.length > 0 ? { note: `did you mean ${said.join(' or ')}?` } : {}),
  };
}

function isDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "6 February 2026", "Monday 6th Feb 2026" or "February 6, 2026" as YYYY-MM-DD, when it is a day. */
function writtenDate(value: string): string | undefined {
  const month = (name: string): number => MONTHS.findIndex((full) => full.toLowerCase().startsWith(name.toLowerCase()) && name.length >= 3) + 1;
  const dayFirst = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(value);
  const monthFirst = /^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(value);
  const [day, m, year] = dayFirst
    ? [Number(dayFirst[1]), month(dayFirst[2]!), Number(dayFirst[3])]
    : monthFirst
      ? [Number(monthFirst[2]), month(monthFirst[1]!), Number(monthFirst[3])]
      : [0, 0, 0];
  return m > 0 && isDay(year, m, day) ? `${year}-${pad(m)}-${pad(day)}` : undefined;
}
