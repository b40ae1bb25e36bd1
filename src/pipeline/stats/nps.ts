/**
 * NPS with its 95% confidence interval, and the test for a difference between two NPS
 * values. Method and sources: docs/statistics.md.
 *
 * Adjusted Wald (Rocks 2016, The American Statistician 70(4); Lewis & Sauro, MeasuringU
 * 2020–21): add 3 pseudo-observations, ¾ of them promoters, ¾ detractors and 1½ passives,
 * then use the variance of a difference of two proportions from one multinomial sample:
 *   n' = n + 3,  p' = (P + ¾)/n',  d' = (D + ¾)/n',
 *   NPS' = p' − d',  var = (p' + d' − (p' − d')²) / n',  interval = NPS' ± 1.96·√var,
 * clipped to [−1, 1] and reported ×100. The point estimate shown stays the plain NPS.
 */
import { Z95, twoSidedP } from './normal.ts';

export interface NpsEstimate {
  /** Plain NPS, −100…100. */
  nps: number;
  /** 95% adjusted-Wald interval, −100…100. */
  ci95: [number, number];
  /** Adjusted estimate and its standard error (NPS units), used by the tests. */
  adjusted: number;
  se: number;
}

export function npsEstimate(promoters: number, detractors: number, n: number): NpsEstimate | null {
  if (n <= 0) return null;
  const na = n + 3;
  const p = (promoters + 0.75) / na;
  const d = (detractors + 0.75) / na;
  const adjusted = p - d;
  const se = Math.sqrt(Math.max(0, p + d - adjusted * adjusted) / na);
  const low = Math.max(-1, adjusted - Z95 * se);
  const high = Math.min(1, adjusted + Z95 * se);
  return { nps: ((promoters - detractors) / n) * 100, ci95: [low * 100, high * 100], adjusted: adjusted * 100, se: se * 100 };
}

export interface Difference {
  /** a − b in NPS points (plain estimates). */
  delta: number;
  /** 95% interval of the difference. */
  ci95: [number, number];
  z: number;
  p: number;
  /** The interval excludes zero: a real change, not noise. */
  significant: boolean;
}

/**
 * Difference between two independent NPS estimates (two waves, or a segment against the
 * rest): the adjusted estimates' difference over the root of the summed variances.
 */
export function npsDifference(a: NpsEstimate, b: NpsEstimate): Difference {
  const se = Math.sqrt(a.se * a.se + b.se * b.se);
  const diff = a.adjusted - b.adjusted;
  const z = se === 0 ? 0 : diff / se;
  const p = twoSidedP(z);
  return { delta: a.nps - b.nps, ci95: [diff - Z95 * se, diff + Z95 * se], z, p, significant: Math.abs(z) > Z95 };
}
