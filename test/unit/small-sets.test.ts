/** The search for small sets a published span gives away, against brute force. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exposedSmallSets } from '../../src/pipeline/disclosure/small-sets.ts';
import { columnOf, Span } from '../../src/pipeline/disclosure/gauss.ts';
import { derivable } from '../helpers/attacker.ts';

describe('small sets given away by published sums', () => {
  it('finds a difference of two sums that leaves two people', () => {
    // cells 0–3 hold 1, 1, 3 and 3 people; a reader has {0,1,2,3} and {2,3}: {0,1} is 2 people
    expect(exposedSmallSets([1, 1, 3, 3], new Span([columnOf([0, 1, 2, 3]), columnOf([2, 3])]), 5)).toEqual([[0, 1]]);
  });

  it('finds a single cell, a published set that is itself small, and nothing when every set in the span is large', () => {
    // {0,1,2} − {1,2} = {0} (2 people); {1,2} itself is 4 people
    expect(exposedSmallSets([2, 2, 2], new Span([columnOf([0, 1, 2]), columnOf([1, 2])]), 5)).toEqual([[0], [1, 2]]);
    expect(exposedSmallSets([2, 2, 2], new Span([columnOf([0, 1, 2])]), 5)).toEqual([]);
  });

  it('finds exactly the sets of fewer than the minimum that are in the span (brute force over every subset)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        (people, picks) => {
          const n = people.length;
          const published = picks.map((p) => [...new Set(p.map((x) => x % n))]);
          const found = exposedSmallSets(people, new Span(published.map((c) => columnOf(c))), 5).map((s) => s.join(','));
          const expected: string[] = [];
          for (let mask = 1; mask < 1 << n; mask++) {
            const set = [...Array(n).keys()].filter((i) => mask & (1 << i));
            if (set.length > 4 || set.reduce((t, i) => t + people[i]!, 0) >= 5) continue;
            if (derivable(published, set, n)) expected.push(set.join(','));
          }
          expect(new Set(found)).toEqual(new Set(expected));
        },
      ),
      { numRuns: 300 },
    );
  });
});
