/** Streams every rejected row's problems to a CSV, so the full list never sits in memory. */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Papa from 'papaparse';
import type { RowIssue } from './report.ts';

export function rejectedRowsWriter(path: string) {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path, { encoding: 'utf8' });
  out.write('file,row,line,column,value,reason,problem,fix\n');
  let closing: Promise<void> | undefined;
  return {
    write(issues: RowIssue[]): void {
      for (const i of issues) {
        out.write(Papa.unparse([[i.file, i.row, i.line, i.column ?? '', i.value ?? '', i.code, i.message, i.fix]], { escapeFormulae: true }) + '\n');
      }
    },
    /** Idempotent: safe to call from both a success path and a `finally`. */
    close: () => (closing ??= new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())))),
  };
}
