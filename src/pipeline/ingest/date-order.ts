/**
 * Settles, before a file is read, whether its dates written as day and month numbers
 * (`03/04/2026`) put the day or the month first: from the file's own dates (a day over 12, or
 * the shorter span of dates), as `csv.date_format: auto` asks. Rows are streamed to the collector
 * as they are read, so the order has to be known before the first row, hence this quick pass.
 */
import { readCsv, type Delimiter } from './csv-reader.ts';
import { matchHeader, type ColumnMapping } from './columns.ts';
import { DateOrderEvidence, type DateOrder } from '../schemas/dates.ts';
import { StructuralError, type StructuralIssue } from './report.ts';

export interface DateOrderDecision {
  /** How numeric day/month dates are read: null when the file has none (or does not say), so they are refused. */
  order: DateOrder | null;
  how: ReturnType<DateOrderEvidence['decide']>['how'];
  /** In plain words, for the report. */
  reason: string;
  /** Non-blank date cells looked at. */
  cells: number;
  /** The file writes dates as day and month numbers, and they do not say which comes first. */
  ambiguous: boolean;
}

/** Once this many date cells hold no day/month numbers, the file writes its dates otherwise (ISO, serials). */
const ENOUGH_OTHER_DATES = 1000;

export async function scanDateOrder(opts: {
  path: string;
  file: string;
  delimiter: Delimiter;
  /** The input's date columns, as canonical names. */
  columns: readonly string[];
  mapping: ColumnMapping;
  mappingPath: string;
}): Promise<DateOrderDecision> {
  const evidence = new DateOrderEvidence();
  let at: number[] = [];
  let cells = 0;
  try {
    await readCsv(
      opts.path,
      opts.file,
      { delimiter: opts.delimiter },
      (header) => {
        const match = matchHeader(opts.file, header, { required: [], optional: opts.columns }, opts.mapping, opts.mappingPath);
        at = opts.columns.flatMap((c) => (match.index.has(c) ? [match.index.get(c)!] : []));
      },
      (row) => {
        if (at.length === 0) return false;
        for (const i of at) {
          const cell = row[i];
          if (cell === undefined || cell.trim() === '') continue;
          cells++;
          evidence.add(cell);
        }
        return !(evidence.settled || (evidence.cells === 0 && cells >= ENOUGH_OTHER_DATES));
      },
    );
  } catch (e) {
    // The read proper reports the file's structural problems, once.
    if (!(e instanceof StructuralError)) throw e;
  }
  const decided = evidence.decide();
  return { order: decided.order, how: decided.how, reason: decided.reason, cells, ambiguous: evidence.cells > 0 && decided.order === null && decided.how !== 'contradictory' };
}

/** The problem reported when a file's dates cannot be read one way only. */
export function dateOrderProblem(file: string, decision: DateOrderDecision): StructuralIssue {
  return {
    file,
    message: `the dates could be read day first or month first: ${decision.reason}`,
    fix: 'set csv.date_format in program.yml to dmy (day first, 31/12/2026) or mdy (month first, 12/31/2026)',
  };
}
