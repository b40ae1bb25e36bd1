/**
 * Segment figures of a wave: each program.yml dimension's values, with the gap to the rest of
 * the wave, the promoter lift, and the change against the same value in the wave before (only
 * when it was shown there too: a change against a suppressed figure would give that figure away);
 * each dimension's leader, and where promoters concentrate across the dimensions.
 */
import { naturalCompare } from '../util/compare.ts';
import { compare, figuresOf } from './figures.ts';
import { suppressed } from './suppress.ts';
import type { SuppressionReason } from '../stats/suppression.ts';
import type { Histogram } from '../model/histogram.ts';
import type { Comparison, MaybeSuppressed, PromoterConcentration, ScoreFigures, SegmentDimension, SegmentValue } from '../model/types.ts';
import type { ProgramSettings } from '../config/program-schema.ts';
import type { WaveState } from './collector.ts';

/** The wave before, already built: its id, its collected state and its segments as published. */
export interface PreviousSegments {
  id: string;
  state: WaveState;
  segments: SegmentDimension[];
}

/**
 * `hidden`: per dimension (by index), the values suppressed and why, decided for all dimensions
 * at once (disclosure/wave-segments.ts).
 */
export function segmentFigures(
  settings: ProgramSettings,
  w: WaveState,
  min: number,
  hidden: Map<number, Map<string, SuppressionReason>>,
  prev?: PreviousSegments,
): SegmentDimension[] {
  const total = w.histogram;
  const overall = figuresOf(total);
  return settings.segments.map((s, d) => {
    const values = [...(w.segments.get(s.id) ?? new Map<string, Histogram>())].sort(([a], [b]) => naturalCompare(a, b));
    const figures = new Map<string, MaybeSuppressed<ScoreFigures>>();
    for (const [value, h] of values) {
      const reason = hidden.get(d)?.get(value);
      const f = figuresOf(h);
      figures.set(value, reason !== undefined || f === null ? suppressed(reason ?? 'small', min) : { suppressed: false, ...f });
    }
    const list: SegmentValue[] = values.map(([value, h]) => {
      const f = figures.get(value)!;
      if (f.suppressed) return { value, figures: f };
      const rest = total.map((c, i) => c - (h[i] ?? 0));
      const before = prev?.segments.find((x) => x.id === s.id)?.values.find((x) => x.value === value);
      const beforeHistogram = prev?.state.segments.get(s.id)?.get(value);
      return {
        value,
        figures: {
          ...f,
          gap: compare(h, rest, 'rest', 'gap'),
          change: before && !before.figures.suppressed && beforeHistogram ? compare(h, beforeHistogram, prev!.id, 'change') : null,
          promoterLift: overall && overall.promoterShare > 0 ? f.promoterShare / overall.promoterShare : null,
        },
      };
    });
    return { id: s.id, label: s.label ?? s.id, values: list, leader: leaderOf(list) };
  });
}

/** The shown value with the highest NPS (the first in value order on a tie), when it is significantly above the rest. */
export function leaderOf(values: SegmentValue[]): string | null {
  let top: { value: string; nps: number; gap: Comparison | null } | null = null;
  for (const { value, figures: f } of values) if (!f.suppressed && (top === null || f.nps > top.nps)) top = { value, nps: f.nps, gap: f.gap };
  return top?.gap?.significant && top.gap.delta > 0 ? top.value : null;
}

/**
 * Segment values whose promoter share is above the wave's (lift > 1), across every dimension,
 * highest lift first (dimensions and values in their order on a tie). Suppressed values never
 * appear: their figures are not in the model.
 */
export function promoterConcentrations(dimensions: SegmentDimension[]): PromoterConcentration[] {
  const out: PromoterConcentration[] = [];
  for (const d of dimensions) {
    for (const v of d.values) {
      const f = v.figures;
      if (f.suppressed || f.promoterLift === null || f.promoterLift <= 1) continue;
      out.push({ dimension: d.id, label: d.label, value: v.value, lift: f.promoterLift, promoterShare: f.promoterShare, n: f.n, significant: f.gap?.significant ?? false });
    }
  }
  return out.sort((a, b) => b.lift - a.lift);
}
