/**
 * Secondary suppression by Gaussian elimination, after Statistics Norway's GaussSuppression
 * (Langsrud 2024, "Secondary cell suppression by Gaussian elimination: an algorithm suitable for
 * handling issues with zeros and singletons", PSD 2024, doi:10.1007/978-3-031-69651-0_6; the R
 * packages SSBtools and GaussSuppression).
 *
 * Every published figure is one or more sums of inner cells (the finest groups a reader cannot
 * split): columns over the inner cells, with a coefficient each (1 for a count, a role's weight
 * for a weighted roll-up). A protected vector (a small group, a few confidential people) is safe
 * when it is not a linear combination of the published columns: then no sum, difference or any
 * other combination of published figures gives it. The candidates are taken in order (those to
 * publish most first); each is reduced by the columns already published. If nothing is left of
 * it, it adds no information and is published. Otherwise it is published unless, eliminated from
 * the protected vectors' remainders, it would wipe one of them out: then it is suppressed. What a
 * reader can compute is then exactly the span of the published columns, and no protected vector
 * is in it.
 */

/** A column: inner cell index -> coefficient (only non-zero entries). */
export type Column = Map<number, number>;

const EPS = 1e-9;

export const columnOf = (inner: readonly number[]): Column => {
  const c: Column = new Map();
  for (const i of inner) c.set(i, (c.get(i) ?? 0) + 1);
  return c;
};

export interface Pivoted {
  pivot: number;
  v: Column;
}

/** The entry with the largest coefficient (ties: the lowest index) keeps the elimination stable. */
function pivotOf(r: Column): number {
  let pivot = -1;
  let best = 0;
  for (const [k, x] of r) if (Math.abs(x) > best + EPS || (Math.abs(x - best) <= EPS && k < pivot)) [pivot, best] = [k, Math.abs(x)];
  return pivot;
}

/** `r` with `e`'s pivot eliminated, in place. */
function eliminateInPlace(r: Column, e: Pivoted): void {
  const f = r.get(e.pivot);
  if (f === undefined) return;
  const scale = f / e.v.get(e.pivot)!;
  for (const [k, x] of e.v) {
    const y = (r.get(k) ?? 0) - scale * x;
    if (Math.abs(y) < EPS) r.delete(k);
    else r.set(k, y);
  }
}

/**
 * The span of some columns over `size` inner cells, to ask what a reader can compute from them:
 * whether a vector is in it, and a few random vectors orthogonal to it (a vector x is in the span
 * exactly when y · x = 0 for every y orthogonal to it; for random y, a single test almost never
 * passes by chance, and a candidate is then checked exactly).
 */
export class Span {
  /** Triangular: each vector is zero at the pivots of the vectors before it. */
  private readonly basis: Pivoted[] = [];

  constructor(columns: readonly Column[] = []) {
    for (const c of columns) {
      const r = this.reduce(c);
      if (r.size > 0) this.append({ pivot: pivotOf(r), v: r });
    }
  }

  /** `c` minus its projection on the span (a copy; zero entries dropped). */
  reduce(c: Column): Column {
    const r = new Map(c);
    for (const e of this.basis) if (r.has(e.pivot)) eliminateInPlace(r, e);
    return r;
  }

  /** Adds a vector already reduced by the span, with its pivot. */
  append(e: Pivoted): void {
    this.basis.push(e);
  }

  contains(c: Column): boolean {
    return this.reduce(c).size === 0;
  }

  /**
   * `k` vectors orthogonal to the span, over cells 0…size−1: random on the cells no basis vector
   * pivots on, then solved for the pivots, last basis vector first (each is zero at the pivots of
   * those before it, so only its own pivot is unknown when its turn comes).
   */
  orthogonal(size: number, k: number, random: () => number): Float64Array[] {
    const pivots = new Set(this.basis.map((e) => e.pivot));
    return Array.from({ length: k }, () => {
      const y = new Float64Array(size);
      for (let i = 0; i < size; i++) if (!pivots.has(i)) y[i] = random() * 2 - 1;
      for (let b = this.basis.length - 1; b >= 0; b--) {
        const { pivot, v } = this.basis[b]!;
        let dot = 0;
        for (const [i, x] of v) if (i !== pivot) dot += x * y[i]!;
        y[pivot] = -dot / v.get(pivot)!;
      }
      return y;
    });
  }
}

export interface EliminationInput {
  /** Each candidate figure: the columns it publishes (all of them, or none). */
  candidates: readonly (readonly Column[])[];
  /** Vectors that must not be derivable from what is published. */
  protect: readonly Column[];
  /** Candidates published whatever happens (before the others). */
  forced?: readonly number[];
  /** The order to consider the other candidates in, most wanted first; those not listed follow by index. */
  order?: readonly number[];
}

export interface EliminationResult {
  /** Per candidate: published or not. */
  published: boolean[];
  /** Protected vectors the forced candidates alone already give away (nothing suppression can do). */
  exposed: number[];
  /** The span of everything published: what a reader can compute. */
  span: Span;
}

/**
 * The engine. The published basis is kept triangular (each vector is zero at the pivots of the
 * vectors before it), and every protected vector is kept as its remainder after the basis, with
 * an index from inner cell to the remainders using it, so that publishing a column touches only
 * the remainders it can change.
 */
export function eliminationSuppression(input: EliminationInput): EliminationResult {
  const span = new Span();
  const remainders: (Column | null)[] = input.protect.map((p) => new Map(p));
  const users = new Map<number, Set<number>>();
  const use = (i: number, r: Column) => {
    for (const k of r.keys()) {
      let s = users.get(k);
      if (s === undefined) users.set(k, (s = new Set()));
      s.add(i);
    }
  };
  remainders.forEach((r, i) => use(i, r!));
  const exposed: number[] = [];
  const publish = (e: Pivoted) => {
    span.append(e);
    for (const i of [...(users.get(e.pivot) ?? [])]) {
      const r = remainders[i]!;
      const before = [...r.keys()];
      eliminateInPlace(r, e);
      for (const k of before) if (!r.has(k)) users.get(k)?.delete(i);
      use(i, r);
    }
  };
  /** The candidate's columns reduced by the basis and by each other (empty ones dropped). */
  const residuals = (cols: readonly Column[]): Pivoted[] => {
    const out: Pivoted[] = [];
    for (const c of cols) {
      const r = span.reduce(c);
      for (const e of out) if (r.has(e.pivot)) eliminateInPlace(r, e);
      if (r.size > 0) out.push({ pivot: pivotOf(r), v: r });
    }
    return out;
  };
  /** Whether publishing `rs` would put a protected vector in the span. */
  const wouldExpose = (rs: Pivoted[]): boolean => {
    const support = new Set<number>();
    for (const e of rs) for (const k of e.v.keys()) support.add(k);
    const touched = new Set<number>();
    for (const e of rs) for (const i of users.get(e.pivot) ?? []) touched.add(i);
    for (const i of touched) {
      const r = remainders[i]!;
      // Only a remainder inside the candidate's support can be wiped out by it.
      let inside = true;
      for (const k of r.keys())
        if (!support.has(k)) {
          inside = false;
          break;
        }
      if (!inside) continue;
      const t = new Map(r);
      for (const e of rs) eliminateInPlace(t, e);
      if (t.size === 0) return true;
    }
    return false;
  };
  const published = input.candidates.map(() => false);
  const forced = [...new Set(input.forced ?? [])].sort((a, b) => a - b);
  for (const f of forced) {
    published[f] = true;
    for (const e of residuals(input.candidates[f]!)) publish(e);
  }
  remainders.forEach((r, i) => {
    if (r!.size === 0) {
      exposed.push(i);
      remainders[i] = new Map([[-1 - i, 1]]); // settled: nothing can expose it further
    }
  });
  const listed = new Set(input.order ?? []);
  const order = [...(input.order ?? []), ...input.candidates.map((_, i) => i).filter((i) => !listed.has(i))];
  for (const c of order) {
    if (published[c] || forced.includes(c)) continue;
    const rs = residuals(input.candidates[c]!);
    if (rs.length > 0 && wouldExpose(rs)) continue;
    published[c] = true;
    for (const e of rs) publish(e);
  }
  return { published, exposed, span };
}

/** The single-column form, for one table of cells that are sums of inner cells. */
export interface GaussInput {
  /** Every cell that may be published or suppressed, as a sum of inner cells. */
  cells: readonly (readonly number[])[];
  /** Cells that must not be derivable (too small, or otherwise sensitive). */
  primary: readonly number[];
  /** Cells published whatever happens (e.g. a wave's total); a primary cell that depends on them alone cannot be protected. */
  forced?: readonly number[];
  /**
   * The order to consider the other cells in: most wanted first (e.g. largest first, so the
   * cells suppressed to protect others are the small ones). Cells not listed come after, by index.
   */
  order?: readonly number[];
}

export interface GaussResult {
  /** Cells suppressed to protect the primary ones. */
  secondary: number[];
  /** Primary cells that the forced cells alone already give away (nothing suppression can do). */
  exposed: number[];
}

export function gaussSuppression(input: GaussInput): GaussResult {
  const primary = [...new Set(input.primary)].sort((a, b) => a - b);
  const isPrimary = new Set(primary);
  const forced = (input.forced ?? []).filter((f) => !isPrimary.has(f));
  // A primary cell is never a candidate: an empty column keeps it unpublished and out of the span.
  const candidates = input.cells.map((c, i) => (isPrimary.has(i) ? [] : [columnOf(c)]));
  const out = eliminationSuppression({ candidates, protect: primary.map((p) => columnOf(input.cells[p]!)), forced, order: input.order ?? [] });
  return {
    secondary: out.published.flatMap((p, i) => (!p && !isPrimary.has(i) ? [i] : [])),
    exposed: out.exposed.map((i) => primary[i]!),
  };
}
