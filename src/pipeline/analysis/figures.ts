/** Score figures and comparisons in the model's shape, from histograms. */
import { summarise, type Histogram } from '../model/histogram.ts';
import { npsDifference, npsEstimate } from '../stats/nps.ts';
import { meanDifference, meanOf } from '../stats/mean.ts';
import type { Comparison, MeanComparison, ScoreFigures } from '../model/types.ts';
import { formatMean, formatPoints, roundHalfAway } from '../util/format.ts';

export function figuresOf(h: Histogram): ScoreFigures | null {
  const s = summarise(h);
  const e = npsEstimate(s.promoters, s.detractors, s.n);
  if (e === null || s.mean === null) return null;
  return {
    n: s.n,
    histogram: [...h],
    promoters: s.promoters,
    passives: s.passives,
    detractors: s.detractors,
    promoterShare: s.promoters / s.n,
    passiveShare: s.passives / s.n,
    detractorShare: s.detractors / s.n,
    nps: e.nps,
    ci95: e.ci95,
    mean: s.mean,
  };
}

/**
 * Compares `a` with `b` (NPS). `kind` shapes the sentence: a change over time ("up 6 points,
 * a significant rise") or a gap to another group, named by `otherLabel` ("6 points above the
 * rest, a significant difference" / "2 points below the rest, within noise").
 */
export function compare(a: Histogram, b: Histogram, against: string, kind: 'change' | 'gap', otherLabel = 'the rest'): Comparison | null {
  const sa = summarise(a);
  const sb = summarise(b);
  const ea = npsEstimate(sa.promoters, sa.detractors, sa.n);
  const eb = npsEstimate(sb.promoters, sb.detractors, sb.n);
  if (!ea || !eb) return null;
  const d = npsDifference(ea, eb);
  // Rounded as the pages round it, so the words never say "no change" beside a "+1 point".
  const rounded = roundHalfAway(d.delta);
  let words: string;
  if (kind === 'change') {
    if (rounded === 0) words = 'no change, within noise';
    else words = `${d.delta > 0 ? 'up' : 'down'} ${formatPoints(d.delta)}, ${d.significant ? `a significant ${d.delta > 0 ? 'rise' : 'fall'}` : 'within noise'}`;
  } else if (rounded === 0) words = `level with ${otherLabel}, within noise`;
  else words = `${formatPoints(d.delta)} ${d.delta > 0 ? 'above' : 'below'} ${otherLabel}, ${d.significant ? 'a significant difference' : 'within noise'}`;
  return { against, delta: d.delta, ci95: [d.ci95[0], d.ci95[1]], p: d.p, significant: d.significant, words };
}

/** Compares `a`'s mean score with `b`'s, in words when the difference is real ("0.8 points lower, a real difference"). */
export function compareMeans(a: Histogram, b: Histogram, against: string): MeanComparison | null {
  const ma = meanOf(a);
  const mb = meanOf(b);
  if (!ma || !mb) return null;
  const d = meanDifference(ma, mb);
  const words = d.significant ? `${formatMean(Math.abs(d.delta))} points ${d.delta < 0 ? 'lower' : 'higher'}, a real difference` : 'within noise';
  return { against, delta: d.delta, ci95: d.ci95, p: d.p, significant: d.significant, words };
}
