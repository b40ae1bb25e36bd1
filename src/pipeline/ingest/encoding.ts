/**
 * Which encoding a survey export was saved in, and decoding it as a stream of strings.
 * Survey tools write UTF-8; Excel writes UTF-16 for "Unicode text" and Windows-1252 for plain
 * "CSV" on Windows, where "Zoë" is the single byte 0xEB and would read as "Zo\uFFFD" as UTF-8.
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows-1252';

/** WHATWG labels for TextDecoder; its windows-1252 is the superset of Latin-1 that browsers use. */
const LABELS: Record<Encoding, string> = { utf8: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be', 'windows-1252': 'windows-1252' };

/** How much of the start of the file the UTF-16 guess (and the separator guess) looks at. */
export const SAMPLE_BYTES = 64 * 1024;
const CHUNK_BYTES = 1 << 20;

/**
 * The encoding told by a BOM, or for UTF-16 without one by where its NUL bytes fall: digits,
 * separators and Latin letters have a zero high byte, while UTF-8 and Windows-1252 text has no
 * NUL bytes at all. null when neither: UTF-8 or Windows-1252, which only the whole file tells.
 */
export function encodingFromStart(head: Uint8Array): Encoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = head.length >> 1;
  if (oddZeros * 2 > pairs && evenZeros * 10 < oddZeros) return 'utf16le';
  if (evenZeros * 2 > pairs && oddZeros * 10 < evenZeros) return 'utf16be';
  return null;
}

/**
 * Where a multi-byte sequence cut short by the end of `buf[0, end)` starts (at most 3 bytes
 * back), or `end` when the last character is whole.
 */
export function incompleteTail(buf: Uint8Array, end: number): number {
  for (let i = end - 1; i >= 0 && i >= end - 3; i--) {
    const b = buf[i]!;
    if (b < 0x80) return end;
    if (b >= 0xc0) return end - i < (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) ? i : end;
    // A continuation byte: its lead is further back.
  }
  return end;
}

/**
 * True when the whole file is valid UTF-8: a Windows-1252 "é" on row 90,000 must count even if
 * the first rows are ASCII. Reads 1 MiB chunks into one buffer and tests each with the (SIMD)
 * `isUtf8`, which costs little beside the read itself. A character split between two chunks is
 * carried to the front of the buffer and tested with the next chunk; one still cut short at the
 * end of the file is not UTF-8 (a Windows-1252 file can end in "é", 0xE9, a 3-byte lead).
 */
export async function isUtf8File(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES + 3);
    let carry = 0;
    let position = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, carry, CHUNK_BYTES, position);
      if (bytesRead === 0) return carry === 0;
      position += bytesRead;
      const end = carry + bytesRead;
      const cut = incompleteTail(buf, end);
      if (!isUtf8(buf.subarray(0, cut))) return false;
      buf.copyWithin(0, cut, end);
      carry = end - cut;
    }
  } finally {
    await fh.close();
  }
}

/** The file's encoding, from the first `SAMPLE_BYTES` of it (`head`) and, failing a BOM or UTF-16, the whole file. */
export async function detectEncoding(path: string, head: Uint8Array): Promise<Encoding> {
  return encodingFromStart(head) ?? ((await isUtf8File(path)) ? 'utf8' : 'windows-1252');
}

/** Decodes the start of a file; a character cut short at the end of the sample is left out rather than replaced. */
export function decodeSample(head: Uint8Array, encoding: Encoding): string {
  return new TextDecoder(LABELS[encoding]).decode(head, { stream: true });
}

/** How many U+FFFD a decoded chunk holds: what a decoder put for bytes it could not read (or the exporting tool did). */
export function countReplacements(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) n++;
  return n;
}

/**
 * Bytes in, strings out, for papaparse, which reads 'data' events and takes strings as they
 * come (hence object mode on the readable side, so they are not turned back into bytes).
 * A BOM is dropped by the decoder; an odd last byte of UTF-16 becomes one U+FFFD on flush.
 */
export class DecodeStream extends Transform {
  replacementChars = 0;
  readonly #decoder: TextDecoder;

  constructor(encoding: Encoding) {
    // One decoded chunk waiting at a time (object mode would otherwise buffer 16 of them, 1 MiB each).
    super({ readableObjectMode: true, readableHighWaterMark: 1 });
    this.#decoder = new TextDecoder(LABELS[encoding]);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#emit(this.#decoder.decode(chunk, { stream: true }));
    done();
  }

  override _flush(done: TransformCallback): void {
    this.#emit(this.#decoder.decode());
    done();
  }

  #emit(text: string): void {
    if (text.length === 0) return;
    this.replacementChars += countReplacements(text);
    this.push(text);
  }
}

/** Words for a notice about a file not saved as UTF-8; null for UTF-8, which needs none. */
export function describeEncoding(e: Encoding): string | null {
  switch (e) {
    case 'utf8':
      return null;
    case 'windows-1252':
      return 'saved as Windows-1252 (Western European, as Excel on Windows saves "CSV"), not UTF-8: read as such; check that accented letters look right';
    case 'utf16le':
    case 'utf16be':
      return 'saved as UTF-16 ("Unicode text"): read as such';
  }
}
