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

  it('holds a hundred thousand ids exactly', () => {
    const index = new IdIndex();
    for (let i = 0; i < 100_000; i++) index.set(`R-${i}`, i);
    expect(index.size).toBe(100_000);
    expect(index.get('R-99999')).toBe(99_999);
    expect(index.get('R-100000')).toBeUndefined();
    expect(index.get('R-0')).toBe(0);
  });
});
