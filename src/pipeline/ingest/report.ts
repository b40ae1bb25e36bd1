/**
 * What ingest tells the CX team: per file, how many rows were read, used, skipped
 * and rejected (and why), plus structural problems that stop the build.
 * Everything here is plain data so it can go into the serialised model.
 */

/** A problem with one row: the row is rejected, the build goes on. */
export interface RowIssue {
  /** Path relative to the data folder, e.g. `responses/2026-Q1.csv`. */
  file: string;
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  /** Line in the file where the row starts (differs from `row` after multi-line fields). */
  line: number;
  /** The column as named in the file (or the canonical name when the file lacks it). */
  column?: string;
  /**
   * The offending value. Never set for identity columns (ids, names, emails): the row may be a
   * confidential respondent's, and the report is shown on the internal site.
   */
  value?: string;
  /** Short, stable reason code used to tally, e.g. `score.range`. */
  code: string;
  message: string;
  fix: string;
}

/** A problem with a whole file or setting: the build fails. */
export interface StructuralIssue {
  file: string;
  line?: number | undefined;
  column?: string | undefined;
  message: string;
  fix: string;
}

/** A notice that does not reject anything (e.g. an ignored column). */
export interface Notice {
  file: string;
  message: string;
  /** Counts confidential answers: printed by the command line, never published on a page or in an export. */
  confidential?: true;
}

export interface FileReport {
  file: string;
  /** Data rows read, excluding the header. */
  rows: number;
  used: number;
  rejected: number;
  /** Blank rows and survey-tool description rows under the header. */
  skipped: number;
  /** Rejections tallied by reason code, with one example message each. */
  reasons: { code: string; count: number; example: string }[];
  /** The first rejected rows in detail (capped, see `MAX_DETAILED_ISSUES`). */
  issues: RowIssue[];
  /** Header -> canonical column, in file order. */
  columns: { header: string; canonical: string | null }[];
}

export interface IngestReport {
  files: FileReport[];
  structural: StructuralIssue[];
  notices: Notice[];
  totals: { rows: number; used: number; rejected: number; skipped: number };
}

/** Enough detail to find the pattern; the full list goes to rejected-rows.csv. */
export const MAX_DETAILED_ISSUES = 200;

export class StructuralError extends Error {
  readonly issues: StructuralIssue[];
  /** What was read before the build stopped, so the counts can still be shown. */
  readonly report: IngestReport | undefined;
  constructor(issues: StructuralIssue[], report?: IngestReport) {
    super(issues.map(formatStructural).join('\n'));
    this.name = 'StructuralError';
    this.issues = issues;
    this.report = report;
  }
}

export function formatRowIssue(i: RowIssue): string {
  const where = i.line !== i.row ? `row ${i.row} (line ${i.line})` : `row ${i.row}`;
  const col = i.column !== undefined ? `, column "${i.column}"` : '';
  const value = i.value !== undefined ? ` Value: ${quoteValue(i.value)}.` : '';
  return `${i.file}, ${where}${col}: ${i.message}.${value} Fix: ${i.fix}`;
}

export function formatStructural(i: StructuralIssue): string {
  const line = i.line !== undefined ? `, line ${i.line}` : '';
  const col = i.column !== undefined ? `, column "${i.column}"` : '';
  return `${i.file}${line}${col}: ${i.message}. Fix: ${i.fix}`;
}

function quoteValue(v: string): string {
  const shown = v.length > 60 ? `${v.slice(0, 57)}...` : v;
  return JSON.stringify(shown);
}

/** Accumulates one file's counts; keeps the report's sums honest by construction. */
export class FileTally {
  readonly report: FileReport;
  private readonly reasonIndex = new Map<string, { code: string; count: number; example: string }>();

  constructor(file: string) {
    this.report = { file, rows: 0, used: 0, rejected: 0, skipped: 0, reasons: [], issues: [], columns: [] };
  }

  used(): void {
    this.report.rows++;
    this.report.used++;
  }

  skipped(): void {
    this.report.rows++;
    this.report.skipped++;
  }

  /** Rejects one row for one or more reasons. */
  rejected(issues: RowIssue[]): void {
    this.report.rows++;
    this.report.rejected++;
    for (const issue of issues) {
      const r = this.reasonIndex.get(issue.code);
      if (r) r.count++;
      else this.reasonIndex.set(issue.code, { code: issue.code, count: 1, example: formatRowIssue(issue) });
      if (this.report.issues.length < MAX_DETAILED_ISSUES) this.report.issues.push(issue);
    }
  }

  finish(): FileReport {
    this.report.reasons = [...this.reasonIndex.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    return this.report;
  }
}

export function totalsOf(files: FileReport[]): IngestReport['totals'] {
  const t = { rows: 0, used: 0, rejected: 0, skipped: 0 };
  for (const f of files) {
    t.rows += f.rows;
    t.used += f.used;
    t.rejected += f.rejected;
    t.skipped += f.skipped;
  }
  return t;
}
