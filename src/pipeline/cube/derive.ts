/**
 * A wave's score figures as sums of cube cells: the wave's histogram and its confidential and
 * identified parts, each segment value's, each account's (with the role-weighted tallies of its
 * roll-up), the responses without an account, and the rated attributes' tallies overall, by
 * category and per segment value.
 */
import { addHistogram, emptyHistogram, histogramSize, summarise, type Histogram } from '../model/histogram.ts';
import { emptyMoments, type Moments } from '../stats/correlation.ts';
import { emptyWeighted, type Weighted } from '../stats/weighted.ts';
import { RATING_WIDTH, type CubeCell } from './cube.ts';

/** One rated attribute's tallies: moments against the score, and n / sum / low per category. */
export interface RatingTallies {
  moments: Moments;
  /** detractor, passive, promoter */
  byCategory: { n: number; sum: number; low: number }[];
}

export interface AccountFigures {
  histogram: Histogram;
  identified: Weighted;
  confidential: Weighted;
}

export interface WaveCubeFigures {
  histogram: Histogram;
  confidentialHistogram: Histogram;
  identifiedHistogram: Histogram;
  /** Confidential responses. */
  confidential: number;
  /** dimension id -> value -> histogram */
  segments: Map<string, Map<string, Histogram>>;
  /** The same, of identified answers only (a figure shown on named answers). */
  identifiedSegments: Map<string, Map<string, Histogram>>;
  accounts: Map<string, AccountFigures>;
  noAccount: Histogram;
  /** Per rated attribute. */
  ratings: RatingTallies[];
  /** dimension id -> value -> per rated attribute: moments against the score, and low ratings. */
  ratingSegments: Map<string, Map<string, { moments: Moments; low: number }[]>>;
  /** The two above, of identified answers only. */
  identifiedRatings: RatingTallies[];
  identifiedRatingSegments: Map<string, Map<string, { moments: Moments; low: number }[]>>;
}

export interface DeriveSettings {
  /** Segment dimension ids, in the cube's order. */
  dimensions: readonly string[];
  /** Rated attributes in the cube. */
  ratingCount: number;
  /** A role's weight in an account's roll-up. */
  roleWeight(role: string | undefined): number;
  isDecisionMaker(role: string | undefined): boolean;
}

const emptyTallies = (): RatingTallies => ({ moments: emptyMoments(), byCategory: [0, 1, 2].map(() => ({ n: 0, sum: 0, low: 0 })) });

function addMoments(m: Moments, t: Float64Array, o: number): void {
  m.n += t[o + 9]!;
  m.sx += t[o + 10]!;
  m.sy += t[o + 11]!;
  m.sxx += t[o + 12]!;
  m.syy += t[o + 13]!;
  m.sxy += t[o + 14]!;
}

function addWeightedCell(t: Weighted, cell: CubeCell, s: DeriveSettings): void {
  const { n, promoters, detractors, sum } = summarise(cell.histogram);
  if (n === 0) return;
  const weight = s.roleWeight(cell.role);
  t.n += n;
  t.w += weight * n;
  t.w2 += weight * weight * n;
  t.scoreSum += weight * sum;
  t.promoters += weight * promoters;
  t.detractors += weight * detractors;
  if (s.isDecisionMaker(cell.role)) t.decisionMaker = true;
}

export function deriveWave(cells: readonly CubeCell[], s: DeriveSettings): WaveCubeFigures {
  const out: WaveCubeFigures = {
    histogram: emptyHistogram(),
    confidentialHistogram: emptyHistogram(),
    identifiedHistogram: emptyHistogram(),
    confidential: 0,
    segments: new Map(s.dimensions.map((d) => [d, new Map()])),
    identifiedSegments: new Map(s.dimensions.map((d) => [d, new Map()])),
    accounts: new Map(),
    noAccount: emptyHistogram(),
    ratings: Array.from({ length: s.ratingCount }, emptyTallies),
    ratingSegments: new Map(s.dimensions.map((d) => [d, new Map()])),
    identifiedRatings: Array.from({ length: s.ratingCount }, emptyTallies),
    identifiedRatingSegments: new Map(s.dimensions.map((d) => [d, new Map()])),
  };
  for (const cell of cells) {
    const h = cell.histogram;
    addHistogram(out.histogram, h);
    addHistogram(cell.confidential ? out.confidentialHistogram : out.identifiedHistogram, h);
    if (cell.confidential) out.confidential += histogramSize(h);
    s.dimensions.forEach((dim, d) => {
      for (const target of cell.confidential ? [out.segments] : [out.segments, out.identifiedSegments]) {
        const values = target.get(dim)!;
        const value = cell.segments[d]!;
        let v = values.get(value);
        if (v === undefined) values.set(value, (v = emptyHistogram()));
        addHistogram(v, h);
      }
    });
    if (cell.account === undefined) addHistogram(out.noAccount, h);
    else {
      let a = out.accounts.get(cell.account);
      if (a === undefined) out.accounts.set(cell.account, (a = { histogram: emptyHistogram(), identified: emptyWeighted(), confidential: emptyWeighted() }));
      addHistogram(a.histogram, h);
      addWeightedCell(cell.confidential ? a.confidential : a.identified, cell, s);
    }
    const t = cell.ratings;
    if (t === null) continue;
    addRatings(out.ratings, out.ratingSegments, cell, t, s);
    if (!cell.confidential) addRatings(out.identifiedRatings, out.identifiedRatingSegments, cell, t, s);
  }
  return out;
}

function addRatings(
  ratings: RatingTallies[],
  ratingSegments: Map<string, Map<string, { moments: Moments; low: number }[]>>,
  cell: CubeCell,
  t: Float64Array,
  s: DeriveSettings,
): void {
  {
    for (let k = 0; k < s.ratingCount; k++) {
      const o = k * RATING_WIDTH;
      if (t[o + 9] === 0) continue;
      const r = ratings[k]!;
      addMoments(r.moments, t, o);
      for (let c = 0; c < 3; c++) {
        r.byCategory[c]!.n += t[o + c * 3]!;
        r.byCategory[c]!.sum += t[o + c * 3 + 1]!;
        r.byCategory[c]!.low += t[o + c * 3 + 2]!;
      }
      s.dimensions.forEach((dim, d) => {
        const values = ratingSegments.get(dim)!;
        const value = cell.segments[d]!;
        let v = values.get(value);
        if (v === undefined) values.set(value, (v = Array.from({ length: s.ratingCount }, () => ({ moments: emptyMoments(), low: 0 }))));
        addMoments(v[k]!.moments, t, o);
        v[k]!.low += t[o + 2]! + t[o + 5]! + t[o + 8]!;
      });
    }
  }
}
