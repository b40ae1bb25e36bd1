/**
 * Texts kept by the million (answers' comments) as UTF-8 bytes in large chunks, instead of one
 * string object each: about one byte a character, nothing for the garbage collector to walk,
 * and no hold on the parsed file (a comment cut out of a CSV chunk keeps that whole chunk alive).
 */
import { TypedColumn } from './typed-column.ts';

const CHUNK_BYTES = 1 << 24;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class TextArena {
  private readonly chunks: Uint8Array[] = [];
  private current = new Uint8Array(0);
  private used = 0;
  private readonly chunkOf = new TypedColumn((n) => new Int32Array(n));
  private readonly offsetOf = new TypedColumn((n) => new Int32Array(n));
  private readonly lengthOf = new TypedColumn((n) => new Int32Array(n));

  /** How many texts are kept. */
  get size(): number {
    return this.chunkOf.length;
  }

  /** Keeps `text`; returns its number (0, 1, 2… in order). */
  add(text: string): number {
    const most = text.length * 3; // UTF-8 bytes a UTF-16 code unit can take at most
    if (this.chunks.length === 0 || this.used + most > this.current.length) {
      this.current = new Uint8Array(Math.max(CHUNK_BYTES, most));
      this.chunks.push(this.current);
      this.used = 0;
    }
    const { written } = encoder.encodeInto(text, this.current.subarray(this.used));
    this.chunkOf.push(this.chunks.length - 1);
    this.offsetOf.push(this.used);
    this.lengthOf.push(written);
    this.used += written;
    return this.chunkOf.length - 1;
  }

  /** Text number `id`, as a new string. */
  get(id: number): string {
    const at = this.offsetOf.get(id);
    return decoder.decode(this.chunks[this.chunkOf.get(id)]!.subarray(at, at + this.lengthOf.get(id)));
  }
}
