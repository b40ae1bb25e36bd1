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
import type { Comparison, PromoterConcentration, SegmentDimension, SegmentValue } from '../model/types.ts';
import type { ProgramSettings } from '../config/program-schema.ts';
import type { WaveState } from './collector.ts';

/** The wave before as published: its id and its segments. */
export interface PreviousSegments {
  id: string;
  segments: SegmentDimension[];
}

/** How the disclosure step left a wave's segment values (disclosure/wave-disclosure.ts). */
export interface SegmentDisclosure {
  /** Per dimension (by index), the values suppressed for size, and why. */
  hidden: ReadonlyMap<number, ReadonlyMap<string, SuppressionReason>>;
  /** Per dimension (by index), the values whose figures count their confidential answers. */
  counted: ReadonlyMap<number, ReadonlySet<string>>;
  /** Whether the wave's own figures count its confidential answers. */
  waveCounted: boolean;
}

/**
 * Each value is shown on its basis: all its answers where the disclosure step lets it count its
 * confidential ones, else its named answers (a value with no named answer is then not listed, as
 * if it had no answer). Its gap is to the rest of the wave on the same basis; its change is
 * against the same value as published in the wave before (only when it was shown there too: a
 * change against a suppressed figure would give that figure away).
 */
export function segmentFigures(settings: ProgramSettings, w: WaveState, min: number, disclosure: SegmentDisclosure, prev?: PreviousSegments): SegmentDimension[] {
  const total = disclosure.waveCounted ? w.histogram : w.identifiedHistogram;
  const overall = figuresOf(total);
  return settings.segments.map((s, d) => {
    const counted = disclosure.counted.get(d) ?? new Set<string>();
    const all = w.segments.get(s.id) ?? new Map<string, Histogram>();
    const named = w.identifiedSegments.get(s.id) ?? new Map<string, Histogram>();
    const values = [...all.keys()]
      .flatMap((value) => {
        const basis = counted.has(value) ? ('all answers' as const) : ('named answers' as const);
        const h = basis === 'all answers' ? all.get(value)! : named.get(value);
        return h && h.some((c) => c > 0) ? [{ value, basis, h }] : [];
      })
      .sort((a, b) => naturalCompare(a.value, b.value));
    const list: SegmentValue[] = values.map(({ value, basis, h }) => {
      const reason = disclosure.hidden.get(d)?.get(value);
      const f = figuresOf(h);
      if (reason !== undefined || f === null) return { value, figures: suppressed(reason ?? 'small', min) };
      // The rest of the wave on the value's basis: all answers only when both count them.
      const rest =
        basis === 'all answers' && disclosure.waveCounted ? w.histogram.map((c, i) => c - (h[i] ?? 0)) : w.identifiedHistogram.map((c, i) => c - (named.get(value)?.[i] ?? 0));
      const before = prev?.segments.find((x) => x.id === s.id)?.values.find((x) => x.value === value);
      return {
        value,
        figures: {
          suppressed: false,
          ...f,
          basis,
          gap: compare(h, rest, 'rest', 'gap'),
          change: before && !before.figures.suppressed ? compare(h, before.figures.histogram, prev!.id, 'change') : null,
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
