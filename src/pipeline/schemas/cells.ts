/**
 * Cell readers shared by the row schemas: each turns the text of a CSV cell into a typed
 * value, or reports what is wrong and how to fix it. `rowSchema` assembles them into one
 * zod schema per input (what the unit tests and one-off reads use) and, from the very same
 * readers, `forColumns`: the function ingest actually reads every row with.
 *
 * Why production rows do not go through zod: a zod transform per cell costs about 2 µs a
 * row, six times the parse itself, and ingest must keep pace with papaparse on files of
 * millions of rows. `forColumns` compiles a file's column positions into one object literal
 * and calls the readers directly; zod's schema and it cannot disagree, because both are the
 * readers, and every problem names its column either way.
 */
import { z } from 'zod';
import { parseDate } from './dates.ts';

export { parseDate };

/** How numeric day/month dates are read, once `csv.date_format: auto` is settled for a file. */
export type DateFormat = 'iso' | 'dmy' | 'mdy';

/** Reports a problem with the cell; the reader's return value is then ignored. */
export type Fail = (what: string, fix: string) => never;
export type CellReader<T> = (cell: string | undefined, fail: Fail) => T;

/** Joins the two halves of a field error; see `splitMessage`. */
export function problem(what: string, fix: string): string {
  return `${what}|${fix}`;
}

export function splitMessage(message: string): { message: string; fix: string } {
  const at = message.indexOf('|');
  if (at < 0) return { message, fix: 'correct the value' };
  return { message: message.slice(0, at), fix: message.slice(at + 1) };
}

class CellProblem {
  readonly what: string;
  readonly fix: string;
  constructor(what: string, fix: string) {
    this.what = what;
    this.fix = fix;
  }
}
const fail: Fail = (what, fix) => {
  throw new CellProblem(what, fix);
};

type Output<F extends Record<string, CellReader<unknown>>> = { [K in keyof F]: ReturnType<F[K]> };

export interface CellProblemInfo {
  column: string;
  what: string;
  fix: string;
}

/** A row schema: zod for the shape, plus the same readers as direct functions for the hot path. */
export type RowSchema<T> = z.ZodType<T, Record<string, string | undefined>> & {
  /** The typed row, or the problems that reject it. */
  readRow: (raw: Record<string, string | undefined>) => T | Rejected;
  /**
   * A reader for one file's rows as papaparse gives them (arrays of cells), given where each
   * column sits in the file; absent columns read as blank. No intermediate object a row.
   */
  forColumns: (index: ReadonlyMap<string, number>) => (cells: readonly string[]) => T | Rejected;
};

export class Rejected {
  readonly problems: CellProblemInfo[];
  constructor(problems: CellProblemInfo[]) {
    this.problems = problems;
  }
}

/**
 * One zod schema for a row: an object of optional strings (the cells), turned into typed
 * values by the readers; every failing cell becomes an issue whose path is its column.
 *
 * Ingest reads rows through `forColumns`, which runs the very readers the schema's transform
 * runs, without zod's per-call machinery: that cost about 1.6 µs a row, more than
 * papaparse's own parse, on cells that are strings by construction. See docs/performance.md.
 */
export function rowSchema<F extends Record<string, CellReader<unknown>>>(
  fields: F,
  /** Checks across cells of a valid row; `report` rejects it. */
  across?: (row: Output<F>, report: (column: keyof F & string, what: string, fix: string) => void) => void,
): RowSchema<Output<F>> {
  const keys = Object.keys(fields);
  const readers = keys.map((k) => fields[k]!);

  /**
   * Compiles `(input) => ({ key: reader(input…), … })` as one object literal (as zod's own
   * JIT does), so every row gets one hidden class. `access` writes the expression that reads
   * a key's cell; keys only ever enter the source through JSON.stringify.
   */
  const compile = <I>(access: (key: string) => string) => {
    const build = new Function('input', 'readers', 'fail', `return {${keys.map((k, i) => `${JSON.stringify(k)}: readers[${i}](${access(k)}, fail)`).join(', ')}};`) as (
      input: I,
      r: CellReader<unknown>[],
      f: Fail,
    ) => Output<F>;
    return (input: I, cell: (key: string) => string | undefined): Output<F> | Rejected => {
      let out: Output<F>;
      try {
        out = build(input, readers, fail);
      } catch (e) {
        if (!(e instanceof CellProblem)) throw e;
        return new Rejected(allProblems(cell));
      }
      if (across) {
        const problems: CellProblemInfo[] = [];
        across(out, (column, what, fix) => problems.push({ column, what, fix }));
        if (problems.length > 0) return new Rejected(problems);
      }
      return out;
    };
  };

  /** Only for rejected rows: reads every cell again to report all of the row's problems. */
  const allProblems = (cell: (key: string) => string | undefined) => {
    const problems: CellProblemInfo[] = [];
    for (let i = 0; i < keys.length; i++) {
      try {
        readers[i]!(cell(keys[i]!), fail);
      } catch (e) {
        if (!(e instanceof CellProblem)) throw e;
        problems.push({ column: keys[i]!, what: e.what, fix: e.fix });
      }
    }
    return problems;
  };

  const fromObject = compile<Record<string, string | undefined>>((k) => `input[${JSON.stringify(k)}]`);
  const readRow = (raw: Record<string, string | undefined>) => fromObject(raw, (k) => raw[k]);

  const forColumns = (index: ReadonlyMap<string, number>) => {
    const fromCells = compile<readonly string[]>((k) => (index.has(k) ? `input[${index.get(k)}]` : 'undefined'));
    return (cells: readonly string[]) => fromCells(cells, (k) => (index.has(k) ? cells[index.get(k)!] : undefined));
  };

  const shape: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (const k of keys) shape[k] = z.string().optional();
  const schema = z.object(shape).transform((raw, ctx) => {
    const r = readRow(raw);
    if (!(r instanceof Rejected)) return r;
    for (const p of r.problems) ctx.addIssue({ code: 'custom', path: [p.column], message: problem(p.what, p.fix) });
    return z.NEVER;
  });
  return Object.assign(schema, { readRow, forColumns }) as unknown as RowSchema<Output<F>>;
}

/** True for a missing, empty or whitespace-only cell; allocation-free for the usual cell. */
function isBlank(s: string | undefined): s is undefined {
  if (s === undefined || s.length === 0) return true;
  const c = s.charCodeAt(0);
  if (c > 32 && c !== 160 && c !== 0xfeff) return false;
  return s.trim() === '';
}

/** Makes a reader optional: missing and whitespace-only cells are absent. */
export function optional<T>(read: (cell: string, fail: Fail) => T): CellReader<T | undefined> {
  return (cell, f) => (isBlank(cell) ? undefined : read(cell, f));
}

/** A required identifier: trimmed, non-empty, at most 200 characters. */
export const id =
  (label: string): CellReader<string> =>
  (cell, f) => {
    if (isBlank(cell)) return f(`${label} is empty`, `fill in the ${label} for this row, or delete the row`);
    const t = cell.trim();
    if (t.length > 200) return f(`${label} is longer than 200 characters`, 'use the short identifier your survey tool or CRM assigns');
    return t;
  };

export const optionalId = (label: string) => optional((cell, f) => id(label)(cell, f));

/** Free text kept byte-exact (comments); only an all-blank cell counts as absent. */
export const text: CellReader<string | undefined> = optional((s) => s);

/** A trimmed short text (names, owners, roles). */
export const shortText: CellReader<string | undefined> = optional((s) => s.trim());

/** Free text that may be absent or blank, kept as written. */
export const anyText: CellReader<string | undefined> = (cell) => cell;

/**
 * The 0–10 recommendation score. Accepts "7", "7.0" and labelled exports such as
 * "10 - Extremely likely" or "0 (Not at all likely)"; rejects anything else.
 */
const SCORE = /^\s*(\d{1,2})(?:\.0+)?\s*(?:$|[-–—:(]\s*\D)/;
export const score: CellReader<number> = (cell, f) => {
  const fix = 'use a whole number from 0 (not at all likely) to 10 (extremely likely)';
  if (isBlank(cell)) return f('score is empty', 'put the 0–10 answer in this cell, or delete the row if the question was skipped');
  // Fast path: one or two digits.
  const c0 = cell.charCodeAt(0) - 48;
  if (cell.length === 1 && c0 >= 0 && c0 <= 9) return c0;
  if (cell === '10') return 10;
  const m = SCORE.exec(cell);
  const n = m ? Number(m[1]) : NaN;
  if (Number.isInteger(n) && n >= 0 && n <= 10) return n;
  return f(/^\s*-?\d+(\.\d+)?\s*$/.test(cell) ? 'score is not a whole number from 0 to 10' : 'score is not a number', fix);
};

/** Yes in the main European languages, and the words that say it outright. */
const YES = ['yes', 'y', 'true', '1', 'ja', 'j', 'oui', 'si', 'sí', 'sim', 'tak', 'kyllä', 'kylla', 'ano', 'igen', 'da', 'wahr', 'vrai', 'verdadero', 'vero', 'waar', 'verdadeiro'];
const NO = ['no', 'n', 'false', '0', 'nein', 'non', 'não', 'nao', 'nie', 'nee', 'nej', 'nei', 'ei', 'ne', 'nem', 'falsch', 'faux', 'falso', 'onwaar'];
const TRUE = new Set([...YES, 'confidential']);
const FALSE = new Set([...NO, 'identified']);
/** Answers that mean "keep me confidential" or "you may name me" whichever way the question is asked. */
const CONFIDENTIAL_WORDS = new Set(['confidential', 'confidentiel', 'confidencial', 'vertraulich', 'anonymous', 'anonym', 'anonyme', 'anónimo', 'anonimo', 'anoniem', 'private']);
const NAMED_WORDS = new Set(['identified', 'named']);

/** Reads true/false, yes/no, y/n, 1/0 (and yes/no in the main European languages) in any case; null when it is none of them. */
export function readBoolean(s: string | undefined, whenBlank: boolean, inverted = false): boolean | null {
  if (isBlank(s)) return whenBlank;
  if (s === 'false' || s === 'FALSE' || s === '0') return inverted;
  if (s === 'true' || s === 'TRUE' || s === '1') return !inverted;
  const v = s.trim().toLowerCase();
  if (TRUE.has(v)) return !inverted;
  if (FALSE.has(v)) return inverted;
  return null;
}

/** true/false, yes/no, y/n, 1/0 in any case; blank means the default. */
export const boolean =
  (label: string, whenBlank: boolean, inverted = false): CellReader<boolean> =>
  (cell, f) =>
    readBoolean(cell, whenBlank, inverted) ?? f(`${label} is not yes or no`, 'write true/false, yes/no or 1/0, or leave it blank');

/**
 * What an answer to the confidentiality question says: 'confidential', 'named', or null when it
 * is unclear. Reads a bare word ("Ja", "Oui", "1") and a choice label that starts with one ("No,
 * keep my answers confidential"); two different answers in one cell ("Yes; No") are unclear.
 */
export function readConsent(cell: string, inverted: boolean): 'confidential' | 'named' | null {
  // The usual cells, without allocating.
  if (cell === 'false' || cell === 'FALSE' || cell === '0') return inverted ? 'confidential' : 'named';
  if (cell === 'true' || cell === 'TRUE' || cell === '1') return inverted ? 'named' : 'confidential';
  const word = cell.trim().toLowerCase();
  if (CONFIDENTIAL_WORDS.has(word)) return 'confidential';
  if (NAMED_WORDS.has(word)) return 'named';
  const direct = readBoolean(cell, false, inverted);
  if (direct !== null) return direct ? 'confidential' : 'named';
  let said: 'confidential' | 'named' | null = null;
  for (const part of cell.toLowerCase().split(/[,;|/]+/)) {
    const words = part.match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    const first = words[0]!;
    let sense: 'confidential' | 'named' | null = null;
    if (CONFIDENTIAL_WORDS.has(first) || words.some((w) => CONFIDENTIAL_WORDS.has(w) && words.length <= 3)) sense = 'confidential';
    else if (NAMED_WORDS.has(first)) sense = 'named';
    else if (TRUE.has(first)) sense = inverted ? 'named' : 'confidential';
    else if (FALSE.has(first)) sense = inverted ? 'confidential' : 'named';
    if (sense === null) continue;
    if (said !== null && said !== sense) return null;
    said = sense;
  }
  return said;
}

/**
 * The answer to the confidentiality question, failing safe: a blank, unreadable or
 * contradictory answer is 'unclear', which ingest counts and treats as confidential, never as
 * consent to be named. A missing column (the export asks no such question) is an identified
 * answer. `inverted`: the column asks "may we share your name?".
 */
export const consent =
  (inverted: boolean): CellReader<boolean | 'unclear'> =>
  (cell) => {
    if (cell === undefined) return false;
    if (isBlank(cell)) return 'unclear';
    const said = readConsent(cell, inverted);
    return said === null ? 'unclear' : said === 'confidential';
  };

/**
 * A date cell. With `onUnreadable` the date is optional to the row: a cell that is not a date
 * reads as no date and is handed to `onUnreadable` (to be counted and reported), so a valid
 * answer is never rejected over its date. Without it an unreadable date rejects the row.
 */
export const date = (label: string, format: DateFormat, onUnreadable?: (cell: string) => void): CellReader<string | undefined> =>
  optional((cell, f) => {
    const d = parseDate(cell, format);
    if (d !== null) return d;
    if (onUnreadable) {
      onUnreadable(cell);
      return undefined;
    }
    return f(
      `${label} is not a date`,
      format === 'iso'
        ? 'write the date as YYYY-MM-DD (e.g. 2026-03-31), or set csv.date_format to dmy or mdy in program.yml'
        : `write a real date as ${format === 'dmy' ? 'DD/MM/YYYY' : 'MM/DD/YYYY'} or YYYY-MM-DD`,
    );
  });

export type DecimalSeparator = '.' | ',';

/**
 * A plain number. Accepts a leading or trailing currency sign, spaces, and thousands
 * separators: with decimal point "1,250,000.50", with decimal comma (csv.decimal_separator)
 * "1.250.000,50". A bare "12,50" under the decimal point is refused as ambiguous.
 */
export function parseNumber(s: string, decimal: DecimalSeparator = '.'): number | null {
  let t = s
    .trim()
    .replace(/^[$€£¥]\s*/, '')
    .replace(/\s*[$€£¥]$/, '')
    .replace(/[\s\u00a0\u202f]+/g, '');
  if (decimal === ',') {
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '');
    else if (t.includes('.')) return null;
    t = t.replace(',', '.');
  } else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export const number =
  (label: string, opts: { min?: number; decimal?: DecimalSeparator } = {}): CellReader<number> =>
  (cell, f) => {
    if (isBlank(cell)) return f(`${label} is empty`, 'fill in a number');
    const n = parseNumber(cell, opts.decimal);
    if (n === null) {
      return f(
        `${label} is not a number`,
        opts.decimal === ','
          ? 'write a number such as 125000 or 125.000,50 (decimal comma, as csv.decimal_separator says)'
          : 'write a plain number such as 125000 or 125,000.50; for decimal commas set csv.decimal_separator: "," in program.yml',
      );
    }
    if (opts.min !== undefined && n < opts.min) return f(`${label} is below ${opts.min}`, `use a value of ${opts.min} or more`);
    return n;
  };

export const optionalNumber = (label: string, opts: { min?: number; decimal?: DecimalSeparator } = {}) => optional((cell, f) => number(label, opts)(cell, f));

const NO_TAGS: readonly string[] = Object.freeze([]);
/** Theme cells repeat a lot: identical cells share one frozen list (bounded, so memory stays flat). */
const tagLists = new Map<string, readonly string[]>();

/** Tags separated by `separator` (responses.tags_separator), trimmed, blanks dropped, first occurrence kept. */
export const tagsSeparatedBy =
  (separator: string): CellReader<readonly string[]> =>
  (cell) => {
    if (isBlank(cell)) return NO_TAGS;
    const key = separator === ';' ? cell : separator + cell;
    const known = tagLists.get(key);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    for (const part of cell.split(separator)) {
      const t = part.trim();
      if (t !== '') seen.add(t);
    }
    const list = Object.freeze([...seen]);
    if (tagLists.size < 10_000) tagLists.set(key, list);
    return list;
  };

/** `;`-separated tags. */
export const tags: CellReader<readonly string[]> = tagsSeparatedBy(';');

/** Segment columns named in program.yml: trimmed short text each. */
export function segmentReaders(columns: readonly string[]): Record<string, CellReader<string | undefined>> {
  const out: Record<string, CellReader<string | undefined>> = {};
  for (const c of columns) out[c] = shortText;
  return out;
}

/** A rating on a scale (e.g. 1–5): a whole number within it; blank means not answered. */
export const rating = (label: string, [lo, hi]: readonly [number, number]): CellReader<number | undefined> =>
  optional((cell, f) => {
    const t = cell.trim();
    const n = /^-?\d+(\.0+)?$/.test(t) ? Number(t) : NaN;
    if (Number.isInteger(n) && n >= lo && n <= hi) return n;
    return f(`${label} is not a rating from ${lo} to ${hi}`, `write a whole number from ${lo} to ${hi}, or leave it blank if it was not answered`);
  });
