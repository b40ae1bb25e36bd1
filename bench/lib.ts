/** Shared by the benchmarks: seeded randomness, sample comments and a fast line writer. */
import { createReadStream, createWriteStream, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';

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

/** The peer: papaparse alone streaming `file` (reading and splitting only); returns data rows. */
export async function bareParse(file: string): Promise<number> {
  let rows = 0;
  await new Promise<void>((resolve, reject) =>
    Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as unknown as File, {
      delimiter: ',',
      chunk: (r) => void (rows += r.data.length),
      complete: () => resolve(),
      error: reject,
    }),
  );
  return rows - 1;
}

/** Every file under `dir` with its size, largest first. */
export function filesBySize(dir: string): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push({ path: p, bytes: statSync(p).size });
    }
  };
  walk(dir);
  return out.sort((a, b) => b.bytes - a.bytes);
}
