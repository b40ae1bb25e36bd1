/**
 * Field types shared by the row schemas: each turns the text of a CSV cell into a typed
 * value or a zod issue whose message says what is wrong and how to fix it.
 * Messages are written as "<what is wrong>|<how to fix it>" and split by the ingest.
 */
import { z } from 'zod';

export type DateFormat = 'iso' | 'dmy' | 'mdy';

/** Joins the two halves of a field error; see `splitMessage`. */
export function problem(what: string, fix: string): string {
  return `${what}|${fix}`;
}

export function splitMessage(message: string): { message: string; fix: string } {
  const at = message.indexOf('|');
  if (at < 0) return { message, fix: 'correct the value' };
  return { message: message.slice(0, at), fix: message.slice(at + 1) };
}

const blank = (s: string | undefined): s is undefined => s === undefined || s.trim() === '';

/** Treats missing and whitespace-only cells alike. */
function optionalCell<T extends z.ZodType>(inner: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), inner.optional());
}

/** A required identifier: trimmed, non-empty, at most 200 characters. */
export const idCell = (label: string) =>
  z
    .string({ error: problem(`${label} is missing`, `fill in the ${label} for this row, or delete the row`) })
    .transform((s, ctx) => {
      const t = s.trim();
      if (t === '') {
        ctx.addIssue({ code: 'custom', message: problem(`${label} is empty`, `fill in the ${label} for this row, or delete the row`) });
        return z.NEVER;
      }
      if (t.length > 200) {
        ctx.addIssue({ code: 'custom', message: problem(`${label} is longer than 200 characters`, `use the short identifier your survey tool or CRM assigns`) });
        return z.NEVER;
      }
      return t;
    });

export const optionalIdCell = (label: string) => optionalCell(idCell(label));

/** Free text kept byte-exact (comments); only an all-blank cell counts as absent. */
export const textCell = optionalCell(z.string());

/** A trimmed short text (names, owners, roles). */
export const shortTextCell = optionalCell(z.string().transform((s) => s.trim()));

/**
 * The 0–10 recommendation score. Accepts "7", "7.0" and labelled exports such as
 * "10 - Extremely likely" or "0 (Not at all likely)"; rejects anything else.
 */
const SCORE = /^\s*(\d{1,2})(?:\.0+)?\s*(?:$|[-–—:(]\s*\D)/;
export const scoreCell = z
  .string({ error: problem('score is missing', 'put the 0–10 answer in this column, or delete the row if the question was skipped') })
  .transform((s, ctx) => {
    if (s.trim() === '') {
      ctx.addIssue({ code: 'custom', message: problem('score is empty', 'put the 0–10 answer in this cell, or delete the row if the question was skipped') });
      return z.NEVER;
    }
    const m = SCORE.exec(s);
    const n = m ? Number(m[1]) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > 10) {
      ctx.addIssue({
        code: 'custom',
        message: problem(
          /^\s*-?\d+(\.\d+)?\s*$/.test(s) ? 'score is not a whole number from 0 to 10' : 'score is not a number',
          'use a whole number from 0 (not at all likely) to 10 (extremely likely)',
        ),
      });
      return z.NEVER;
    }
    return n;
  });

const TRUE = new Set(['true', 'yes', 'y', '1', 'confidential']);
const FALSE = new Set(['false', 'no', 'n', '0', 'identified']);

/** Reads true/false, yes/no, y/n, 1/0 in any case; null when it is none of them. */
export function readBoolean(s: string | undefined, whenBlank: boolean, inverted = false): boolean | null {
  if (blank(s)) return whenBlank;
  const v = s.trim().toLowerCase();
  if (TRUE.has(v)) return !inverted;
  if (FALSE.has(v)) return inverted;
  return null;
}

/** true/false, yes/no, y/n, 1/0 in any case; blank means the default. */
export const booleanCell = (label: string, whenBlank: boolean, inverted = false) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const b = readBoolean(s, whenBlank, inverted);
      if (b !== null) return b;
      ctx.addIssue({ code: 'custom', message: problem(`${label} is not yes or no`, 'write true/false, yes/no or 1/0, or leave it blank') });
      return z.NEVER;
    });

/** Reads a calendar date (time of day, if any, is dropped) into `YYYY-MM-DD`. */
export function parseDate(s: string, format: DateFormat): string | null {
  const t = s.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (iso) {
    y = +iso[1]!;
    m = +iso[2]!;
    d = +iso[3]!;
  } else {
    const other = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$/.exec(t);
    if (!other || format === 'iso') return null;
    const [a, b] = [+other[1]!, +other[2]!];
    y = +other[3]!;
    [d, m] = format === 'dmy' ? [a, b] : [b, a];
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // e.g. 2026-02-30
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const dateCell = (label: string, format: DateFormat) =>
  optionalCell(
    z.string().transform((s, ctx) => {
      const d = parseDate(s, format);
      if (d === null) {
        const fix =
          format === 'iso'
            ? 'write the date as YYYY-MM-DD (e.g. 2026-03-31), or set csv.date_format to dmy or mdy in program.yml'
            : `write a real date as ${format === 'dmy' ? 'DD/MM/YYYY' : 'MM/DD/YYYY'} or YYYY-MM-DD`;
        ctx.addIssue({ code: 'custom', message: problem(`${label} is not a date`, fix) });
        return z.NEVER;
      }
      return d;
    }),
  );

/**
 * A plain number. Accepts a leading currency sign, "," thousands separators
 * ("1,250,000.50") and spaces; rejects decimal commas, which are ambiguous.
 */
export function parseNumber(s: string): number | null {
  let t = s.trim().replace(/^[$€£¥]\s*/, '').replace(/\s+/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export const numberCell = (label: string, opts: { min?: number } = {}) =>
  z.string().transform((s, ctx) => {
    const n = parseNumber(s);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: problem(`${label} is not a number`, 'write a plain number such as 125000 or 125,000.50 (no decimal comma)') });
      return z.NEVER;
    }
    if (opts.min !== undefined && n < opts.min) {
      ctx.addIssue({ code: 'custom', message: problem(`${label} is below ${opts.min}`, `use a value of ${opts.min} or more`) });
      return z.NEVER;
    }
    return n;
  });

/** `;`-separated tags, trimmed, blanks dropped, first occurrence kept. */
export const tagsCell = z
  .string()
  .optional()
  .transform((s) => {
    if (blank(s)) return [] as string[];
    const seen = new Set<string>();
    for (const part of s.split(';')) {
      const t = part.trim();
      if (t !== '') seen.add(t);
    }
    return [...seen];
  });
