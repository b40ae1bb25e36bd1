/**
 * The score cube: every response folded into one cell per wave × account × role ×
 * confidential × segment values, each holding the 11-bin score histogram and, per rated
 * attribute, additive tallies (ratings, sums and low ratings by category; moments against the
 * score). Cells add, so cubes from file chunks, workers or a warehouse's GROUP BY merge by
 * addition, and every score figure of the model is a sum of cells (cube/derive.ts).
 * Shape and columns: docs/cube.md.
 */
import { addScore, emptyHistogram, type Histogram } from '../model/histogram.ts';
import { categoryIndex } from '../model/categories.ts';

/** Numbers kept per rated attribute in a cell (see RATING_FIELDS). */
export const RATING_WIDTH = 15;
/**
 * Per attribute, in order: for detractors, passives and promoters (score category) the number
 * of ratings, their sum and the low ones; then the moments against the 0–10 score.
 */
export const RATING_FIELDS = [
  'detractor_n',
  'detractor_sum',
  'detractor_low',
  'passive_n',
  'passive_sum',
  'passive_low',
  'promoter_n',
  'promoter_sum',
  'promoter_low',
  'n',
  'sum_rating',
  'sum_score',
  'sum_rating_sq',
  'sum_score_sq',
  'sum_rating_score',
] as const;

export interface CubeCell {
  wave: number;
  /** undefined: the response names no account. */
  account: string | undefined;
  /** program.yml role id; undefined when the contact has none. */
  role: string | undefined;
  confidential: boolean;
  /** One value per program.yml segment dimension, in its order ("Not known" when missing). */
  segments: string[];
  histogram: Histogram;
  /** RATING_WIDTH numbers per rated attribute; null when no rating was given in this cell. */
  ratings: Float64Array | null;
}

export interface CubeResponse {
  waveIndex: number;
  accountId?: string | undefined;
  roleId?: string | undefined;
  confidential: boolean;
  score: number;
  ratings: readonly (number | undefined)[];
}

const SEP = '\u001f';

export class ScoreCube {
  readonly cells = new Map<string, CubeCell>();
  /** Per rated attribute, the highest rating that counts as low. */
  readonly lows: readonly number[];

  constructor(lows: readonly number[]) {
    this.lows = lows;
  }

  add(r: CubeResponse, segments: string[]): void {
    const key = `${r.waveIndex}${SEP}${r.accountId === undefined ? '' : `a${r.accountId}`}${SEP}${r.roleId ?? ''}${SEP}${r.confidential ? 1 : 0}${SEP}${segments.join(SEP)}`;
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = { wave: r.waveIndex, account: r.accountId, role: r.roleId, confidential: r.confidential, segments, histogram: emptyHistogram(), ratings: null };
      this.cells.set(key, cell);
    }
    const score = r.score;
    addScore(cell.histogram, score);
    const cat = categoryIndex(score);
    for (let k = 0; k < r.ratings.length; k++) {
      const x = r.ratings[k];
      if (x === undefined) continue;
      cell.ratings ??= new Float64Array(this.lows.length * RATING_WIDTH);
      const t = cell.ratings;
      const o = k * RATING_WIDTH;
      t[o + cat * 3]!++;
      t[o + cat * 3 + 1]! += x;
      if (x <= this.lows[k]!) t[o + cat * 3 + 2]!++;
      t[o + 9]!++;
      t[o + 10]! += x;
      t[o + 11]! += score;
      t[o + 12]! += x * x;
      t[o + 13]! += score * score;
      t[o + 14]! += x * score;
    }
  }

  /** The cells of one wave, in a stable order (by key). */
  cellsOf(wave: number): CubeCell[] {
    const out: [string, CubeCell][] = [];
    for (const entry of this.cells) if (entry[1].wave === wave) out.push(entry);
    out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return out.map(([, c]) => c);
  }
}
