import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suppressPartition } from '../../src/pipeline/stats/suppression.ts';

describe('suppressPartition', () => {
  it('suppresses small groups, and the next smallest when one small group could be recomputed', () => {
    const r = suppressPartition(
      [
        { key: 'EMEA', n: 40 },
        { key: 'APAC', n: 3 },
        { key: 'LATAM', n: 12 },
        { key: 'NA', n: 50 },
      ],
      5,
    );
    expect([...r]).toEqual([
      ['APAC', 'small'],
      ['LATAM', 'complementary'],
    ]);
  });

  it('needs nothing more when the suppressed groups together reach the minimum', () => {
    const r = suppressPartition(
      [
        { key: 'a', n: 3 },
        { key: 'b', n: 4 },
        { key: 'c', n: 30 },
      ],
      5,
    );
    expect([...r]).toEqual([
      ['a', 'small'],
      ['b', 'small'],
    ]);
  });

  it('suppresses nothing when every group is large enough', () => {
    expect(
      suppressPartition(
        [
          { key: 'a', n: 5 },
          { key: 'b', n: 9 },
        ],
        5,
      ).size,
    ).toBe(0);
  });

  it('never lets a reader recompute a group under the minimum by subtraction', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 10 }), (sizes, min) => {
        const groups = sizes.map((n, i) => ({ key: `g${i}`, n }));
        const hidden = suppressPartition(groups, min);
        // every group under the minimum is hidden
        for (const g of groups) if (g.n < min) expect(hidden.has(g.key)).toBe(true);
        // what subtraction reveals (the hidden groups combined) is itself not a small group
        const combined = groups.filter((g) => hidden.has(g.key)).reduce((s, g) => s + g.n, 0);
        if (hidden.size > 0) expect(combined >= min || hidden.size === groups.length).toBe(true);
      }),
    );
  });
});
