/**
 * An exact map from id strings to numbers, kept in typed arrays. Ingest must remember
 * every response id (duplicates, follow-up references); a `Map<string, number>` of a
 * million ids costs ~80 MB and, being full of young strings, slows every garbage
 * collection. Here the ids' UTF-16
 * code units are copied into one growing arena and looked up by open addressing, so the
 * cost is ~2 bytes a character plus 16 bytes an id, and the collector never sees them.
 */
export class IdIndex {
  private arena = new Uint16Array(1 << 16);
  private used = 0;
  /** Per entry: start in the arena, length, value. */
  private start = new Int32Array(1 << 12);
  private length = new Int32Array(1 << 12);
  private values = new Float64Array(1 << 12);
  /**
   * Open-addressing table of [hash, entry index + 1] pairs (0 = empty). The hash sits beside
   * the entry so a probe touches one cache line until the hashes match.
   */
  private slots = new Int32Array(2 << 13);
  size = 0;

  private static hash(id: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    return h | 0;
  }

  /** The entry of `id`, or ~slot where it would go. */
  private find(id: string, h: number): number {
    const mask = (this.slots.length >> 1) - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[2 * s + 1]! - 1;
      if (e < 0) return ~s;
      if (this.slots[2 * s] === h && this.length[e] === id.length && this.equals(e, id)) return e;
    }
  }

  private equals(e: number, id: string): boolean {
    const at = this.start[e]!;
    for (let i = 0; i < id.length; i++) if (this.arena[at + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  get(id: string): number | undefined {
    const e = this.find(id, IdIndex.hash(id));
    return e >= 0 ? this.values[e] : undefined;
  }

  has(id: string): boolean {
    return this.find(id, IdIndex.hash(id)) >= 0;
  }

  /** Sets the value of `id`, adding it when new. */
  set(id: string, value: number): void {
    const prior = this.setIfAbsent(id, value);
    if (prior !== undefined) this.values[this.find(id, IdIndex.hash(id))] = value;
  }

  /** Sets `bits` in the value of `id`, when present (one lookup). */
  orBits(id: string, bits: number): void {
    const e = this.find(id, IdIndex.hash(id));
    if (e >= 0) this.values[e] = this.values[e]! | bits;
  }

  /** Adds `id` with `value` unless present; returns the value it already had, if any. One lookup either way. */
  setIfAbsent(id: string, value: number): number | undefined {
    const h = IdIndex.hash(id);
    const found = this.find(id, h);
    if (found >= 0) return this.values[found];
    const at = this.reserve(id.length, h, ~found, value);
    for (let i = 0; i < id.length; i++) this.arena[at + i] = id.charCodeAt(i);
    return undefined;
  }

  /** The id of entry `e` (0 ≤ e < size, in insertion order), as a new string. */
  keyAt(e: number): string {
    const at = this.start[e]!;
    const len = this.length[e]!;
    // Short ids (response, contact) decode fastest as one call; chunked so no call passes too many arguments.
    if (len <= 4096) return String.fromCharCode(...this.arena.subarray(at, at + len));
    let s = '';
    for (let i = 0; i < len; i += 4096) s += String.fromCharCode(...this.arena.subarray(at + i, at + Math.min(len, i + 4096)));
    return s;
  }

  /** The value of entry `e` (0 ≤ e < size, in insertion order). */
  valueAt(e: number): number {
    return this.values[e]!;
  }

  /** This index's value for the id of `other`'s entry `e`, compared unit by unit (no string is made). */
  lookup(other: IdIndex, e: number): number | undefined {
    const found = this.findUnits(other.arena, other.start[e]!, other.length[e]!, other.hashAt(e));
    return found >= 0 ? this.values[found] : undefined;
  }

  /** Adds the id of `other`'s entry `e` with `value`, unless present. */
  adopt(other: IdIndex, e: number, value: number): void {
    const start = other.start[e]!;
    const len = other.length[e]!;
    const h = other.hashAt(e);
    const found = this.findUnits(other.arena, start, len, h);
    if (found >= 0) return;
    const at = this.reserve(len, h, ~found, value); // may grow the arena: take it only after
    this.arena.set(other.arena.subarray(start, start + len), at);
  }

  private hashAt(e: number): number {
    let h = 0x811c9dc5;
    const at = this.start[e]!;
    for (let i = 0; i < this.length[e]!; i++) h = Math.imul(h ^ this.arena[at + i]!, 0x01000193);
    return h | 0;
  }

  private findUnits(src: Uint16Array, from: number, len: number, h: number): number {
    const mask = (this.slots.length >> 1) - 1;
    outer: for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[2 * s + 1]! - 1;
      if (e < 0) return ~s;
      if (this.slots[2 * s] !== h || this.length[e] !== len) continue;
      const at = this.start[e]!;
      for (let i = 0; i < len; i++) if (this.arena[at + i] !== src[from + i]) continue outer;
      return e;
    }
  }

  /** Adds an entry of `len` units at free `slot`; returns where in the arena its units go. */
  private reserve(len: number, h: number, slot: number, value: number): number {
    const e = this.size++;
    if (e === this.start.length) this.growEntries();
    while (this.used + len > this.arena.length) this.arena = grown(this.arena, this.arena.length * 2);
    const at = this.used;
    this.start[e] = at;
    this.length[e] = len;
    this.values[e] = value;
    this.used += len;
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = e + 1;
    if (this.size * 2 > this.slots.length >> 1) this.rehash();
    return at;
  }

  private growEntries(): void {
    const n = this.start.length * 2;
    this.start = grown(this.start, n);
    this.length = grown(this.length, n);
    this.values = grown(this.values, n);
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = (this.slots.length >> 1) - 1;
    for (let o = 0; o < old.length; o += 2) {
      if (old[o + 1] === 0) continue;
      let s = old[o]! & mask;
      while (this.slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      this.slots[2 * s] = old[o]!;
      this.slots[2 * s + 1] = old[o + 1]!;
    }
  }
}

function grown<T extends Int32Array | Uint16Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
