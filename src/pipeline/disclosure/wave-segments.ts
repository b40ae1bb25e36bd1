/**
 * Which segment values of a wave to suppress, all dimensions at once. The wave's segment tables
 * overlap (every dimension partitions the same responses), so a value hidden in one dimension
 * could be worked out from others: EMEA = all − the other regions, but also, across dimensions,
 * from sums and differences of other tables' values. Every value is a sum of the wave's inner
 * cells (the combinations of one value per dimension, from the score cube); Gaussian
 * elimination (gauss.ts) then suppresses the fewest, smallest values needed so that no small
 * value, and no group of a dimension's small values that together fall short of the minimum,
 * is a linear combination of what is published. The wave's total is always published.
 */
import { gaussSuppression } from './gauss.ts';
import { naturalCompare } from '../util/compare.ts';
import type { SuppressionReason } from '../stats/suppression.ts';

export interface SegmentCell {
  /** One value per dimension, in the dimensions' order. */
  values: readonly string[];
  n: number;
}

/** dimension index -> value -> why it is suppressed (values not listed are shown). */
/**
 * `extra`: people a value's figure counts beyond its cells' (the confidential answers it counts,
 * when the cells hold named answers only).
 */
export function suppressWaveSegments(
  cells: readonly SegmentCell[],
  dimensions: number,
  min: number,
  extra: (d: number, value: string) => number = () => 0,
): Map<number, Map<string, SuppressionReason>> {
  const out = new Map<number, Map<string, SuppressionReason>>();
  for (let d = 0; d < dimensions; d++) out.set(d, new Map());
  if (dimensions === 0 || cells.length === 0) return out;
  // Published cells: 0 = the wave's total, then every (dimension, value).
  const published: { d: number; value: string; inner: number[]; n: number }[] = [];
  const at = new Map<string, number>();
  cells.forEach((c, i) => {
    c.values.forEach((value, d) => {
      const key = `${d}\u001f${value}`;
      let k = at.get(key);
      if (k === undefined) {
        at.set(key, (k = published.length));
        published.push({ d, value, inner: [], n: 0 });
      }
      published[k]!.inner.push(i);
      published[k]!.n += c.n;
    });
  });
  for (const p of published) p.n += extra(p.d, p.value);
  const all = cells.map((_, i) => i);
  const columns = [all, ...published.map((p) => p.inner)];
  const primary = published.flatMap((p, k) => (p.n < min ? [k + 1] : []));
  // A dimension's small values together must not be derivable either while they fall short of
  // the minimum (two groups of 1 and 2 answers are still 3 answers): one virtual cell each.
  for (let d = 0; d < dimensions; d++) {
    const small = published.filter((p) => p.d === d && p.n < min);
    if (small.length > 1 && small.reduce((t, p) => t + p.n, 0) < min) {
      columns.push(small.flatMap((p) => p.inner));
      primary.push(columns.length - 1);
    }
  }
  // Publish the largest values first; the ones suppressed for protection are then the smallest.
  const order = published
    .map((p, k) => ({ p, k: k + 1 }))
    .sort((a, b) => b.p.n - a.p.n || a.p.d - b.p.d || naturalCompare(b.p.value, a.p.value))
    .map((x) => x.k);
  const { secondary } = gaussSuppression({ cells: columns, primary, forced: [0], order });
  for (const k of primary) if (k <= published.length) out.get(published[k - 1]!.d)!.set(published[k - 1]!.value, 'small');
  for (const k of secondary) out.get(published[k - 1]!.d)!.set(published[k - 1]!.value, 'complementary');
  return out;
}
