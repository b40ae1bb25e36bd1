/**
 * Secondary suppression by Gaussian elimination, after Statistics Norway's GaussSuppression
 * (Langsrud 2024, "Secondary cell suppression by Gaussian elimination: an algorithm suitable for
 * handling issues with zeros and singletons", PSD 2024, doi:10.1007/978-3-031-69651-0_6; the R
 * packages SSBtools and GaussSuppression).
 *
 * Every published cell is a sum of inner cells (the finest groups a reader cannot split): a
 * column of 0/1 over the inner cells. A primary suppressed cell is safe when its column is not
 * a linear combination of the published columns: then no sum, difference or any other linear
 * combination of published figures gives it. The candidates are taken in order (those to
 * publish most first); each is reduced by the columns already published. If nothing is left of
 * it, it adds no information and is published. Otherwise it is published unless, eliminated
 * from the primary cells' remainders, it would wipe one of them out: then it is suppressed
 * (secondary). What a reader can compute is then exactly the span of the published columns, and
 * no primary cell is in it.
 */

/** A column: inner cell index -> coefficient (only non-zero entries). */
export type Column = Map<number, number>;

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

const EPS = 1e-9;

const columnOf = (inner: readonly number[]): Column => {
  const c: Column = new Map();
  for (const i of inner) c.set(i, (c.get(i) ?? 0) + 1);
  return c;
};

/** The published basis: each vector with its pivot (an inner cell no later vector uses). */
class Basis {
  private readonly vectors: { pivot: number; v: Column }[] = [];

  /** `c` minus its projection on the basis (a copy; zero entries dropped). */
  reduce(c: Column): Column {
    const r = new Map(c);
    for (const { pivot, v } of this.vectors) {
      const f = r.get(pivot);
      if (f === undefined) continue;
      const scale = f / v.get(pivot)!;
      for (const [k, x] of v) {
        const y = (r.get(k) ?? 0) - scale * x;
        if (Math.abs(y) < EPS) r.delete(k);
        else r.set(k, y);
      }
    }
    return r;
  }

  add(r: Column): { pivot: number; v: Column } {
    // The pivot with the largest coefficient keeps the elimination stable.
    let pivot = -1;
    let best = 0;
    for (const [k, x] of r) if (Math.abs(x) > best || (Math.abs(x) === best && k < pivot)) [pivot, best] = [k, Math.abs(x)];
    const entry = { pivot, v: r };
    this.vectors.push(entry);
    return entry;
  }
}

/** `r` with `v`'s pivot eliminated (a copy). */
function eliminate(r: Column, e: { pivot: number; v: Column }): Column {
  const f = r.get(e.pivot);
  if (f === undefined) return r;
  const out = new Map(r);
  const scale = f / e.v.get(e.pivot)!;
  for (const [k, x] of e.v) {
    const y = (out.get(k) ?? 0) - scale * x;
    if (Math.abs(y) < EPS) out.delete(k);
    else out.set(k, y);
  }
  return out;
}

export function gaussSuppression(input: GaussInput): GaussResult {
  const primary = new Set(input.primary);
  const forced = new Set(input.forced ?? []);
  const basis = new Basis();
  // Each primary cell's remainder after the published columns; zero means it is derivable.
  let remainders = [...primary].sort((a, b) => a - b).map((p) => ({ p, r: columnOf(input.cells[p]!) }));
  const exposed: number[] = [];
  const publish = (r: Column) => {
    const e = basis.add(r);
    remainders = remainders.map(({ p, r: rem }) => ({ p, r: eliminate(rem, e) }));
  };
  for (const f of [...forced].sort((a, b) => a - b)) {
    if (primary.has(f)) continue;
    const r = basis.reduce(columnOf(input.cells[f]!));
    if (r.size > 0) publish(r);
  }
  remainders = remainders.filter(({ p, r }) => {
    if (r.size > 0) return true;
    exposed.push(p);
    return false;
  });
  const listed = new Set(input.order ?? []);
  const order = [...(input.order ?? []), ...input.cells.map((_, i) => i).filter((i) => !listed.has(i))].filter((c) => !primary.has(c) && !forced.has(c));
  const secondary: number[] = [];
  for (const c of order) {
    const r = basis.reduce(columnOf(input.cells[c]!));
    if (r.size === 0) continue; // already derivable: publishing it tells nothing new
    const trial = { pivot: -1, v: r };
    // Would publishing c make a primary cell derivable? Eliminate c's pivot from each remainder.
    let pivot = -1;
    let best = 0;
    for (const [k, x] of r) if (Math.abs(x) > best || (Math.abs(x) === best && k < pivot)) [pivot, best] = [k, Math.abs(x)];
    trial.pivot = pivot;
    if (remainders.some(({ r: rem }) => eliminate(rem, trial).size === 0)) {
      secondary.push(c);
      continue;
    }
    publish(r);
  }
  return { secondary: secondary.sort((a, b) => a - b), exposed: exposed.sort((a, b) => a - b) };
}
