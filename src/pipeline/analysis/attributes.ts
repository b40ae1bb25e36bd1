/**
 * Why customers score as they do: each rated attribute's mean and share of low ratings, by
 * category, and its key-driver strength (correlation with the recommend score, Fisher
 * interval), placed on the importance × performance grid. Groups under the minimum size carry
 * no figures; the three categories of an attribute are suppressed together as a partition.
 */
import { correlation, type Moments } from '../stats/correlation.ts';
import { suppressPartition } from '../stats/suppression.ts';
import { naturalCompare } from '../util/compare.ts';
import type { RatingColumn } from '../schemas/response.ts';
import type { WaveState } from './collector.ts';
import type { RatingTallies } from '../cube/derive.ts';
import type { SegmentDisclosure } from './segments.ts';
import type { AttributeFigures, AttributeSegment, Category, MaybeSuppressed, WaveModel } from '../model/types.ts';
import type { ProgramSettings } from '../config/program-schema.ts';
import type { SuppressionReason } from '../stats/suppression.ts';
import { CATEGORIES as CATS } from '../model/categories.ts';
import { ratingColumnsOf, ratingIdsOf } from '../ingest/ingest-program.ts';
import { suppressed } from './suppress.ts';

const hidden = (reason: SuppressionReason, min: number) => suppressed(reason, min, 'ratings');

/** Performance on a 0–1 scale, so attributes rated on different scales compare. */
const normalise = (mean: number, [lo, hi]: readonly [number, number]) => (mean - lo) / (hi - lo);

/** `ratings`: the wave's tallies on the basis its figures are shown on (all answers, or named ones). */
export function attributeFigures(columns: { id: string; label: string; scale: readonly [number, number] }[], ratings: readonly RatingTallies[], min: number): AttributeFigures[] {
  const out: AttributeFigures[] = columns.map((col, k) => {
    const t = ratings[k]!;
    const n = t.moments.n;
    if (n < min) return { id: col.id, label: col.label, scale: [col.scale[0], col.scale[1]], figures: hidden('small', min) };
    const sum = t.byCategory.reduce((a, c) => a + c.sum, 0);
    const low = t.byCategory.reduce((a, c) => a + c.low, 0);
    const mean = sum / n;
    const parts = suppressPartition(
      CATS.map((c, i) => ({ key: c, n: t.byCategory[i]!.n })),
      min,
    );
    const byCategory = Object.fromEntries(
      CATS.map((c, i) => {
        const x = t.byCategory[i]!;
        const reason = parts.get(c);
        const f: MaybeSuppressed<{ n: number; mean: number; lowShare: number }> = reason
          ? hidden(reason, min)
          : { suppressed: false, n: x.n, mean: x.sum / x.n, lowShare: x.low / x.n };
        return [c, f];
      }),
    ) as Record<Category, MaybeSuppressed<{ n: number; mean: number; lowShare: number }>>;
    const driver = correlation(t.moments);
    return {
      id: col.id,
      label: col.label,
      scale: [col.scale[0], col.scale[1]],
      figures: { suppressed: false, n, mean, performance: normalise(mean, col.scale), lowShare: low / n, byCategory, driver, quadrant: null },
    };
  });
  // Importance × performance: against the medians of the attributes shown.
  const shown = out.flatMap((a) => (a.figures.suppressed || a.figures.driver === null ? [] : [a.figures]));
  if (shown.length > 0) {
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const m = s.length >> 1;
      return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
    };
    const imp = median(shown.map((f) => f.driver!.r));
    const perf = median(shown.map((f) => f.performance));
    for (const f of shown) {
      const important = f.driver!.significant && f.driver!.r >= imp;
      const good = f.performance >= perf;
      f.quadrant = important ? (good ? 'keep up' : 'fix first') : good ? 'maintain' : 'lower priority';
    }
  }
  return out;
}

/** Each attribute's mean per segment value, suppressed like the segments. */
export function attributeSegments(
  columns: RatingColumn[],
  attributeIds: string[],
  w: WaveState,
  dims: { id: string; label: string }[],
  min: number,
  segments: SegmentDisclosure,
): AttributeSegment[] {
  return dims.map((d, di) => {
    // Each value on the basis its score figures are shown on (segments.ts).
    const counted = segments.counted.get(di) ?? new Set<string>();
    const all = w.ratingSegments.get(d.id) ?? new Map<string, { moments: Moments; low: number }[]>();
    const named = w.identifiedRatingSegments.get(d.id) ?? new Map<string, { moments: Moments; low: number }[]>();
    const values = [...all.keys()]
      .flatMap((value) => {
        const v = counted.has(value) ? all.get(value) : named.get(value);
        return v ? [[value, v] as const] : [];
      })
      .sort(([a], [b]) => naturalCompare(a, b));
    const byAttribute = columns.map((_, k) => {
      const parts = suppressPartition(
        values.map(([value, v]) => ({ key: value, n: v[k]!.moments.n })),
        min,
      );
      return values.map(([value, v]) => {
        // A segment value hidden by the disclosure step is hidden here too: the same people.
        const reason = parts.get(value) ?? segments.hidden.get(di)?.get(value);
        const x = v[k]!;
        const n = x.moments.n;
        return {
          value,
          figures:
            reason || n === 0 ? hidden(reason ?? 'small', min) : { suppressed: false as const, n, mean: x.moments.sx / n, lowShare: x.low / n, driver: correlation(x.moments) },
        };
      });
    });
    return { dimension: d.id, label: d.label, attributes: attributeIds.map((id, k) => ({ id, values: byAttribute[k]! })) };
  });
}

/** A wave's attribute sections: the attributes, overall satisfaction, and their segment split. */
export function attributeSections(
  settings: ProgramSettings,
  w: WaveState,
  min: number,
  segments: SegmentDisclosure,
): Pick<WaveModel, 'attributes' | 'overallSatisfaction' | 'attributeSegments' | 'fixFirst'> {
  const columns = ratingColumnsOf(settings);
  const ids = ratingIdsOf(settings);
  const all = attributeFigures(
    columns.map((c, k) => ({ id: ids[k]!, label: c.label, scale: c.scale })),
    segments.waveCounted ? w.ratings : w.identifiedRatings,
    min,
  );
  const overall = settings.overall_satisfaction ? all.pop()! : null;
  const dims = settings.segments.map((d) => ({ id: d.id, label: d.label ?? d.id }));
  return {
    attributes: all,
    overallSatisfaction: overall,
    attributeSegments: columns.length === 0 ? [] : attributeSegments(columns, ids, w, dims, min, segments),
    fixFirst: fixFirst(all),
  };
}

/** Of the attributes in the "fix first" quadrant, the one most tied to the score (the first on a tie); null when none is. */
export function fixFirst(attributes: AttributeFigures[]): string | null {
  let best: { id: string; r: number } | null = null;
  for (const a of attributes) {
    const f = a.figures;
    if (f.suppressed || f.driver === null || f.quadrant !== 'fix first') continue;
    if (best === null || f.driver.r > best.r) best = { id: a.id, r: f.driver.r };
  }
  return best?.id ?? null;
}
