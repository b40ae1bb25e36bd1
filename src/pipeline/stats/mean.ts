/**
 * Mean score and its comparison between two groups, from 11-bin histograms.
 * The difference test is Welch's, with a normal reference (groups large enough to be shown
 * are at least the minimum group size; see docs/statistics.md).
 */
import { Z95, twoSidedP } from './normal.ts';
import type { Histogram } from '../model/histogram.ts';

export interface MeanEstimate {
  n: number;
  mean: number;
  /** Sample variance (n − 1 denominator); 0 when n = 1. */
  variance: number;
}

export function meanOf(h: Histogram): MeanEstimate | null {
  let n = 0;
  let sum = 0;
  for (let s = 0; s <= 10; s++) {
    n += h[s] ?? 0;
    sum += s * (h[s] ?? 0);
  }
  if (n === 0) return null;
  const mean = sum / n;
  let ss = 0;
  for (let s = 0; s <= 10; s++) ss += (h[s] ?? 0) * (s - mean) * (s - mean);
  return { n, mean, variance: n > 1 ? ss / (n - 1) : 0 };
}

export interface MeanDifference {
  delta: number;
  ci95: [number, number];
  z: number;
  p: number;
  significant: boolean;
}

export function meanDifference(a: MeanEstimate, b: MeanEstimate): MeanDifference {
  const se = Math.sqrt(a.variance / a.n + b.variance / b.n);
  const delta = a.mean - b.mean;
  const z = se === 0 ? 0 : delta / se;
  return { delta, ci95: [delta - Z95 * se, delta + Z95 * se], z, p: twoSidedP(z), significant: se > 0 && Math.abs(z) > Z95 };
}
