import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { npsEstimate, npsDifference } from '../../src/pipeline/stats/nps.ts';
import { meanOf, meanDifference } from '../../src/pipeline/stats/mean.ts';
import { normalCdf, twoSidedP, Z95 } from '../../src/pipeline/stats/normal.ts';

describe('normal distribution', () => {
  it('matches published table values', () => {
    // Standard normal table (e.g. NIST/SEMATECH e-Handbook, §1.3.6.7.1)
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
    expect(normalCdf(2.5758)).toBeCloseTo(0.995, 4);
    expect(twoSidedP(Z95)).toBeCloseTo(0.05, 6);
  });
});

describe('NPS adjusted-Wald interval', () => {
  it('matches the formula worked by hand', () => {
    // n = 100: 50 promoters, 20 detractors. n' = 103, p' = 50.75/103, d' = 20.75/103.
    // p' − d' = 30/103 = 0.291262; var = (71.5/103 − 0.291262²)/103 = (0.694175 − 0.084834)/103 = 0.005916
    // se = 0.076915; interval = 0.291262 ± 1.959964 × 0.076915 = [0.140512, 0.442012]
    const e = npsEstimate(50, 20, 100)!;
    expect(e.nps).toBe(30);
    expect(e.adjusted).toBeCloseTo(29.1262, 3);
    expect(e.se).toBeCloseTo(7.6915, 3);
    expect(e.ci95[0]).toBeCloseTo(14.051, 2);
    expect(e.ci95[1]).toBeCloseTo(44.201, 2);
  });

  it('keeps a sensible interval at the extremes (where plain Wald collapses to a point)', () => {
    // 10 of 10 promoters: plain Wald gives [100, 100]; adjusted: p' = 10.75/13, d' = 0.75/13
    const e = npsEstimate(10, 0, 10)!;
    expect(e.nps).toBe(100);
    expect(e.ci95[1]).toBe(100);
    expect(e.ci95[0]).toBeGreaterThan(40);
    expect(e.ci95[0]).toBeLessThan(90);
    expect(npsEstimate(0, 0, 0)).toBeNull();
  });

  it('contains the estimate, stays in [−100, 100], narrows as n grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (p, pa, d) => {
        const n = p + pa + d;
        fc.pre(n > 0);
        const e = npsEstimate(p, d, n)!;
        expect(e.ci95[0]).toBeGreaterThanOrEqual(-100);
        expect(e.ci95[1]).toBeLessThanOrEqual(100);
        expect(e.ci95[0]).toBeLessThanOrEqual(e.ci95[1]);
        // the adjusted centre is always inside; the plain estimate too except at tiny n with extreme shares
        expect(e.ci95[0]).toBeLessThanOrEqual(e.adjusted + 1e-9);
        expect(e.ci95[1]).toBeGreaterThanOrEqual(e.adjusted - 1e-9);
        if (n >= 10) {
          expect(e.ci95[0]).toBeLessThanOrEqual(e.nps + 1e-9);
          expect(e.ci95[1]).toBeGreaterThanOrEqual(e.nps - 1e-9);
        }
        const bigger = npsEstimate(p * 4, d * 4, n * 4)!;
        expect(bigger.ci95[1] - bigger.ci95[0]).toBeLessThan(e.ci95[1] - e.ci95[0] + 1e-9);
      }),
    );
  });
});

describe('difference between two NPS values', () => {
  it('is significant when far apart with large samples, noise when close or small', () => {
    // hand: a = 50/20 of 100 (se 7.6915, adj 29.126), b = 30/40 of 100 (adj (30.75−40.75)/103 = −9.709)
    const a = npsEstimate(50, 20, 100)!;
    const b = npsEstimate(30, 40, 100)!;
    const d = npsDifference(a, b);
    expect(d.delta).toBe(40);
    expect(d.significant).toBe(true);
    expect(d.z).toBeGreaterThan(3);
    const close = npsDifference(npsEstimate(50, 20, 100)!, npsEstimate(46, 22, 100)!);
    expect(close.significant).toBe(false);
    const small = npsDifference(npsEstimate(5, 2, 10)!, npsEstimate(3, 4, 10)!);
    expect(small.significant).toBe(false);
  });

  it('is symmetric', () => {
    const a = npsEstimate(40, 25, 200)!;
    const b = npsEstimate(70, 20, 180)!;
    const ab = npsDifference(a, b);
    const ba = npsDifference(b, a);
    expect(ab.z).toBeCloseTo(-ba.z, 10);
    expect(ab.p).toBeCloseTo(ba.p, 10);
  });
});

describe('mean score', () => {
  it('computes mean and sample variance from a histogram by hand', () => {
    // scores 0, 5, 10, 10: mean 6.25, variance ((6.25² + 1.25² + 3.75² ×2)/3) = (39.0625+1.5625+28.125)/3 = 22.916…
    const h = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2];
    const m = meanOf(h)!;
    expect(m.mean).toBe(6.25);
    expect(m.variance).toBeCloseTo(22.916667, 5);
  });
  it('tests a difference of means (Welch, normal reference)', () => {
    const a = meanOf([0, 0, 0, 0, 0, 0, 0, 10, 10, 20, 20])!; // mostly 9–10
    const b = meanOf([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5])!; // flat
    const d = meanDifference(a, b);
    expect(d.delta).toBeCloseTo(a.mean - b.mean, 12);
    expect(d.significant).toBe(true);
    expect(meanDifference(a, a).significant).toBe(false);
  });
});
