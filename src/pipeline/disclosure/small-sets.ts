/**
 * Sets that published figures give away although no single protected vector names them: unions
 * of one to four units (inner cells, or groups of them) whose indicator lies in the span of the
 * published columns, with a total cost under a limit. Two uses:
 * - small sets of people: units are the inner cells, cost their people, limit the minimum. With
 *   at least one person per cell, a set of fewer than 5 people has at most 4 cells, so for
 *   minimums up to 5 the search is exhaustive; above, sets of up to four cells are checked;
 * - choices of confidentiality: units are the accounts whose unnamed invitees all answered
 *   confidentially, at no cost: any union of them a reader can compute says that each of those
 *   invitees chose confidentiality (unions of up to four accounts are checked).
 *
 * A set S is in the span exactly when y · 1_S = 0 for every y orthogonal to the span. With two
 * random orthogonal vectors (Span.orthogonal), the search is a subset-sum over one number per
 * unit: sorted values and pair sums find the sets whose values sum to zero, the second vector
 * screens them and the span itself confirms each. Deterministic: the random vectors come from a
 * fixed seed.
 */
import type { Column, Span } from './gauss.ts';

/** Above this many units, only sets of up to three units are searched (pair sums grow as the square)… */
const FOUR_UNIT_LIMIT = 1500;
/** …and above this many, only sets of up to two. */
const THREE_UNIT_LIMIT = 5000;

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * (1 + Math.abs(a) + Math.abs(b));

/** Entries of `sorted` (ascending by value) whose value is within tolerance of `target`. */
function around<T extends { v: number }>(sorted: readonly T[], target: number): T[] {
  const tol = 1e-9 * (1 + 2 * Math.abs(target)) + 1e-12;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.v < target - tol) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.v <= target + tol; i++) out.push(sorted[i]!);
  return out;
}

export interface Units {
  /** Each unit's inner cells. */
  cells: readonly (readonly number[])[];
  /** Each unit's cost; a set counts when its units' costs add up to less than `limit`. */
  cost: readonly number[];
  limit: number;
}

/** Each union of units in `span` (what is published) (unit indexes, ascending), smallest first. */
export function exposedUnions(units: Units, span: Span, cellCount: number): number[][] {
  if (units.cells.length === 0) return [];
  const [y, z] = span.orthogonal(cellCount, 2, seeded(0x5eed)) as [Float64Array, Float64Array];
  const sum = (v: Float64Array, u: number) => units.cells[u]!.reduce((t, c) => t + v[c]!, 0);
  const list = units.cells.map((_, u) => ({ u, p: units.cost[u]!, v: sum(y, u), w: sum(z, u) })).filter((x) => x.p < units.limit);
  const least = list.reduce((m, x) => Math.min(m, x.p), Infinity);
  const found = new Map<string, number[]>();
  const check = (set: { u: number; w: number }[]) => {
    if (
      !near(
        set.reduce((t, x) => t + x.w, 0),
        0,
      )
    )
      return;
    const sorted = set.map((x) => x.u).sort((a, b) => a - b);
    const key = sorted.join(',');
    if (found.has(key)) return;
    const col: Column = new Map();
    for (const u of sorted) for (const c of units.cells[u]!) col.set(c, (col.get(c) ?? 0) + 1);
    if (span.contains(col)) found.set(key, sorted);
  };
  const singles = [...list].sort((a, b) => a.v - b.v || a.u - b.u);
  for (const s of singles) if (near(s.v, 0)) check([s]);
  for (const a of singles) for (const b of around(singles, -a.v)) if (b.u > a.u && a.p + b.p < units.limit) check([a, b]);
  if (list.length > THREE_UNIT_LIMIT) return ordered(found);
  const keep = list.length <= FOUR_UNIT_LIMIT;
  const pairs: { a: (typeof list)[number]; b: (typeof list)[number]; p: number; v: number }[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = list[i]!.u < list[j]!.u ? [list[i]!, list[j]!] : [list[j]!, list[i]!];
      // room for at least one more unit
      if (a.p + b.p + least >= units.limit) continue;
      const pr = { a, b, p: a.p + b.p, v: a.v + b.v };
      for (const s of around(singles, -pr.v)) if (s.u > b.u && pr.p + s.p < units.limit) check([a, b, s]);
      if (keep) pairs.push(pr);
    }
  if (keep) {
    pairs.sort((x, w) => x.v - w.v);
    for (const pr of pairs)
      for (const q of around(pairs, -pr.v)) {
        const ids = new Set([pr.a.u, pr.b.u, q.a.u, q.b.u]);
        if (q.a.u > pr.a.u && ids.size === 4 && pr.p + q.p < units.limit) check([pr.a, pr.b, q.a, q.b]);
      }
  }
  return ordered(found);
}

const ordered = (found: Map<string, number[]>) => [...found.values()].sort((a, b) => a.length - b.length || a[0]! - b[0]!);

/**
 * `people[c]`: the people in inner cell c (at least 1); `span`: what a reader can compute.
 * Returns each set of fewer than `min` people found (cell indexes, ascending), smallest first.
 */
export function exposedSmallSets(people: readonly number[], span: Span, min: number): number[][] {
  return exposedUnions({ cells: people.map((_, c) => [c]), cost: people, limit: min }, span, people.length);
}
