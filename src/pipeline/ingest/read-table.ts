/**
 * Reads one CSV input end to end: stream the rows, map the header, validate each row with
 * the input's zod schema, run the caller's cross-row checks, and tally every row as used,
 * skipped or rejected. Structural problems are collected, not thrown one by one, so a
 * user sees every problem of every file in one run.
 */
import { describeEncoding, readCsv, isBlankRow, type Delimiter } from './csv-reader.ts';
import { canonicalKey, matchHeader, type ColumnMapping } from './columns.ts';
import { FileTally, StructuralError, type FileReport, type RowIssue, type StructuralIssue, type Notice } from './report.ts';
import { Rejected, type RowSchema } from '../schemas/cells.ts';
import type { TableSpec } from '../schemas/table-spec.ts';
import type { SkipRule } from '../config/program-schema.ts';
import type { DateOrder } from '../schemas/dates.ts';
import { dateOrderProblem, scanDateOrder } from './date-order.ts';
import { isImportIdRow, isSubHeaderRow } from './tool-rows.ts';

export interface RowContext {
  row: number;
  line: number;
  /** The row's cell of a canonical column as written (undefined when the file has no such column). */
  cell(column: string): string | undefined;
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
  /** Rows not counted (survey previews, unfinished responses), by the value of a column. */
  skipRules?: readonly SkipRule[];
  /** The row schema, or a maker of it given how the file's numeric day/month dates read. */
  schema: RowSchema<T> | ((order: DateOrder | 'iso') => RowSchema<T>);
  /** With a schema maker: csv.date_format, the input's date columns, and the order settled by earlier files of the same input. */
  dates?: { format: 'auto' | 'iso' | DateOrder; columns: readonly string[]; settled?: DateOrder | undefined };
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
  /** The order this file's numeric day/month dates were settled to from its own dates, if they settled it. */
  dateOrder?: DateOrder;
}

/** How the file's numeric day/month dates are read: the setting, or under `auto` what the file's dates say. */
async function resolveDateOrder<T>(opts: ReadTableOptions<T>, notices: Notice[], structural: StructuralIssue[]): Promise<{ order: DateOrder | 'iso'; settled?: DateOrder }> {
  const dates = opts.dates;
  if (!dates) return { order: 'iso' };
  if (dates.format !== 'auto') return { order: dates.format };
  const decision = await scanDateOrder({
    path: opts.path,
    file: opts.file,
    delimiter: opts.delimiter,
    columns: dates.columns,
    mapping: opts.mapping,
    mappingPath: `columns.${opts.spec.name}`,
  });
  if (decision.how === 'contradictory') {
    structural.push(dateOrderProblem(opts.file, decision));
    return { order: 'iso' };
  }
  if (decision.order !== null) {
    notices.push({ file: opts.file, message: `dates read ${decision.order === 'dmy' ? 'day first (31/12/2026)' : 'month first (12/31/2026)'}: ${decision.reason}` });
    return { order: decision.order, settled: decision.order };
  }
  if (decision.ambiguous) {
    if (dates.settled) {
      notices.push({
        file: opts.file,
        message: `dates read ${dates.settled === 'dmy' ? 'day first' : 'month first'}, as the program's other files settle it (${decision.reason})`,
      });
      return { order: dates.settled };
    }
    structural.push(dateOrderProblem(opts.file, decision));
  }
  return { order: 'iso' };
}

/** A skip rule bound to its column's position in one file. */
interface BoundSkipRule {
  at: number;
  values: Set<string>;
  reason: string;
  header: string;
}

function bindSkipRules(rules: readonly SkipRule[], headers: string[]): BoundSkipRule[] {
  const keys = headers.map(canonicalKey);
  return rules.flatMap((r) => {
    const at = keys.indexOf(canonicalKey(r.column));
    return at < 0 ? [] : [{ at, values: new Set(r.values.map((v) => v.trim().toLowerCase())), reason: r.reason, header: headers[at]! }];
  });
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
  let skipRules: BoundSkipRule[] = [];
  const dateOrder = typeof opts.schema === 'function' ? await resolveDateOrder(opts, notices, structural) : { order: 'iso' as const };
  const schema = typeof opts.schema === 'function' ? opts.schema(dateOrder.order) : opts.schema;
  /** reason -> rows skipped by it, and the headers its rules read */
  const skippedBy = new Map<string, { rows: number; headers: Set<string> }>();

  const headerFor = (column: string | undefined): string | undefined => {
    if (column === undefined) return undefined;
    const at = index.get(column);
    return at === undefined ? column : headers[at];
  };

  // One context, reused row after row: rows are handled one at a time and it never escapes.
  let rowCells: readonly string[] = [];
  const ctx: RowContext = {
    row: 0,
    line: 0,
    cell: (column) => {
      const at = index.get(column);
      return at === undefined ? undefined : rowCells[at];
    },
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
    rowCells = cells;
    for (let r = 0; r < skipRules.length; r++) {
      const rule = skipRules[r]!;
      const cell = cells[rule.at];
      if (cell === undefined || !rule.values.has(cell.trim().toLowerCase())) continue;
      const seen = skippedBy.get(rule.reason) ?? { rows: 0, headers: new Set<string>() };
      seen.rows++;
      seen.headers.add(rule.header);
      skippedBy.set(rule.reason, seen);
      tally.skipped();
      return;
    }

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
      if (isSubHeaderRow(cells)) {
        tally.skipped();
        notices.push({ file, message: `row ${row} is the survey tool's second header row and was skipped` });
        return;
      }
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
    const read = await readCsv(
      opts.path,
      file,
      {
        delimiter: opts.delimiter,
        onProgress: (read, total) => opts.onProgress?.(file, read, total, tally.report.rows),
      },
      (cells) => {
        headers = cells.map((h) => h.trim());
        // Columns named in program.yml (segments, ratings) are headers as written: match them as a mapping would.
        const named = Object.fromEntries((opts.extraColumns ?? []).map((c) => [c, c]));
        const match = matchHeader(file, headers, { required: spec.required, optional }, opts.mapping, `columns.${spec.name}`, named);
        structural.push(...match.problems);
        notices.push(...match.notices);
        skipRules = bindSkipRules(opts.skipRules ?? [], headers);
        headerOk = match.problems.length === 0;
        index = match.index;
        readCells = schema.forColumns(index);
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
    const encoding = describeEncoding(read.encoding);
    if (encoding) notices.push({ file, message: encoding });
    if (read.replacementChars > 0) {
      notices.push({
        file,
        message: `${read.replacementChars.toLocaleString('en-US')} character${read.replacementChars === 1 ? '' : 's'} in the file could not be read and show${read.replacementChars === 1 ? 's' : ''} as "\uFFFD": the export was converted with the wrong encoding before it got here; export it again as "CSV UTF-8"`,
      });
    }
  } catch (e) {
    if (e instanceof StructuralError) structural.push(...e.issues);
    else throw e;
  }
  for (const [reason, { rows, headers: by }] of skippedBy) {
    notices.push({
      file,
      message: `${rows.toLocaleString('en-US')} row${rows === 1 ? '' : 's'} skipped as ${reason} (column ${[...by].map((h) => JSON.stringify(h)).join(', ')}; responses.skip in program.yml)`,
    });
  }
  const result: ReadTableResult = { report: tally.finish(), structural, notices };
  if (dateOrder.settled) result.dateOrder = dateOrder.settled;
  return result;
}
