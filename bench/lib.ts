/** Shared by the benchmarks: seeded randomness, sample comments and a fast line writer. */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** mulberry32: small, seeded, good enough for synthetic data. */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Comments with commas, quotes, line breaks, accents, CJK, Arabic and emoji. */
export const COMMENTS = [
  'The reporting module is hard to use, and exports take too long.',
  'Support answered quickly; the account team knows our business.',
  '"Dashboards" are slow on Monday mornings, otherwise fine.',
  'Forecasts are accurate.\nOnboarding took longer than planned.',
  'Les rapports sont difficiles à configurer.',
  'レポート機能が使いにくいです。',
  'التقارير بطيئة جدا 🙁',
  'Great product 👍, pricing is high for our size',
];

export const THEMES = ['reporting usability', 'dashboard performance', 'support responsiveness', 'onboarding', 'pricing', 'data connectors', 'account team'];

/** A CSV cell for a comment: quoted, inner quotes doubled; empty stays empty. */
export const quoted = (c: string) => (c === '' ? '' : `"${c.replace(/"/g, '""')}"`);

/** Writes `header` and `count` lines made by `line`, buffered, honouring back-pressure. */
export async function writeLines(path: string, header: string, count: number, line: (i: number) => string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(header + '\n');
  let buf = '';
  for (let i = 0; i < count; i++) {
    buf += line(i) + '\n';
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
}
