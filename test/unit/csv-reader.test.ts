import { describe, expect, it } from 'vitest';
import { readCsv, detectDelimiter, describeEncoding } from '../../src/pipeline/ingest/csv-reader.ts';
import { StructuralError } from '../../src/pipeline/ingest/report.ts';
import { tempProgram } from '../helpers/temp-program.ts';
import { join } from 'node:path';

async function read(content: string | Buffer, delimiter: 'auto' | ';' = 'auto') {
  const dir = tempProgram({ 'f.csv': content });
  let header: string[] = [];
  const rows: { cells: string[]; row: number; line: number; badQuotes: boolean }[] = [];
  const progress: [number, number][] = [];
  const result = await readCsv(
    join(dir, 'f.csv'),
    'f.csv',
    { delimiter, onProgress: (bytesRead, total) => progress.push([bytesRead, total]) },
    (h) => (header = h),
    (cells, row, line, badQuotes) => {
      rows.push({ cells, row, line, badQuotes });
    },
  );
  return { header, rows, result, progress };
}

/** Windows-1252 bytes of "Zoë;Ærø;café;€5", written out by hand. */
const ROW_1252 = Buffer.from([0x5a, 0x6f, 0xeb, 0x3b, 0xc6, 0x72, 0xf8, 0x3b, 0x63, 0x61, 0x66, 0xe9, 0x3b, 0x80, 0x35, 0x0a]);

/** UTF-16 big-endian bytes of `text`. */
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

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
    const { rows, result } = await read(Buffer.from(text, 'utf16le'));
    expect(rows[0]!.cells).toEqual(['1', 'Ça marche très bien 👍']);
    expect(result.encoding).toBe('utf16le');
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

  describe('encodings', () => {
    const multiLine = 'id\tcomment\r\n1\t"Ça marche\r\ntrès bien 👍"\r\n2\tZoë\r\n';
    const multiLineRows = [
      ['1', 'Ça marche\r\ntrès bien 👍'],
      ['2', 'Zoë'],
    ];

    it('reads Windows-1252 (Excel "CSV" on Windows) exactly', async () => {
      const { header, rows, result } = await read(Buffer.concat([Buffer.from('name;place;word;price\n'), ROW_1252]));
      expect(header).toEqual(['name', 'place', 'word', 'price']);
      expect(rows.map((r) => r.cells)).toEqual([['Zoë', 'Ærø', 'café', '€5']]);
      expect(result).toMatchObject({ encoding: 'windows-1252', delimiter: ';', replacementChars: 0 });
    });

    it('detects Windows-1252 from a row far past the sample', async () => {
      const lines = ['name;place;word;price'];
      for (let i = 0; i < 100_000; i++) lines.push(`n${i};plain;ascii;${i}`);
      const ascii = Buffer.from(lines.join('\n') + '\n');
      expect(ascii.length).toBeGreaterThan(2 * 1024 * 1024);
      const { rows, result } = await read(Buffer.concat([ascii, ROW_1252]));
      expect(rows).toHaveLength(lines.length);
      expect(rows.at(-1)!.cells).toEqual(['Zoë', 'Ærø', 'café', '€5']);
      expect(rows.at(-2)!.cells).toEqual(lines.at(-1)!.split(';'));
      expect(result).toMatchObject({ encoding: 'windows-1252', replacementChars: 0 });
    });

    it('reads UTF-16BE with a BOM, without the BOM in the header, and reports raw bytes read', async () => {
      const bytes = utf16be('\uFEFF' + multiLine);
      const { header, rows, result, progress } = await read(bytes);
      expect(header).toEqual(['id', 'comment']);
      expect(rows.map((r) => r.cells)).toEqual(multiLineRows);
      expect(rows.map((r) => r.line)).toEqual([2, 4]);
      expect(result).toMatchObject({ encoding: 'utf16be', delimiter: '\t', bytes: bytes.length, replacementChars: 0 });
      expect(progress.at(-1)).toEqual([bytes.length, bytes.length]);
    });

    it('reads UTF-16 without a BOM by where its NUL bytes fall', async () => {
      const le = await read(Buffer.from(multiLine, 'utf16le'));
      expect(le.header).toEqual(['id', 'comment']);
      expect(le.rows.map((r) => r.cells)).toEqual(multiLineRows);
      expect(le.result.encoding).toBe('utf16le');
      const be = await read(utf16be(multiLine));
      expect(be.rows.map((r) => r.cells)).toEqual(multiLineRows);
      expect(be.result.encoding).toBe('utf16be');
    });

    it('keeps UTF-8 whose 4-byte character straddles a 1 MiB chunk boundary', async () => {
      const chunk = 1024 * 1024;
      for (const before of [1, 2, 3]) {
        // The emoji starts `before` bytes ahead of the boundary.
        const start = Buffer.from('id,comment\n1,"');
        const tail = Buffer.from('👍 ok"\n');
        const pad = Buffer.alloc(chunk - before - start.length, 'a');
        const bytes = Buffer.concat([start, pad, tail]);
        expect(bytes.indexOf(Buffer.from('👍'))).toBe(chunk - before);
        const { rows, result } = await read(bytes);
        expect(rows[0]!.cells).toEqual(['1', `${pad.toString()}👍 ok`]);
        expect(result).toMatchObject({ encoding: 'utf8', replacementChars: 0 });
      }
    });

    it('counts replacement characters in the decoded text', async () => {
      const written = await read('id,comment\n1,the tool wrote \uFFFD here\n');
      expect(written.result).toMatchObject({ encoding: 'utf8', replacementChars: 1 });
      expect(written.rows[0]!.cells).toEqual(['1', 'the tool wrote \uFFFD here']);
      // UTF-16 cut short: its odd last byte cannot be read.
      const odd = await read(Buffer.concat([Buffer.from('\uFEFFid\tcomment\r\n1\tok\r\n', 'utf16le'), Buffer.from([0x41])]));
      expect(odd.rows[0]!.cells).toEqual(['1', 'ok']);
      expect(odd.result).toMatchObject({ encoding: 'utf16le', replacementChars: 1 });
      expect((await read('id,comment\n1,Zoë 👍\n')).result.replacementChars).toBe(0);
    });

    it('describes encodings other than UTF-8 for a notice', () => {
      expect(describeEncoding('utf8')).toBeNull();
      expect(describeEncoding('windows-1252')).toMatch(/^saved as Windows-1252 .*not UTF-8: read as such; check that accented letters look right$/);
      expect(describeEncoding('utf16le')).toBe('saved as UTF-16 ("Unicode text"): read as such');
      expect(describeEncoding('utf16be')).toBe(describeEncoding('utf16le'));
    });
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

describe('stopping early', () => {
  it('stops reading when a row handler returns false', async () => {
    const dir = tempProgram({ 'f.csv': 'a,b\n' + Array.from({ length: 50_000 }, (_, i) => `${i},x`).join('\n') + '\n' });
    const seen: string[] = [];
    await readCsv(
      join(dir, 'f.csv'),
      'f.csv',
      { delimiter: 'auto' },
      () => {},
      (cells) => {
        seen.push(cells[0]!);
        return seen.length < 3;
      },
    );
    expect(seen).toEqual(['0', '1', '2']);
  });
});

describe('workbooks saved under a .csv name', () => {
  it('says the file is a workbook instead of reading zip bytes as text', async () => {
    const dir = tempProgram({ 'f.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]) });
    const err = await readCsv(
      join(dir, 'f.csv'),
      'f.csv',
      { delimiter: 'auto' },
      () => {},
      () => {},
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StructuralError);
    expect((err as StructuralError).issues[0]!.message).toMatch(/Excel workbook \(\.xlsx\)/);
    expect((err as StructuralError).issues[0]!.fix).toMatch(/CSV UTF-8/);
  });
});

describe("Excel's sep= line", () => {
  it('takes the separator from it and reads the header under it', async () => {
    const dir = tempProgram({ 'f.csv': '\uFEFFsep=;\r\nid;score;comment\r\nr1;9;"a, b"\r\n' });
    const rows: string[][] = [];
    let header: string[] = [];
    const result = await readCsv(
      join(dir, 'f.csv'),
      'f.csv',
      { delimiter: 'auto' },
      (h) => (header = h),
      (cells, _row, line) => {
        rows.push([...cells, String(line)]);
      },
    );
    expect(result.delimiter).toBe(';');
    expect(header).toEqual(['id', 'score', 'comment']);
    expect(rows).toEqual([['r1', '9', 'a, b', '3']]);
  });
});
