/**
 * Date cells as survey tools and Excel write them, read into `YYYY-MM-DD`, and the evidence a
 * file's cells give for reading `03/04/2026` day first or month first.
 *
 * `parseDate` runs once per date cell of every row, so it checks the forms in the order they are
 * common: exact ISO without a regex, ISO with a time with one sticky regex, then one regex per
 * remaining shape, chosen by the first characters. Calendar arithmetic is integer-only (no Date).
 */

export type DateOrder = 'dmy' | 'mdy';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && !isLeap(y) ? 28 : DAYS_IN_MONTH[m - 1]!);

/** The number written by s[from, to) if it is all ASCII digits, else -1. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** `YYYY-MM-DD` of a day number (Hinnant's civil_from_days). */
function fromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return format(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

const format = (y: number, m: number, d: number) => `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
const ymd = (y: number, m: number, d: number) => (validDay(y, m, d) ? format(y, m, d) : null);

const isoDays = new Map<number, string>();
/** Days since 1970-01-01 -> YYYY-MM-DD, remembered (a million answers share a few hundred days). */
export function dayIso(day: number): string {
  let s = isoDays.get(day);
  if (s === undefined) isoDays.set(day, (s = new Date(day * 86_400_000).toISOString().slice(0, 10)));
  return s;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` (NaN when it is not one). */
export function isoDayNumber(iso: string): number {
  const y = digits(iso, 0, 4),
    m = digits(iso, 5, 7),
    d = digits(iso, 8, 10);
  if (iso.length !== 10 || y < 0 || m < 0 || d < 0 || !validDay(y, m, d)) return NaN;
  return daysFromCivil(y, m, d);
}

/** POSIX strptime's %y pivot: 00–69 are 20yy, 70–99 are 19yy. */
const year = (text: string) => (text.length === 2 ? +text + (+text < 70 ? 2000 : 1900) : +text);

/**
 * A time of day after the date, checked for shape only (it is dropped): `T14:03`, ` 2:03:11 PM`,
 * `, 14:03:11.123`, then a zone: `Z`, `+02:00`, `-0700`, ` UTC`, ` GMT+2`, ` (CEST)`.
 */
const TIME = String.raw`(?:t|,?\s+)(?:[01]?\d|2[0-4]):[0-5]\d(?::(?:[0-5]\d|60)(?:[.,]\d{1,9})?)?(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{1,5})?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?(?:\s*\([^)]*\))?`;
/** The time alone, tried at index 10 after a `YYYY-MM-DD`. */
const TIME_AT = new RegExp(`${TIME}$`, 'iy');
const OPTIONAL_TIME = `(?:${TIME})?$`;
/** `2026-3-1`, `2026/03/31`, `2026.03.31`. */
const Y_M_D = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${OPTIONAL_TIME}`, 'i');
/** `8/20/25`, `20.08.2025`, `20-08-25`: the day/month forms whose order is ambiguous. */
const A_B_Y = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${OPTIONAL_TIME}`, 'i');
/** A leading weekday (`Wed, `), ignored. */
const WEEKDAY = String.raw`(?:\p{L}+\.?,?\s+)?`;
/** `2025-Aug-20`. */
const Y_MON_D = new RegExp(String.raw`^(\d{4})([-/ ])(\p{L}+)\.?\2(\d{1,2})${OPTIONAL_TIME}`, 'iu');
/** `20 Aug 2025`, `20-Aug-25`, `20. August 2025`, `Wed, 20 Aug 2025 14:03:11 GMT`, `20 de agosto de 2025`. */
const D_MON_Y = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?[\s.,/-]*(?:de\s+)?(\p{L}+)\.?[\s,/-]*(?:de\s+)?(\d{4}|\d{2})${OPTIONAL_TIME}`, 'iu');
/** `Aug 20, 2025`, `August 20, 2025 2:03 PM`, `Wednesday, August 20th, 2025`. */
const MON_D_Y = new RegExp(String.raw`^${WEEKDAY}(\p{L}+)\.?[\s/-]*(\d{1,2})(?:st|nd|rd|th)?[\s.,/-]+(\d{4}|\d{2})${OPTIONAL_TIME}`, 'iu');

/**
 * Month names and abbreviations in en, de, fr, es, it, nl, pt, lowercase without accents. Every
 * spelling shared between languages means the same month in each (`mar`, `mai`, `set`, `dez`…).
 */
const MONTHS = new Map<string, number>();
for (const [m, names] of [
  [1, 'jan january januar janner janv janvier ene enero gen gennaio januari janeiro'],
  [2, 'feb february februar fev fevr fevrier febrero febbraio februari fevereiro'],
  [3, 'mar march marz mrz mars marzo maart mrt marco'],
  [4, 'apr april avr avril abr abril aprile'],
  [5, 'may mai mayo mag maggio mei maio'],
  [6, 'jun june juni juin junio giu giugno junho'],
  [7, 'jul july juli juil juillet julio lug luglio julho'],
  [8, 'aug august aout ago agosto augustus'],
  [9, 'sep sept september septembre septiembre set setiembre settembre setembro'],
  [10, 'oct october okt oktober octobre octubre ott ottobre out outubro'],
  [11, 'nov november novembre noviembre novembro'],
  [12, 'dec december dez dezember decembre dic diciembre dicembre dezembro'],
] as const) {
  for (const name of names.split(' ')) MONTHS.set(name, m);
}

/** The month a word names, or 0. */
function month(word: string): number {
  let w = word.toLowerCase();
  if (!MONTHS.has(w)) w = w.normalize('NFD').replace(/\p{M}/gu, '');
  return MONTHS.get(w) ?? 0;
}

// Numbers: Excel serials (days since 1899-12-30 in the 1900 system) for 1970-01-01..2099-12-31,
// and Unix seconds or milliseconds up to the end of 2099.
const SERIAL_1970 = 25569;
const SERIAL_MAX = 73050;
const UNIX_END = 4102444800; // 2100-01-01T00:00:00Z

/** Reads an Excel serial or a Unix time (digits with at most one `.` and digits after it). */
function fromNumber(t: string): string | null {
  const dot = t.indexOf('.');
  const whole = dot < 0 ? t.length : dot;
  if (dot >= 0 && (dot === t.length - 1 || digits(t, dot + 1, t.length) < 0)) return null;
  const n = digits(t, 0, whole);
  if (n < 0) return null;
  if (whole === 5) return n >= SERIAL_1970 && n <= SERIAL_MAX ? fromDays(n - SERIAL_1970) : null;
  if (whole === 9 || whole === 10) return n >= 1e9 && n < UNIX_END ? fromDays(Math.floor(n / 86400)) : null;
  if (whole === 12 || whole === 13) return n >= 1e12 && n < UNIX_END * 1000 ? fromDays(Math.floor(n / 86400000)) : null;
  return null;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Reads one date cell as survey tools and Excel write it into `YYYY-MM-DD`, or null when it is
 * not a real calendar date. The time of day is dropped; with a time zone the result is the date
 * as written, not converted to UTC (`2025-08-20T23:30:00-07:00` is 2025-08-20): a respondent's
 * answer belongs to the day they saw. Unix times carry no zone and are read as UTC.
 *
 * `order` says how to read numeric day/month forms (`03/04/2026`, `8/20/25`): 'dmy', 'mdy', or
 * 'iso' = refuse them. Every unambiguous form is read under any order: ISO dates and datetimes,
 * Excel serial days (`46082`), Unix seconds and milliseconds, and month names in English,
 * German, French, Spanish, Italian, Dutch and Portuguese (`Aug 20, 2025`, `20. März 2025`).
 * Two-digit years pivot as POSIX strptime's %y: 00–69 are 20yy, 70–99 are 19yy.
 */
export function parseDate(s: string, order: DateOrder | 'iso'): string | null {
  const n = s.length;
  // Fast path: YYYY-MM-DD, alone or followed by a time.
  if (n >= 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digits(s, 0, 4),
      m = digits(s, 5, 7),
      d = digits(s, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) {
      if (n === 10) return validDay(y, m, d) ? s : null;
      TIME_AT.lastIndex = 10;
      if (TIME_AT.test(s)) return validDay(y, m, d) ? s.slice(0, 10) : null;
    }
  }
  const t = s.trim();
  if (!isDigit(t.charCodeAt(0))) {
    const r = MON_D_Y.exec(t);
    // A first word that is no month may be a weekday before a day-first form.
    const m = r === null ? 0 : month(r[1]!);
    if (m > 0) return ymd(year(r![3]!), m, +r![2]!);
    return dayMonthName(t);
  }
  if (isPlainNumber(t)) return fromNumber(t);
  if (isDigit(t.charCodeAt(1)) && isDigit(t.charCodeAt(2)) && isDigit(t.charCodeAt(3))) {
    const r = Y_M_D.exec(t);
    if (r !== null) return ymd(+r[1]!, +r[3]!, +r[4]!);
    const named = Y_MON_D.exec(t);
    return named === null ? null : ymd(+named[1]!, month(named[3]!), +named[4]!);
  }
  const r = A_B_Y.exec(t);
  if (r === null) return dayMonthName(t);
  if (order === 'iso') return null;
  const a = +r[1]!,
    b = +r[3]!;
  return order === 'dmy' ? ymd(year(r[4]!), b, a) : ymd(year(r[4]!), a, b);
}

/** `20 Aug 2025` and its kin. */
function dayMonthName(t: string): string | null {
  const r = D_MON_Y.exec(t);
  return r === null ? null : ymd(year(r[3]!), month(r[2]!), +r[1]!);
}

/** Digits with at most one `.`: a candidate serial or Unix time. */
function isPlainNumber(t: string): boolean {
  let dots = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) dots++;
    else if (!isDigit(c)) return false;
  }
  return dots <= 1;
}

/** The dates of one reading (dmy or mdy) of a file's day/month cells. */
interface Reading {
  min: number;
  max: number;
  invalid: number;
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * Collects what a file's date cells say about their order, to settle dmy vs mdy from the data:
 * a first part over 12 can only be a day, and so can a second part over 12. Without such a
 * cell, the span of the dates decides when one reading is plainly more likely: a survey wave's
 * answers come in over days or weeks, not over the months the other reading would spread them.
 */
export class DateOrderEvidence {
  #cells = 0;
  /** The first cell with a day over 12 first, and second, with that day. */
  #dayFirst: { cell: string; day: number } | null = null;
  #daySecond: { cell: string; day: number } | null = null;
  readonly #dmy: Reading = { min: Infinity, max: -Infinity, invalid: 0 };
  readonly #mdy: Reading = { min: Infinity, max: -Infinity, invalid: 0 };

  /** Ignores blanks and cells that are not numeric day/month forms (`20/08/2025`, `8/20/25 14:03`). */
  add(cell: string): void {
    const t = cell.trim();
    if (!isDigit(t.charCodeAt(0))) return;
    const r = A_B_Y.exec(t);
    if (r === null) return;
    const a = +r[1]!,
      b = +r[3]!,
      y = year(r[4]!);
    this.#cells++;
    // A cell with both parts over 12 is no date either way, so evidence for neither.
    if (a > 12 && a <= 31 && b <= 12) this.#dayFirst ??= { cell: t, day: a };
    if (b > 12 && b <= 31 && a <= 12) this.#daySecond ??= { cell: t, day: b };
    note(this.#dmy, y, b, a);
    note(this.#mdy, y, a, b);
  }

  /** True once a day over 12 has been seen in either place: the scan may stop (a later contradicting cell then goes unseen). */
  get settled(): boolean {
    return this.#dayFirst !== null || this.#daySecond !== null;
  }

  /** Cells written as day and month numbers seen so far (the only ones that say anything about the order). */
  get cells(): number {
    return this.#cells;
  }

  /** How many cells seen so far are no real date under each reading. */
  get invalid(): { dmy: number; mdy: number } {
    return { dmy: this.#dmy.invalid, mdy: this.#mdy.invalid };
  }

  decide(): { order: DateOrder | null; how: 'day-over-12' | 'span' | 'none' | 'contradictory'; reason: string } {
    const first = this.#dayFirst,
      second = this.#daySecond;
    if (first !== null && second !== null) {
      return { order: null, how: 'contradictory', reason: `some dates have a day over 12 first (e.g. "${first.cell}") and others second (e.g. "${second.cell}")` };
    }
    if (first !== null) return { order: 'dmy', how: 'day-over-12', reason: `the day comes first: e.g. "${first.cell}" has no month ${first.day}` };
    if (second !== null) return { order: 'mdy', how: 'day-over-12', reason: `the month comes first: e.g. "${second.cell}" has no month ${second.day}` };
    if (this.#cells === 0) return { order: null, how: 'none', reason: 'no date written as day and month numbers' };
    const none = { order: null, how: 'none', reason: 'every date could be read either way (no day over 12)' } as const;
    if (this.#dmy.min > this.#dmy.max || this.#mdy.min > this.#mdy.max) return none;
    const dmy = this.#dmy.max - this.#dmy.min,
      mdy = this.#mdy.max - this.#mdy.min;
    const short = Math.min(dmy, mdy),
      long = Math.max(dmy, mdy);
    if (short <= 92 && long > 2 * short && long - short >= 14) {
      const [order, name, other] = dmy < mdy ? (['dmy', 'day first', 'month first'] as const) : (['mdy', 'month first', 'day first'] as const);
      return { order, how: 'span', reason: `${name}, the dates fall within ${days(short)} (${other}, they would spread over ${days(long)})` };
    }
    return none;
  }
}

function note(reading: Reading, y: number, m: number, d: number): void {
  if (!validDay(y, m, d)) {
    reading.invalid++;
    return;
  }
  const n = daysFromCivil(y, m, d);
  if (n < reading.min) reading.min = n;
  if (n > reading.max) reading.max = n;
}
