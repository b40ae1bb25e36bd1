/**
 * Weighted NPS for an account's roll-up (contacts weighted by role, or equally): weighted
 * promoter and detractor shares, and an adjusted-Wald interval on Kish's effective sample size
 * (Σw)² / Σw². Tallies add, so they stream and merge like histograms.
 */
import { npsEstimate } from './nps.ts';

export interface Weighted {
  n: number;
  w: number;
  w2: number;
  promoters: number;
  detractors: number;
  scoreSum: number;
  decisionMaker: boolean;
}

export const emptyWeighted = (): Weighted => ({ n: 0, w: 0, w2: 0, promoters: 0, detractors: 0, scoreSum: 0, decisionMaker: false });

export function addWeighted(a: Weighted, b: Weighted): Weighted {
  return {
    n: a.n + b.n,
    w: a.w + b.w,
    w2: a.w2 + b.w2,
    promoters: a.promoters + b.promoters,
    detractors: a.detractors + b.detractors,
    scoreSum: a.scoreSum + b.scoreSum,
    decisionMaker: a.decisionMaker || b.decisionMaker,
  };
}

/** NPS (−100…100), its 95% interval and the weighted mean score; null without weight. */
export function weightedNps(t: Weighted): { nps: number; ci95: [number, number]; mean: number } | null {
  if (t.n === 0 || t.w === 0) return null;
  const nEff = (t.w * t.w) / t.w2;
  const p = t.promoters / t.w;
  const d = t.detractors / t.w;
  const e = npsEstimate(p * nEff, d * nEff, nEff)!;
  return { nps: (p - d) * 100, ci95: e.ci95, mean: t.scoreSum / t.w };
}
