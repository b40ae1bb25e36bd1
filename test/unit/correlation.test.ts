import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addPair, correlation, emptyMoments } from '../../src/pipeline/stats/correlation.ts';

const of = (pairs: [number, number][]) => {
  const m = emptyMoments();
  for (const [x, y] of pairs) addPair(m, x, y);
  return correlation(m);
};

describe('correlation (key-driver strength)', () => {
  it('matches a hand-worked Pearson r and Fisher interval', () => {
    // x = 1..5, y = 2,4,5,4,5: mean x 3, mean y 4; Σdxdy = 6, Σdx² = 10, Σdy² = 6 → r = 6/√60 = 0.774597
    const c = of([
      [1, 2],
      [2, 4],
      [3, 5],
      [4, 4],
      [5, 5],
    ])!;
    expect(c.r).toBeCloseTo(0.774597, 6);
    // z = atanh(0.774597) = 1.03172, se = 1/√2 = 0.707107; interval tanh(1.03172 ± 1.38590) = tanh(−0.35418), tanh(2.41762) = [−0.3401, 0.9843]
    expect(c.ci95[0]).toBeCloseTo(-0.3401, 3);
    expect(c.ci95[1]).toBeCloseTo(0.9843, 3);
    expect(c.significant).toBe(false);
  });

  it('finds a strong relation significant and no relation not significant', () => {
    const related: [number, number][] = [];
    const unrelated: [number, number][] = [];
    for (let i = 0; i < 400; i++) {
      const score = i % 11;
      related.push([1 + Math.floor(score / 2.75), score]);
      unrelated.push([1 + ((i * 7) % 5), (i * 3) % 11]); // rating and score vary independently
    }
    expect(of(related)!.significant).toBe(true);
    expect(of(related)!.r).toBeGreaterThan(0.9);
    const none = of(unrelated)!;
    expect(none.significant).toBe(false);
    expect(Math.abs(none.r)).toBeLessThan(0.1);
  });

  it('has no value for too few pairs or no spread, and stays within [−1, 1]', () => {
    expect(
      of([
        [1, 2],
        [2, 3],
        [3, 4],
      ]),
    ).toBeNull();
    expect(
      of([
        [3, 1],
        [3, 5],
        [3, 9],
        [3, 2],
      ]),
    ).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 10 })), { minLength: 4, maxLength: 60 }), (pairs) => {
        const c = of(pairs);
        if (c === null) return;
        expect(c.r).toBeGreaterThanOrEqual(-1);
        expect(c.r).toBeLessThanOrEqual(1);
        expect(c.ci95[0]).toBeLessThanOrEqual(c.ci95[1]);
      }),
    );
  });
});
