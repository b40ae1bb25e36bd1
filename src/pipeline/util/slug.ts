/**
 * URL segments for names that come from the data (account ids, themes): readable, stable and
 * unique. A name is lower-cased, accents dropped and anything but letters and digits turned into
 * "-"; names that would then collide, or leave nothing, get a short hash of the original.
 */
import { createHash } from 'node:crypto';

function base(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const hash = (name: string) => createHash('sha256').update(name).digest('hex').slice(0, 8);

/** name -> slug for a whole set of names, so that no two share one. */
export function slugsFor(names: Iterable<string>): Map<string, string> {
  const all = [...new Set(names)];
  const byBase = new Map<string, string[]>();
  for (const n of all) {
    const b = base(n);
    byBase.set(b, [...(byBase.get(b) ?? []), n]);
  }
  const out = new Map<string, string>();
  for (const [b, group] of byBase) {
    for (const n of group) out.set(n, b !== '' && group.length === 1 ? b : `${b || 'item'}-${hash(n)}`);
  }
  return out;
}
