/**
 * Key-driver strength: the Pearson correlation between an attribute's rating and the 0–10
 * recommend score, over the responses that rated it, with a 95% interval from Fisher's z
 * transform (z = atanh r, se = 1/√(n − 3)). A driver is significant when the interval excludes
 * zero. Built from additive moments, so it streams and merges like the histograms.
 */
import { Z95, twoSidedP } from './normal.ts';

export interface Moments {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
}

export const emptyMoments = (): Moments => ({ n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 });

export function addPair(m: Moments, x: number, y: number): void {
  m.n++;
  m.sx += x;
  m.sy += y;
  m.sxx += x * x;
  m.syy += y * y;
  m.sxy += x * y;
}

export interface Correlation {
  n: number;
  r: number;
  ci95: [number, number];
  p: number;
  significant: boolean;
}

export function correlation(m: Moments): Correlation | null {
  if (m.n < 4) return null;
  const cov = m.sxy - (m.sx * m.sy) / m.n;
  const vx = m.sxx - (m.sx * m.sx) / m.n;
  const vy = m.syy - (m.sy * m.sy) / m.n;
  if (vx <= 0 || vy <= 0) return null;
  const r = Math.max(-1, Math.min(1, cov / Math.sqrt(vx * vy)));
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, r)));
  const se = 1 / Math.sqrt(m.n - 3);
  const p = twoSidedP(z / se);
  return { n: m.n, r, ci95: [Math.tanh(z - Z95 * se), Math.tanh(z + Z95 * se)], p, significant: Math.abs(z / se) > Z95 };
}
