/**
 * Reads one survey-tool export end to end and describes each column by what it holds: how many
 * cells read as a 0–10 score, a date, a yes/no answer, free text; whether its values are unique.
 * `npm run init` chooses the columns from this, never from the header alone.
 */
import { basename } from 'node:path';
import { readCsv, type CsvReadResult } from '../ingest/csv-reader.ts';
import { isBlankRow } from '../ingest/csv-reader.ts';
import { isImportIdRow, isSubHeaderRow } from '../ingest/tool-rows.ts';
import { parseDate, DateOrderEvidence } from '../schemas/dates.ts';
import { readConsent, score as readScore, type Fail } from '../schemas/cells.ts';

export interface ColumnProfile {
  header: string;
  index: number;
  /** The question text the tool writes under the header (Qualtrics), if any. */
  question: string | undefined;
  filled: number;
  /** Cells read as a 0–10 recommendation score. */
  scores: number;
  /** Cells saying the question was not answered ("N/A", "-", "Don't know"). */
  notAnswered: number;
  /** Whole numbers: how many, and their range. */
  integers: number;
  min: number;
  max: number;
  /** Cells read as a date under either day/month order. */
  dates: number;
  dateEvidence: DateOrderEvidence;
  /** Cells read as yes or no. */
  yesNo: number;
  /** Cells holding an "@" (email addresses). */
  emails: number;
  /** Cells with a space (words rather than codes), and their total length. */
  worded: number;
  length: number;
  /** Up to 50 distinct values, in order of first appearance, with counts. */
  values: Map<string, number>;
  /** More distinct values than kept. */
  manyValues: boolean;
  /** No value repeats (checked while the file is read). */
  unique: boolean;
  /** Cells holding `,` or `;` (tags lists). */
  commas: number;
  semicolons: number;
}

export interface ExportProfile {
  path: string;
  name: string;
  read: CsvReadResult;
  headers: string[];
  /** Data rows (the tool's header rows excluded). */
  rows: number;
  /** The first rows, whose cells the column profiles describe. */
  profiledRows: number;
  /** The tool's own header rows under the header, and what they are. */
  toolRows: { count: number; what: string } | null;
  columns: ColumnProfile[];
}

const MAX_VALUES = 50;
const MAX_UNIQUE_TRACKED = 2_000_000;

function emptyColumn(header: string, index: number): ColumnProfile {
  return {
    header,
    index,
    question: undefined,
    filled: 0,
    scores: 0,
    notAnswered: 0,
    integers: 0,
    min: Infinity,
    max: -Infinity,
    dates: 0,
    dateEvidence: new DateOrderEvidence(),
    yesNo: 0,
    emails: 0,
    worded: 0,
    length: 0,
    values: new Map(),
    manyValues: false,
    unique: true,
    commas: 0,
    semicolons: 0,
  };
}

/** The score reader, asked without throwing: its `fail` hands back NaN instead (a throw per cell is slow). */
const noScore = (() => NaN) as unknown as Fail;
const isScore = (cell: string): boolean => Number.isInteger(readScore(cell, noScore));

/** How exports say a question was not answered. */
const NOT_ANSWERED = /^(n\/?a|na|none|-|–|—|\?|don'?t know|no answer|not applicable|keine angabe|k\.\s?a\.|weiß nicht|ne sait pas|sans réponse|n\.?d\.?|ns\/nc)$/i;

/** Enough rows to tell what each column holds; the rest are counted (and their dates read by `readDates`). */
const PROFILED_ROWS = 50_000;

export async function profileExport(path: string): Promise<ExportProfile> {
  const name = basename(path);
  let headers: string[] = [];
  let columns: ColumnProfile[] = [];
  /** Per column, the values seen so far; null once one repeats (or the column was never unique). */
  let seen: (Set<string> | null)[] = [];
  let rows = 0;
  let held: string[] | null = null;
  let dataRows = 0;
  let toolRows: ExportProfile['toolRows'] = null;

  const add = (cells: string[]) => {
    rows++;
    if (rows > PROFILED_ROWS) return;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      const raw = cells[i];
      if (raw === undefined || raw.trim() === '') continue;
      const cell = raw.trim();
      c.filled++;
      if (isScore(cell)) c.scores++;
      else if (NOT_ANSWERED.test(cell)) c.notAnswered++;
      if (/^-?\d+$/.test(cell)) {
        const n = Number(cell);
        c.integers++;
        if (n < c.min) c.min = n;
        if (n > c.max) c.max = n;
      }
      if (parseDate(cell, 'mdy') !== null || parseDate(cell, 'dmy') !== null) {
        c.dates++;
        c.dateEvidence.add(cell);
      }
      if (readConsent(cell, false) !== null) c.yesNo++;
      if (cell.includes('@')) c.emails++;
      if (cell.includes(' ')) c.worded++;
      if (cell.includes(',')) c.commas++;
      if (cell.includes(';')) c.semicolons++;
      c.length += cell.length;
      if (c.values.has(cell)) c.values.set(cell, c.values.get(cell)! + 1);
      else if (c.values.size < MAX_VALUES) c.values.set(cell, 1);
      else c.manyValues = true;
      const s = seen[i];
      if (s) {
        if (s.has(cell)) {
          c.unique = false;
          seen[i] = null;
        } else if (s.size < MAX_UNIQUE_TRACKED) s.add(cell);
      }
    }
  };

  const read = await readCsv(
    path,
    name,
    { delimiter: 'auto' },
    (header) => {
      headers = header.map((h) => h.trim());
      columns = headers.map((h, i) => emptyColumn(h, i));
      seen = headers.map(() => new Set<string>());
    },
    (cells) => {
      if (isBlankRow(cells)) return;
      dataRows++;
      // The tool's header rows come first: SurveyMonkey's second header row, Qualtrics' question text and import ids.
      if (dataRows === 1) {
        if (isSubHeaderRow(cells)) {
          toolRows = { count: 1, what: "the survey tool's second header row" };
          return;
        }
        if (isImportIdRow(cells)) {
          toolRows = { count: 1, what: 'import ids' };
          return;
        }
        held = cells;
        return;
      }
      if (held) {
        const first = held;
        held = null;
        if (isImportIdRow(cells)) {
          toolRows = { count: 2, what: 'question text and import ids' };
          first.forEach((q, i) => {
            if (columns[i] && q.trim() !== '') columns[i]!.question = q.trim();
          });
          return;
        }
        add(first);
      }
      add(cells);
    },
  );
  if (held) add(held);
  return { path, name, read, headers, rows, profiledRows: Math.min(rows, PROFILED_ROWS), toolRows, columns };
}

/** The dates of one column read with the settled day/month order, and how many cells were not dates. */
export async function readDates(profile: ExportProfile, column: ColumnProfile, order: 'dmy' | 'mdy' | 'iso'): Promise<{ dates: string[]; unreadable: number }> {
  const dates: string[] = [];
  let unreadable = 0;
  let skip = profile.toolRows?.count ?? 0;
  await readCsv(
    profile.path,
    profile.name,
    { delimiter: 'auto' },
    () => {},
    (cells) => {
      if (isBlankRow(cells)) return;
      if (skip > 0) {
        skip--;
        return;
      }
      const cell = cells[column.index]?.trim() ?? '';
      if (cell === '') return;
      const d = parseDate(cell, order);
      if (d === null) unreadable++;
      else dates.push(d);
    },
  );
  return { dates, unreadable };
}
