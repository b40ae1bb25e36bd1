/**
 * Reads one CSV input end to end: stream the rows, map the header, validate each row with
 * the input's zod schema, run the caller's cross-row checks, and tally every row as used,
 * skipped or rejected. Structural problems are collected, not thrown one by one, so a
 * user sees every problem of every file in one run.
 */
import { readCsv, isBlankRow, type Delimiter } from './csv-reader.ts';
import { matchHeader, type ColumnMapping } from './columns.ts';
import { FileTally, StructuralError, type FileReport, type RowIssue, type StructuralIssue, type Notice } from './report.ts';
import { Rejected, type RowSchema } from '../schemas/cells.ts';
import type { TableSpec } from '../schemas/table-spec.ts';

export interface RowContext {
  row: number;
  line: number;
  /** Builds a row issue at this row; `column` is canonical and shown as the file's header. */
  issue(code: string, column: string | undefined, value: string | undefined, message: string, fix: string): RowIssue;
}

export interface ReadTableOptions<T> {
  path: string;
  /** Path shown to the user, relative to the data folder. */
  file: string;
  spec: TableSpec;
  /** Extra optional columns (segment columns named in program.yml). */
  extraColumns?: readonly string[];
  mapping: ColumnMapping;
  delimiter: Delimiter;
  skipRowsAfterHeader: number;
  schema: RowSchema<T>;
  /** Cross-row checks and the use of a valid row: returns null when the row is used, or why it is rejected. */
  accept: (value: T, ctx: RowContext) => RowIssue | null;
  /** Every rejected row's issues, for the full rejected-rows list. */
  onRejected?: (issues: RowIssue[]) => void;
  onProgress?: (file: string, bytesRead: number, totalBytes: number, rows: number) => void;
}

export interface ReadTableResult {
  report: FileReport;
  structural: StructuralIssue[];
  notices: Notice[];
}

/** Qualtrics puts `{"ImportId":"QID1"}` cells in the row under its question-text row. */
function isImportIdRow(cells: string[]): boolean {
  let seen = false;
  for (const c of cells) {
    if (c === '') continue;
    if (!c.startsWith('{"ImportId"')) return false;
    seen = true;
  }
  return seen;
}

export async function readTable<T>(opts: ReadTableOptions<T>): Promise<ReadTableResult> {
  const { file, spec } = opts;
  const tally = new FileTally(file);
  const structural: StructuralIssue[] = [];
  const notices: Notice[] = [];
  const optional = [...spec.optional, ...(opts.extraColumns ?? []).filter((c) => !spec.required.includes(c) && !spec.optional.includes(c))];
  const identity = new Set(spec.identity);

  let headers: string[] = [];
  let index: ReadonlyMap<string, number> = new Map();
  let readCells: (cells: readonly string[]) => T | Rejected = () => new Rejected([]);
  let headerOk = false;
  let toSkip = opts.skipRowsAfterHeader;
  let pendingBlank = 0;
  /** The first data row, held back until we know whether it is Qualtrics' question-text row. */
  let heldFirst: { cells: string[]; row: number; line: number; badQuotes: boolean } | null = null;
  let dataRowsSeen = 0;

  const headerFor = (column: string | undefined): string | undefined => {
    if (column === undefined) return undefined;
    const at = index.get(column);
    return at === undefined ? column : headers[at];
  };

  // One context, reused row after row: rows are handled one at a time and it never escapes.
  const ctx: RowContext = {
    row: 0,
    line: 0,
    issue: (code, column, value, message, fix) => {
      const issue: RowIssue = { file, row: ctx.row, line: ctx.line, code, message, fix };
      const header = headerFor(column);
      if (header !== undefined) issue.column = header;
      if (value !== undefined && !(column !== undefined && identity.has(column))) issue.value = value;
      return issue;
    },
  };

  const processRow = (cells: string[], row: number, line: number, badQuotes: boolean): void => {
    ctx.row = row;
    ctx.line = line;

    let issues: RowIssue[] | null = null;
    if (cells.length !== headers.length) {
      issues = [];
      issues.push(
        ctx.issue(
          'row.fields',
          undefined,
          undefined,
          `the row has ${cells.length} fields but the header has ${headers.length}`,
          badQuotes
            ? 'a field contains a stray double quote: enclose the field in double quotes and write each quote inside it twice ("")'
            : 'check for a missing or extra separator, or a comment containing the separator without quotes around it',
        ),
      );
    } else if (badQuotes) {
      const at = cells.findIndex((c) => c.includes('"'));
      const column = [...index].find(([, i]) => i === at)?.[0] ?? headers[at];
      issues = [];
      issues.push(ctx.issue('row.quotes', column, undefined, 'a field has a stray double quote', 'enclose the field in double quotes and write each quote inside it twice ("")'));
    }
    if (issues === null) {
      const parsed = readCells(cells);
      if (!(parsed instanceof Rejected)) {
        const rejection = opts.accept(parsed, ctx);
        if (rejection === null) {
          tally.used();
          return;
        }
        issues = [rejection];
      } else {
        issues = parsed.problems.map((p) => ctx.issue(`${p.column}.invalid`, p.column, index.has(p.column) ? cells[index.get(p.column)!] : undefined, p.what, p.fix));
      }
    }
    tally.rejected(issues);
    opts.onRejected?.(issues);
  };

  const handleDataRow = (cells: string[], row: number, line: number, badQuotes: boolean): void => {
    if (isBlankRow(cells)) {
      pendingBlank++;
      return;
    }
    // Blank rows between data rows are skipped; trailing ones are not rows at all.
    for (; pendingBlank > 0; pendingBlank--) tally.skipped();
    if (toSkip > 0) {
      toSkip--;
      tally.skipped();
      return;
    }
    dataRowsSeen++;
    if (dataRowsSeen === 1 && opts.skipRowsAfterHeader === 0) {
      if (isImportIdRow(cells)) {
        tally.skipped();
        notices.push({ file, message: `row ${row} holds survey-tool import ids and was skipped` });
        return;
      }
      heldFirst = { cells, row, line, badQuotes };
      return;
    }
    if (heldFirst) {
      const first: { cells: string[]; row: number; line: number; badQuotes: boolean } = heldFirst;
      heldFirst = null;
      if (isImportIdRow(cells)) {
        tally.skipped();
        tally.skipped();
        notices.push({ file, message: `rows ${first.row}–${row} hold the survey tool's question text and import ids and were skipped` });
        return;
      }
      processRow(first.cells, first.row, first.line, first.badQuotes);
    }
    processRow(cells, row, line, badQuotes);
  };

  try {
    await readCsv(
      opts.path,
      file,
      {
        delimiter: opts.delimiter,
        onProgress: (read, total) => opts.onProgress?.(file, read, total, tally.report.rows),
      },
      (cells) => {
        headers = cells.map((h) => h.trim());
        // Columns named in program.yml (segments, ratings) are headers as written: match them as a mapping would.
        const mapping = { ...opts.mapping };
        for (const c of opts.extraColumns ?? []) mapping[c] ??= c;
        const match = matchHeader(file, headers, { required: spec.required, optional }, mapping, `columns.${spec.name}`);
        structural.push(...match.problems);
        headerOk = match.problems.length === 0;
        index = match.index;
        readCells = opts.schema.forColumns(index);
        tally.report.columns = match.columns;
        const ignored = match.columns.filter((c) => c.canonical === null && c.header !== '').map((c) => JSON.stringify(c.header));
        if (ignored.length > 0) notices.push({ file, message: `columns not used: ${ignored.join(', ')}` });
      },
      (cells, row, line, badQuotes) => {
        if (headerOk) handleDataRow(cells, row, line, badQuotes);
      },
    );
    if (heldFirst) {
      const first: { cells: string[]; row: number; line: number; badQuotes: boolean } = heldFirst;
      processRow(first.cells, first.row, first.line, first.badQuotes);
    }
  } catch (e) {
    if (e instanceof StructuralError) structural.push(...e.issues);
    else throw e;
  }
  return { report: tally.finish(), structural, notices };
}
