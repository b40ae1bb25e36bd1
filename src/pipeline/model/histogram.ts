/**
 * The 11-bin score histogram (how many 0s, 1s, … 10s) every score statistic is computed
 * from. Histograms merge by addition, across files, chunks or workers.
 */
import { PASSIVE_FROM, PROMOTER_FROM } from './categories.ts';

export type Histogram = number[];

export const emptyHistogram = (): Histogram => new Array<number>(11).fill(0);

export function addScore(h: Histogram, score: number): void {
  h[score] = (h[score] ?? 0) + 1;
}

export function mergeHistograms(a: Histogram, b: Histogram): Histogram {
  return a.map((v, i) => v + (b[i] ?? 0));
}

/** Adds `b` into `a` in place. */
export function addHistogram(a: Histogram, b: Histogram): void {
  for (let i = 0; i < 11; i++) a[i] = (a[i] ?? 0) + (b[i] ?? 0);
}

export const histogramSize = (h: Histogram): number => h.reduce((a, b) => a + b, 0);

export interface ScoreSummary {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** The sum of the scores. */
  sum: number;
  /** %promoters − %detractors, −100…100; null when n = 0. */
  nps: number | null;
  /** Mean of the 0–10 scores; null when n = 0. */
  mean: number | null;
}

export function summarise(h: Histogram): ScoreSummary {
  let n = 0;
  let sum = 0;
  let detractors = 0;
  let passives = 0;
  let promoters = 0;
  for (let s = 0; s <= 10; s++) {
    const c = h[s] ?? 0;
    n += c;
    sum += c * s;
    if (s < PASSIVE_FROM) detractors += c;
    else if (s < PROMOTER_FROM) passives += c;
    else promoters += c;
  }
  return {
    n,
    promoters,
    passives,
    detractors,
    sum,
    nps: n === 0 ? null : ((promoters - detractors) / n) * 100,
    mean: n === 0 ? null : sum / n,
  };
}
