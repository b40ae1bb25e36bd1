/**
 * Segment figures of a wave: each program.yml dimension's values, with the gap to the rest of
 * the wave, the promoter lift, and the change against the same value in the wave before (only
 * when it was shown there too: a change against a suppressed figure would give that figure away).
 */
import { naturalCompare } from '../util/compare.ts';
import { compare, figuresOf } from './figures.ts';
import { partition } from './suppress.ts';
import type { Histogram } from '../model/histogram.ts';
import type { SegmentDimension } from '../model/types.ts';
import type { ProgramSettings } from '../config/program-schema.ts';
import type { WaveState } from './collector.ts';

/** The wave before, already built: its id, its collected state and its segments as published. */
export interface PreviousSegments {
  id: string;
  state: WaveState;
  segments: SegmentDimension[];
}

export function segmentFigures(settings: ProgramSettings, w: WaveState, min: number, prev?: PreviousSegments): SegmentDimension[] {
  const total = w.histogram;
  const overall = figuresOf(total);
  return settings.segments.map((s) => {
    const values = [...(w.segments.get(s.id) ?? new Map<string, Histogram>())].sort(([a], [b]) => naturalCompare(a, b));
    const figures = partition(
      values.map(([key, histogram]) => ({ key, histogram })),
      min,
    );
    return {
      id: s.id,
      label: s.label ?? s.id,
      values: values.map(([value, h]) => {
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
      }),
    };
  });
}
