import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdIndex } from '../../src/pipeline/ingest/id-index.ts';

describe('IdIndex', () => {
  it('behaves like a Map<string, number> for any ids, including unicode and colliding prefixes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.integer()), { maxLength: 3000 }), (pairs) => {
        const index = new IdIndex();
        const map = new Map<string, number>();
        for (const [k, v] of pairs) {
          expect(index.get(k)).toBe(map.get(k));
          index.set(k, v);
          map.set(k, v);
        }
        expect(index.size).toBe(map.size);
        for (const [k, v] of map) expect(index.get(k)).toBe(v);
        expect(index.has('\u0000not-there')).toBe(map.has('\u0000not-there'));
      }),
      { numRuns: 30 },
    );
  });

  it('gives every id back by its entry number, in insertion order, long ids included', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 500 }), (ids) => {
        const index = new IdIndex();
        ids.forEach((id) => index.setIfAbsent(id, 0));
        expect(ids.map((_, e) => index.keyAt(e))).toEqual(ids);
      }),
      { numRuns: 30 },
    );
    const long = 'é'.repeat(5000) + 'x'.repeat(4097);
    const index = new IdIndex();
    index.set('a', 1);
    index.set(long, 2);
    expect(index.keyAt(1)).toBe(long);
  });

  it("looks up and adopts another index's ids without going through strings", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 8 }), { maxLength: 300 }),
        fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 8 }), { maxLength: 300 }),
        (a, b) => {
          const left = new IdIndex();
          const right = new IdIndex();
          a.forEach((id, i) => left.set(id, i));
          b.forEach((id, i) => right.set(id, i));
          for (let e = 0; e < right.size; e++) expect(left.lookup(right, e)).toBe(a.includes(b[e]!) ? a.indexOf(b[e]!) : undefined);
          for (let e = 0; e < right.size; e++) left.adopt(right, e, -1);
          expect(left.size).toBe(new Set([...a, ...b]).size);
          for (const id of b) expect(left.get(id)).toBe(a.includes(id) ? a.indexOf(id) : -1);
          for (let e = 0; e < right.size; e++) expect(right.valueAt(e)).toBe(e);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('holds a hundred thousand ids exactly', () => {
    const index = new IdIndex();
    for (let i = 0; i < 100_000; i++) index.set(`R-${i}`, i);
    expect(index.size).toBe(100_000);
    expect(index.get('R-99999')).toBe(99_999);
    expect(index.get('R-100000')).toBeUndefined();
    expect(index.get('R-0')).toBe(0);
    // adopting them all into a fresh index grows its arena and tables many times over
    const copy = new IdIndex();
    for (let e = 0; e < index.size; e++) copy.adopt(index, e, e * 2);
    expect(copy.size).toBe(100_000);
    expect(copy.get('R-77777')).toBe(155_554);
  });
});
