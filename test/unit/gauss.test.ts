/** Secondary suppression by Gaussian elimination, checked by an attacker who solves the published sums. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gaussSuppression } from '../../src/pipeline/disclosure/gauss.ts';
import { derivable } from '../helpers/attacker.ts';

/** An r × c table with row, column and grand totals: inner cells are the r·c interior cells. */
function table(r: number, c: number) {
  const cells: number[][] = [];
  const interior = (i: number, j: number) => i * c + j;
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) cells.push([interior(i, j)]);
  for (let i = 0; i < r; i++) cells.push(Array.from({ length: c }, (_, j) => interior(i, j)));
  for (let j = 0; j < c; j++) cells.push(Array.from({ length: r }, (_, i) => interior(i, j)));
  cells.push(Array.from({ length: r * c }, (_, k) => k));
  return { cells, inner: r * c, total: cells.length - 1 };
}

describe('Gaussian elimination suppression', () => {
  it('hides the whole interior of a 2 × 2 table with its margins to protect one cell', () => {
    const t = table(2, 2);
    // margins first (cells 4–7), as statistical offices prefer to publish them
    const out = gaussSuppression({ cells: t.cells, primary: [0], forced: [t.total], order: [4, 5, 6, 7, 1, 2, 3] });
    // a = row 1 − b = column 1 − c = total − row 2 − column 2 + d: b, c and d must all go
    expect(out.secondary).toEqual([1, 2, 3]);
    expect(out.exposed).toEqual([]);
  });

  it('suppresses the cells considered last, so an order by size hides the smallest', () => {
    const t = table(3, 3);
    // interior cells 0..8; protect cell 0; prefer to publish the margins and the cells listed first
    const order = [t.total, 9, 10, 11, 12, 13, 14, 8, 7, 6, 5, 2, 4, 1, 3];
    const out = gaussSuppression({ cells: t.cells, primary: [0], order });
    expect(out.secondary).toEqual([1, 3, 4]);
    const published = t.cells.filter((_, i) => i !== 0 && !out.secondary.includes(i));
    expect(derivable(published, t.cells[0]!, t.inner)).toBe(false);
  });

  it('says when the forced cells alone give a primary cell away', () => {
    // A one-cell table: the total is the cell.
    const out = gaussSuppression({ cells: [[0], [0]], primary: [0], forced: [1] });
    expect(out.exposed).toEqual([0]);
  });

  it('leaves no primary cell derivable from what is published, whatever the table and the primaries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (r, c, picks, shuffle) => {
          const t = table(r, c);
          const primary = [...new Set(picks.map((p) => p % t.inner))];
          const order = shuffle.map((s) => s % t.cells.length);
          const out = gaussSuppression({ cells: t.cells, primary, forced: [t.total], order });
          const hidden = new Set([...primary, ...out.secondary]);
          const published = t.cells.filter((_, i) => !hidden.has(i));
          for (const p of primary) if (!out.exposed.includes(p)) expect(derivable(published, t.cells[p]!, t.inner)).toBe(false);
          // and what it calls exposed really is derivable from the total alone
          for (const p of out.exposed) expect(derivable([t.cells[t.total]!], t.cells[p]!, t.inner)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
