import { describe, expect, it } from 'vitest';
import { readCsv, detectDelimiter } from '../../src/pipeline/ingest/csv-reader.ts';
import { StructuralError } from '../../src/pipeline/ingest/report.ts';
import { tempProgram } from '../helpers/temp-program.ts';
import { join } from 'node:path';

async function read(content: string | Buffer, delimiter: 'auto' | ';' = 'auto') {
  const dir = tempProgram({ 'f.csv': content });
  let header: string[] = [];
  const rows: { cells: string[]; row: number; line: number; badQuotes: boolean }[] = [];
  const result = await readCsv(
    join(dir, 'f.csv'),
    'f.csv',
    { delimiter },
    (h) => (header = h),
    (cells, row, line, badQuotes) => rows.push({ cells, row, line, badQuotes }),
  );
  return { header, rows, result };
}

describe('readCsv', () => {
  it('strips a UTF-8 BOM and reads CRLF', async () => {
    const { header, rows } = await read('\uFEFFresponse_id,score\r\nr1,9\r\nr2,3\r\n');
    expect(header).toEqual(['response_id', 'score']);
    expect(rows.map((r) => r.cells)).toEqual([
      ['r1', '9'],
      ['r2', '3'],
    ]);
  });

  it('detects ";" and tab separators', async () => {
    expect((await read('a;b;c\n1;2;3\n')).result.delimiter).toBe(';');
    expect((await read('a\tb\n1\t2\n')).result.delimiter).toBe('\t');
    expect(detectDelimiter('x;y\n1;2\n')).toBe(';');
    // commas inside quoted comments must not fool the guess
    expect(detectDelimiter('id;comment\n1;"a, b, c, d"\n2;"e, f"\n')).toBe(';');
  });

  it('keeps quoted multi-line fields whole and numbers rows and lines', async () => {
    const { rows } = await read('id,comment\r\n1,"first\r\nsecond ""quoted"""\r\n2,plain\r\n');
    expect(rows[0]).toMatchObject({ cells: ['1', 'first\r\nsecond "quoted"'], row: 2, line: 2 });
    expect(rows[1]).toMatchObject({ cells: ['2', 'plain'], row: 3, line: 4 });
  });

  it('reads UTF-16LE exports (Excel "Unicode text")', async () => {
    const text = '\uFEFFid\tcomment\r\n1\tÇa marche très bien 👍\r\n';
    const { rows } = await read(Buffer.from(text, 'utf16le'));
    expect(rows[0]!.cells).toEqual(['1', 'Ça marche très bien 👍']);
  });

  it('keeps multi-byte characters exact across stream chunk boundaries', async () => {
    // 1 MiB chunks: put 4-byte emoji and RTL text across many boundaries.
    const comment = 'مرحبا 👋🏽 שלום 日本語 ';
    const lines = ['id,comment'];
    for (let i = 0; i < 60_000; i++) lines.push(`${i},"${comment}${i}"`);
    const { rows } = await read(lines.join('\n') + '\n');
    expect(rows).toHaveLength(60_000);
    for (const [i, r] of rows.entries()) expect(r.cells[1]).toBe(`${comment}${i}`);
  });

  it('keeps quotes inside an unquoted field as text', async () => {
    const { rows } = await read('id,comment\n1,he said "hi" twice\n');
    expect(rows[0]).toMatchObject({ cells: ['1', 'he said "hi" twice'], badQuotes: false });
  });

  it('flags a quoted field with an unescaped quote inside on its row', async () => {
    const { rows } = await read('id,comment\n1,ok\n2,"he said "hi" twice"\n3,ok\n');
    expect(rows.filter((r) => r.badQuotes).map((r) => r.row)).toEqual([3]);
  });

  it('fails on an unterminated quote, naming the line', async () => {
    const err = await read('id,comment\n1,ok\n2,"never closed\n3,lost\n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StructuralError);
    expect((err as StructuralError).issues[0]).toMatchObject({ file: 'f.csv', line: 3 });
    expect((err as StructuralError).issues[0]!.fix).toMatch(/closing double quote/);
  });

  it('fails on an empty file and on a missing file', async () => {
    await expect(read('')).rejects.toBeInstanceOf(StructuralError);
    const missing = readCsv(
      '/nonexistent/x.csv',
      'x.csv',
      { delimiter: 'auto' },
      () => {},
      () => {},
    );
    await expect(missing).rejects.toThrow(/cannot be read/);
  });
});
