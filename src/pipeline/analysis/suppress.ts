/** Suppressed entries and partitions of figures, defined once for every section of the model. */
import { suppressPartition, type SuppressionReason } from '../stats/suppression.ts';
import type { Histogram } from '../model/histogram.ts';
import type { MaybeSuppressed, ScoreFigures, Suppressed } from '../model/types.ts';
import { figuresOf } from './figures.ts';

/** A suppressed entry: why, in words, and never the count itself. */
export function suppressed(reason: SuppressionReason, min: number, unit: 'responses' | 'ratings' = 'responses'): Suppressed {
  return {
    suppressed: true,
    reason,
    note: reason === 'small' ? `fewer than ${min} ${unit}` : 'hidden so that a smaller group or a few confidential answers cannot be worked out from other figures',
  };
}

/** Figures for each group of a partition, with small and complementary suppression. */
export function partition<K extends string>(groups: { key: K; histogram: Histogram }[], min: number): Map<K, MaybeSuppressed<ScoreFigures>> {
  const sizes = groups.map((g) => ({ key: g.key, n: g.histogram.reduce((a, b) => a + b, 0) }));
  const hidden = suppressPartition(sizes, min);
  const out = new Map<K, MaybeSuppressed<ScoreFigures>>();
  for (const g of groups) {
    const reason = hidden.get(g.key);
    const f = figuresOf(g.histogram);
    out.set(g.key, reason !== undefined || f === null ? suppressed(reason ?? 'small', min) : { suppressed: false, ...f });
  }
  return out;
}
