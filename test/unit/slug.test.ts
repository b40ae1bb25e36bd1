import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slugsFor } from '../../src/pipeline/util/slug.ts';

describe('slugsFor', () => {
  it('keeps readable names readable', () => {
    const s = slugsFor(['reporting usability', 'A0001', 'Ä-3 Straße']);
    expect(s.get('reporting usability')).toBe('reporting-usability');
    expect(s.get('A0001')).toBe('a0001');
    expect(s.get('Ä-3 Straße')).toBe('a-3-stra-e');
  });
  it('separates names that would collide, and names that leave nothing', () => {
    const s = slugsFor(['C++ & Co', 'c++ & co', '..', '?']);
    expect(s.get('C++ & Co')).not.toBe(s.get('c++ & co'));
    expect(s.get('..')).toMatch(/^item-[0-9a-f]{8}$/);
    expect(s.get('?')).not.toBe(s.get('..'));
  });
  it('gives any set of names unique, URL-safe slugs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 12 }), { maxLength: 40 }), (names) => {
        const s = slugsFor(names);
        const values = names.map((n) => s.get(n)!);
        expect(new Set(values).size).toBe(names.length);
        for (const v of values) expect(v).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
    );
  });
});
