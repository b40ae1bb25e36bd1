/**
 * Segment suppression over all of a wave's dimensions at once, attacked by solving the sums and
 * differences of every published value across dimensions.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suppressWaveSegments, type SegmentCell } from '../../src/pipeline/disclosure/wave-segments.ts';
import { suppressPartition } from '../../src/pipeline/stats/suppression.ts';
import { derivable } from '../helpers/attacker.ts';

const MIN = 5;

/** Random waves: each response falls in one value per dimension. */
const waves = (dimensions: number) =>
  fc.array(fc.tuple(...Array.from({ length: dimensions }, () => fc.constantFrom('a', 'b', 'c', 'd'))), { minLength: 1, maxLength: 60 }).map((responses) => {
    const cells = new Map<string, SegmentCell>();
    for (const values of responses) {
      const key = values.join('|');
      const c = cells.get(key);
      if (c) c.n++;
      else cells.set(key, { values, n: 1 });
    }
    return [...cells.values()];
  });

/** The attacker's view: inner cells are responses (one per unit of n), published cells sums of them. */
function attack(cells: SegmentCell[], dimensions: number, hidden: Map<number, Map<string, unknown>>) {
  const units: number[][] = [];
  let next = 0;
  for (const c of cells) units.push(Array.from({ length: c.n }, () => next++));
  const valueCells = (d: number, value: string) => cells.flatMap((c, i) => (c.values[d] === value ? units[i]! : []));
  const published: number[][] = [units.flat()];
  const secrets: number[][] = [];
  for (let d = 0; d < dimensions; d++) {
    const values = [...new Set(cells.map((c) => c.values[d]!))];
    const small: number[] = [];
    for (const v of values) {
      const inner = valueCells(d, v);
      if (hidden.get(d)!.has(v)) {
        if (inner.length < MIN) {
          secrets.push(inner);
          small.push(...inner);
        }
      } else published.push(inner);
    }
    if (small.length > 0 && small.length < MIN) secrets.push(small);
  }
  return { published, secrets, inner: next };
}

describe('segment suppression across dimensions', () => {
  it('protects every small value, and each dimension’s small values together, from sums and differences across all tables', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((d) => waves(d).map((cells) => ({ d, cells }))),
        ({ d, cells }) => {
          const hidden = suppressWaveSegments(cells, d, MIN);
          const { published, secrets, inner } = attack(cells, d, hidden);
          for (const s of secrets) {
            // a small group equal to the whole wave is published as the wave: nothing to protect there
            if (s.length === inner) continue;
            expect(derivable(published, s, inner)).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('suppresses what the one-table rule did when there is one dimension', () => {
    fc.assert(
      fc.property(waves(1), (cells) => {
        const ours = suppressWaveSegments(cells, 1, MIN).get(0)!;
        const partition = suppressPartition(
          cells.map((c) => ({ key: c.values[0]!, n: c.n })),
          MIN,
        );
        // the whole wave in one small value: the wave is published anyway, and so is nothing else
        if (cells.length === 1) return;
        expect([...ours].sort()).toEqual([...partition].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('hides a value that another dimension would give away by difference', () => {
    // region × tier: the Mid-market tier is exactly North America. Hiding EMEA (3) and, as its
    // complement within regions, NA (the smallest other region) is not enough: NA = Mid-market.
    const cells: SegmentCell[] = [
      { values: ['NA', 'Mid-market'], n: 20 },
      { values: ['EMEA', 'Enterprise'], n: 3 },
      { values: ['APAC', 'Enterprise'], n: 25 },
      { values: ['LATAM', 'SMB'], n: 30 },
    ];
    const oneTable = new Map([
      [
        0,
        new Map(
          suppressPartition(
            ['NA', 'EMEA', 'APAC', 'LATAM'].map((key, i) => ({ key, n: cells[i]!.n })),
            MIN,
          ),
        ),
      ],
      [1, new Map()],
    ]);
    expect([...oneTable.get(0)!.keys()].sort()).toEqual(['EMEA', 'NA']);
    const leak = attack(cells, 2, oneTable);
    // the one-table rule leaves EMEA's 3 answers = all − APAC − LATAM − Mid-market
    expect(leak.secrets.some((s) => derivable(leak.published, s, leak.inner))).toBe(true);
    const hidden = suppressWaveSegments(cells, 2, MIN);
    expect(hidden.get(0)!.get('EMEA')).toBe('small');
    const { published, secrets, inner } = attack(cells, 2, hidden);
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) expect(derivable(published, s, inner)).toBe(false);
  });
});
