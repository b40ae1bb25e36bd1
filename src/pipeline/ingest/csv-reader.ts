/**
 * Streams a CSV file through papaparse, one chunk at a time, so memory does not grow with
 * the file. Handles the shapes survey tools export: UTF-8 with or without BOM, UTF-16 ("Unicode
 * text" from Excel), Windows-1252 (Excel's "CSV" on Windows; see `encoding.ts`), CRLF, `,` `;`
 * tab or `|` separators, quoted multi-line fields.
 * It knows nothing about what the columns mean; see `read-table.ts`.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import Papa from 'papaparse';
import { DecodeStream, SAMPLE_BYTES, decodeSample, detectEncoding, type Encoding } from './encoding.ts';
import { StructuralError } from './report.ts';

export { describeEncoding } from './encoding.ts';

export type Delimiter = 'auto' | ',' | ';' | '\t' | '|';

/**
 * Receives one data row: its cells, its spreadsheet row number (the header is row 1), the file
 * line where it starts, and whether papaparse found a malformed quote in it. Called per row
 * rather than with row objects, to spare an allocation per row.
 */
export type OnRow = (cells: string[], row: number, line: number, badQuotes: boolean) => void | boolean;

export interface CsvReadResult {
  delimiter: string;
  encoding: Encoding;
  bytes: number;
  /** U+FFFD characters in the decoded text: bytes the decoder could not read, or ones the exporting tool wrote. */
  replacementChars: number;
}

export interface CsvReadOptions {
  delimiter: Delimiter;
  /** Called with bytes read so far and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

const DELIMITERS_TO_GUESS = [',', ';', '\t', '|'];

/** Workbooks saved under a .csv name: a zip archive (.xlsx) or the older binary format (.xls). */
function workbookKind(head: Buffer): string | null {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'an Excel workbook (.xlsx) or another zip archive';
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return 'an old-style Excel workbook (.xls)';
  return null;
}

/** Reads the start of the file (and, to tell UTF-8 from Windows-1252, all of it): its encoding and a text sample. */
async function sniff(path: string, file: string): Promise<{ encoding: Encoding; sample: string }> {
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const workbook = workbookKind(head);
  if (workbook) {
    throw new StructuralError([{ file, message: `the file is ${workbook}, not a CSV file`, fix: 'open it in Excel (or your survey tool) and save or export it as "CSV UTF-8"' }]);
  }
  const encoding = await detectEncoding(path, head);
  return { encoding, sample: decodeSample(head, encoding) };
}

/**
 * Picks the separator under which the first rows have the most consistent field count
 * (and, on a tie, the most fields). papaparse's own guess needs an average of two or more
 * fields per row, so it misreads short files with a trailing blank line.
 */
export function detectDelimiter(sample: string): string {
  // The last line of a sample may be cut short; keep whole lines only.
  const cut = sample.lastIndexOf('\n');
  const text = cut > 0 ? sample.slice(0, cut) : sample;
  let best = ',';
  let bestScore = 0;
  for (const d of DELIMITERS_TO_GUESS) {
    const rows = Papa.parse<string[]>(text, { delimiter: d, preview: 50, skipEmptyLines: 'greedy' }).data;
    const fields = rows[0]?.length ?? 0;
    if (fields < 2) continue;
    const consistent = rows.filter((r) => r.length === fields).length / rows.length;
    const score = consistent * 1000 + fields;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countNewlines(cells: string[]): number {
  let n = 0;
  for (const c of cells) {
    let at = c.indexOf('\n');
    while (at >= 0) {
      n++;
      at = c.indexOf('\n', at + 1);
    }
  }
  return n;
}

/**
 * Reads `path`, calling `onHeader` once and then `onRow` for each row, until `onRow` returns
 * false (a quick pass that has seen enough).
 * Unreadable files and unterminated quotes are structural errors (the rest of the file
 * would be swallowed into one field, so no row count could be trusted).
 */
export async function readCsv(path: string, file: string, opts: CsvReadOptions, onHeader: (cells: string[]) => void, onRow: OnRow): Promise<CsvReadResult> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    throw new StructuralError([{ file, message: `the file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, fix: 'check that it exists and is readable' }]);
  }
  const { encoding, sample } = await sniff(path, file);
  // Excel writes a first line `sep=;` when asked to say its separator: it names the separator and is not the header.
  const sepLine = /^\uFEFF?sep=([,;\t|])\r?\n/i.exec(sample);
  const delimiter = sepLine ? sepLine[1]! : opts.delimiter === 'auto' ? detectDelimiter(sample) : opts.delimiter;
  let skipSepLine = sepLine !== null;
  // TextDecoder for every encoding: as fast as the fs stream's own UTF-8 decoding (faster on non-ASCII text).
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const text = new DecodeStream(encoding);
  pipeline(stream, text, () => {}); // a read error reaches papaparse through `text`

  let row = 0; // spreadsheet row of the last row handed out
  let line = 1; // line where the next row starts
  let headerSeen = false;
  let failure: StructuralError | null = null;

  await new Promise<void>((resolve, reject) => {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      failure ??= new StructuralError([{ file, message: `the file cannot be read (${e.code ?? e.message})`, fix: 'check that it exists and is readable' }]);
    });
    Papa.parse<string[]>(text as unknown as File, {
      delimiter,
      skipEmptyLines: false,
      chunk(results, parser) {
        if (failure) return;
        let badRows: Set<number> | null = null;
        let unterminated = -1;
        for (const err of results.errors) {
          if (err.row === undefined) continue;
          if (err.code === 'MissingQuotes') unterminated = err.row;
          else if (err.code === 'InvalidQuotes') (badRows ??= new Set()).add(err.row);
        }
        const data = results.data;
        for (let i = 0; i < data.length; i++) {
          const cells = data[i]!;
          if (i === unterminated) {
            failure = new StructuralError([
              {
                file,
                line,
                message: `a quoted field opened on this line is never closed, so the rest of the file reads as one field (it starts ${JSON.stringify(cells.join(delimiter).slice(0, 40))})`,
                fix: 'add the missing closing double quote ("), and write any quote inside a quoted field twice ("")',
              },
            ]);
            parser.abort();
            return;
          }
          if (skipSepLine) {
            skipSepLine = false;
            line += 1;
            continue;
          }
          if (!headerSeen) {
            headerSeen = true;
            row = 1;
            line += 1 + countNewlines(cells);
            if (cells.length > 0 && cells[0]!.charCodeAt(0) === 0xfeff) cells[0] = cells[0]!.slice(1);
            onHeader(cells);
            continue;
          }
          row++;
          const start = line;
          line += 1 + countNewlines(cells);
          if (onRow(cells, row, start, badRows !== null && badRows.has(i)) === false) {
            parser.abort();
            stream.destroy();
            return;
          }
        }
        opts.onProgress?.(stream.bytesRead, size);
      },
      complete: () => resolve(),
      error: (e: Error) => (failure ? resolve() : reject(e)),
    });
  });
  if (failure) throw failure;
  if (!headerSeen) {
    throw new StructuralError([{ file, message: 'the file is empty', fix: 'export it again with its header row, or remove the file' }]);
  }
  return { delimiter, encoding, bytes: size, replacementChars: text.replacementChars };
}

/** True when every cell is empty: a blank line or a row of separators only. */
export function isBlankRow(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c.length === 0) continue;
    const first = c.charCodeAt(0);
    if (first > 32 && first !== 160 && first !== 0xfeff) return false; // the usual case, without trim()
    if (c.trim() !== '') return false;
  }
  return true;
}
