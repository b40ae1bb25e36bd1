/**
 * Small-group suppression with complementary suppression, for groups that partition a
 * published total (the values of one segment dimension within a wave).
 *
 * Primary: a group with fewer responses than the minimum is suppressed.
 * Complementary: a reader can subtract the shown groups from the total and get the
 * suppressed ones combined; so while the suppressed groups together hold fewer than the
 * minimum, the smallest shown group is suppressed too (ties: by key, for stable output).
 */
export interface GroupSize {
  key: string;
  n: number;
}

export type SuppressionReason = 'small' | 'complementary';

export function suppressPartition(groups: readonly GroupSize[], minGroupSize: number): Map<string, SuppressionReason> {
  const out = new Map<string, SuppressionReason>();
  let hidden = 0;
  for (const g of groups) {
    if (g.n < minGroupSize) {
      out.set(g.key, 'small');
      hidden += g.n;
    }
  }
  if (out.size === 0) return out;
  const shown = groups.filter((g) => !out.has(g.key)).sort((a, b) => a.n - b.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const g of shown) {
    if (hidden >= minGroupSize) break;
    out.set(g.key, 'complementary');
    hidden += g.n;
  }
  return out;
}
