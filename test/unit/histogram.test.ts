import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addScore, emptyHistogram, mergeHistograms, summarise } from '../../src/pipeline/model/histogram.ts';

const histogramOf = (scores: number[]) => {
  const h = emptyHistogram();
  for (const s of scores) addScore(h, s);
  return h;
};

describe('score histogram', () => {
  it('computes NPS and mean by hand', () => {
    // 3 promoters (9, 10, 10), 2 passives (7, 8), 5 detractors (0, 3, 5, 6, 6): NPS = 30% − 50% = −20
    const s = summarise(histogramOf([9, 10, 10, 7, 8, 0, 3, 5, 6, 6]));
    expect(s).toEqual({ n: 10, promoters: 3, passives: 2, detractors: 5, sum: 64, nps: -20, mean: 6.4 });
  });

  it('has no NPS for an empty group', () => {
    expect(summarise(emptyHistogram())).toMatchObject({ n: 0, nps: null, mean: null });
  });

  it('merging histograms equals counting all scores at once; NPS stays in [−100, 100]', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 200 });
    fc.assert(
      fc.property(scores, scores, (a, b) => {
        const merged = mergeHistograms(histogramOf(a), histogramOf(b));
        expect(merged).toEqual(histogramOf([...a, ...b]));
        const s = summarise(merged);
        const all = [...a, ...b];
        expect(s).toMatchObject({
          n: all.length,
          promoters: all.filter((x) => x >= 9).length,
          passives: all.filter((x) => x === 7 || x === 8).length,
          detractors: all.filter((x) => x <= 6).length,
        });
        if (s.nps !== null) {
          expect(s.nps).toBeGreaterThanOrEqual(-100);
          expect(s.nps).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
