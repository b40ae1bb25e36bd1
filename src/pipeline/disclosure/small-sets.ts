/**
 * Sets of fewer than `min` people that published figures give away: unions of one to four inner
 * cells whose indicator lies in the span of the published columns. With at least one person per
 * cell, a set of fewer than 5 people has at most 4 cells, so for minimums up to 5 the search is
 * exhaustive; above, sets of up to four cells are checked.
 *
 * A set S is in the span exactly when y · 1_S = 0 for every y orthogonal to the span. With two
 * random orthogonal vectors (Span.orthogonal), the search is a subset-sum over one number per
 * cell: sorted values and pair sums find the sets whose values sum to zero, the second vector
 * screens them and the span itself confirms each. Deterministic: the random vectors come from a
 * fixed seed.
 */
import { Span, type Column } from './gauss.ts';

/** Above this many small cells, only sets of up to three cells are searched (pair sums grow as the square)… */
const FOUR_CELL_LIMIT = 1500;
/** …and above this many, only sets of up to two. */
const THREE_CELL_LIMIT = 5000;

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * (1 + Math.abs(a) + Math.abs(b));

/** Indexes of `sorted` (ascending by value) whose value is within tolerance of `target`. */
function around<T extends { v: number }>(sorted: readonly T[], target: number): T[] {
  let lo = 0;
  let hi = sorted.length;
  const low = target - 1e-9 * (1 + 2 * Math.abs(target));
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.v < low) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.v <= target + 1e-9 * (1 + 2 * Math.abs(target)) + 1e-12; i++) out.push(sorted[i]!);
  return out;
}

/**
 * `people[c]`: the people in inner cell c (at least 1); `published`: the columns a reader has.
 * Returns each small set found (cell indexes, ascending), smallest first, without repeats.
 */
export function exposedSmallSets(people: readonly number[], published: readonly Column[], min: number): number[][] {
  if (published.length === 0) return [];
  const span = new Span(published);
  const [y, z] = span.orthogonal(people.length, 2, seeded(0x5eed)) as [Float64Array, Float64Array];
  const small = people.map((p, c) => ({ c, p })).filter((x) => x.p < min);
  const found = new Map<string, number[]>();
  const check = (set: number[]) => {
    let zs = 0;
    for (const c of set) zs += z[c]!;
    if (!near(zs, 0)) return;
    const sorted = [...set].sort((a, b) => a - b);
    const key = sorted.join(',');
    if (found.has(key)) return;
    const col: Column = new Map(sorted.map((c) => [c, 1]));
    if (span.contains(col)) found.set(key, sorted);
  };
  const singles = small.map(({ c, p }) => ({ c, p, v: y[c]! })).sort((a, b) => a.v - b.v || a.c - b.c);
  for (const s of singles) if (near(s.v, 0)) check([s.c]);
  for (const a of singles) for (const b of around(singles, -a.v)) if (b.c > a.c && a.p + b.p < min) check([a.c, b.c]);
  if (small.length > THREE_CELL_LIMIT) return sorted(found);
  const keep = small.length <= FOUR_CELL_LIMIT;
  const pairs: { a: number; b: number; p: number; v: number }[] = [];
  for (let i = 0; i < small.length; i++)
    for (let j = i + 1; j < small.length; j++) {
      const a = small[i]!;
      const b = small[j]!;
      if (a.p + b.p >= min - 1) continue;
      const pr = { a: Math.min(a.c, b.c), b: Math.max(a.c, b.c), p: a.p + b.p, v: y[a.c]! + y[b.c]! };
      for (const s of around(singles, -pr.v)) if (s.c > pr.b && pr.p + s.p < min) check([pr.a, pr.b, s.c]);
      if (keep) pairs.push(pr);
    }
  if (keep) {
    pairs.sort((x, w) => x.v - w.v);
    for (const pr of pairs) for (const q of around(pairs, -pr.v)) if (q.a > pr.a && q.a !== pr.b && q.b !== pr.b && q.b !== pr.a && pr.p + q.p < min) check([pr.a, pr.b, q.a, q.b]);
  }
  return sorted(found);
}

const sorted = (found: Map<string, number[]>) => [...found.values()].sort((a, b) => a.length - b.length || a[0]! - b[0]!);
