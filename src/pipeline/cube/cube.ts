/**
 * The score cube: every response folded into one cell per wave × account × role ×
 * confidential × segment values, each holding the 11-bin score histogram and, per rated
 * attribute, additive tallies (ratings, sums and low ratings by category; moments against the
 * score). Cells add, so cubes from file chunks, workers or a warehouse's GROUP BY merge by
 * addition, and every score figure of the model is a sum of cells (cube/derive.ts).
 * Shape and columns: docs/cube.md.
 */
import { emptyHistogram, type Histogram } from '../model/histogram.ts';
import { categoryIndex } from '../model/categories.ts';

/** The highest rating that counts as low: the bottom 40% of the attribute's scale. */
export const lowRating = ([lo, hi]: readonly [number, number]) => lo + Math.floor((hi - lo) * 0.4);

/** A segment value a response has none of. */
export const NOT_KNOWN = 'Not known';

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
  /**
   * Distinct people among the cell's responses: a contact counts once per wave (in the cell of
   * their first answer); a response without a contact id counts as one person. Disclosure
   * control counts groups in people (disclosure/).
   */
  people: number;
  /** Answers with a submitted date (the rest are kept without one). */
  dated: number;
  /** The latest submitted date (YYYY-MM-DD) among the cell's answers; a wave's "as of" date falls back to its latest. */
  lastSubmitted: string | undefined;
  /** RATING_WIDTH numbers per rated attribute; null when no rating was given in this cell. */
  ratings: Float64Array | null;
}

export interface CubeResponse {
  waveIndex: number;
  accountId?: string | undefined;
  roleId?: string | undefined;
  confidential: boolean;
  score: number;
  submittedAt?: string | undefined;
  ratings: readonly (number | undefined)[];
}

/** Where a cell sits: its wave index and key values. */
export interface CellKey {
  wave: number;
  account: string | undefined;
  role: string | undefined;
  confidential: boolean;
  segments: string[];
}

const SEP = '\u001f';
/** Cells per account searched one by one before the key is built. */
const MAX_SCANNED = 32;

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return a.length === b.length;
}

const keyOf = (wave: number, account: string | undefined, role: string | undefined, confidential: boolean, segments: readonly string[]) =>
  `${wave}${SEP}${account === undefined ? '' : `a${account}`}${SEP}${role ?? ''}${SEP}${confidential ? 1 : 0}${SEP}${segments.join(SEP)}`;

export class ScoreCube {
  readonly cells = new Map<string, CubeCell>();
  /**
   * Per wave and account, the cells it has so far (a few: its roles × confidential × segment
   * values), so that a response finds its cell without building its key string.
   */
  private readonly ofAccount: Map<string | undefined, CubeCell[]>[] = [];
  /** Identified cell -> its confidential twin, while answers move (makeConfidential). */
  private readonly twins = new Map<CubeCell, CubeCell>();
  /** Per rated attribute, the highest rating that counts as low. */
  readonly lows: readonly number[];

  constructor(lows: readonly number[]) {
    this.lows = lows;
  }

  /** Folds one response into its cell and returns the cell. `newPerson`: the response adds a person to the cell. */
  add(r: CubeResponse, segments: string[], newPerson = true): CubeCell {
    const cell = this.cellAt(r.waveIndex, r.accountId, r.roleId, r.confidential, segments);
    this.fold(cell, r.score, r.ratings, 1);
    if (newPerson) cell.people++;
    if (r.submittedAt !== undefined) {
      cell.dated++;
      if (cell.lastSubmitted === undefined || r.submittedAt > cell.lastSubmitted) cell.lastSubmitted = r.submittedAt;
    }
    return cell;
  }

  /**
   * Moves one identified response into the confidential twin of its cell: its contact chose
   * confidentiality in another wave, and the choice holds for every answer they gave.
   */
  makeConfidential(cell: CubeCell, score: number, ratings: readonly (number | undefined)[], person: boolean, submittedAt: string | undefined): void {
    if (cell.confidential) return;
    let twin = this.twins.get(cell);
    if (twin === undefined) this.twins.set(cell, (twin = this.cellAt(cell.wave, cell.account, cell.role, true, cell.segments)));
    this.fold(cell, score, ratings, -1);
    this.fold(twin, score, ratings, 1);
    if (person) {
      cell.people--;
      twin.people++;
    }
    if (submittedAt !== undefined) {
      cell.dated--;
      twin.dated++;
      if (twin.lastSubmitted === undefined || submittedAt > twin.lastSubmitted) twin.lastSubmitted = submittedAt;
    }
  }

  /**
   * Adds one supplied cell (the cube path: a warehouse's GROUP BY, or DuckDB's) into the cell of
   * its key. Supplied cells add like streamed ones, so a cube split over files or rows merges.
   */
  addCell(key: CellKey, histogram: readonly number[], people: number, dated: number, lastSubmitted: string | undefined): CubeCell {
    const cell = this.cellAt(key.wave, key.account, key.role, key.confidential, key.segments);
    for (let s = 0; s < 11; s++) cell.histogram[s]! += histogram[s]!;
    cell.people += people;
    cell.dated += dated;
    if (lastSubmitted !== undefined && (cell.lastSubmitted === undefined || lastSubmitted > cell.lastSubmitted)) cell.lastSubmitted = lastSubmitted;
    return cell;
  }

  /** The cell of a key, if it has answers (a supplied ratings row must belong to a scores row). */
  cellOf(key: CellKey): CubeCell | undefined {
    return this.cells.get(keyOf(key.wave, key.account, key.role, key.confidential, key.segments));
  }

  /** Adds one attribute's supplied tallies (RATING_FIELDS order) into a cell. */
  addTallies(cell: CubeCell, attribute: number, tallies: readonly number[]): void {
    cell.ratings ??= new Float64Array(this.lows.length * RATING_WIDTH);
    const o = attribute * RATING_WIDTH;
    for (let j = 0; j < RATING_WIDTH; j++) cell.ratings[o + j]! += tallies[j]!;
  }

  /** Removes the cells every answer moved out of (after makeConfidential). */
  dropEmpty(): void {
    for (const [key, cell] of this.cells) if (cell.histogram.every((c) => c === 0)) this.cells.delete(key);
    this.twins.clear();
    this.ofAccount.length = 0;
  }

  private cellAt(wave: number, account: string | undefined, role: string | undefined, confidential: boolean, segments: string[]): CubeCell {
    const ofWave = (this.ofAccount[wave] ??= new Map());
    let mine = ofWave.get(account);
    if (mine === undefined) ofWave.set(account, (mine = []));
    for (const c of mine) if (c.role === role && c.confidential === confidential && sameValues(c.segments, segments)) return c;
    const key = keyOf(wave, account, role, confidential, segments);
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = { wave, account, role, confidential, segments, histogram: emptyHistogram(), people: 0, dated: 0, lastSubmitted: undefined, ratings: null };
      this.cells.set(key, cell);
    }
    // A long list (answers without an account, over many segment values) is searched by key instead.
    if (mine.length < MAX_SCANNED) mine.push(cell);
    return cell;
  }

  /** Adds (sign 1) or takes away (sign −1) one response's score and ratings. */
  private fold(cell: CubeCell, score: number, ratings: readonly (number | undefined)[], sign: 1 | -1): void {
    cell.histogram[score]! += sign;
    const cat = categoryIndex(score);
    for (let k = 0; k < ratings.length; k++) {
      const x = ratings[k];
      if (x === undefined) continue;
      cell.ratings ??= new Float64Array(this.lows.length * RATING_WIDTH);
      const t = cell.ratings;
      const o = k * RATING_WIDTH;
      t[o + cat * 3]! += sign;
      t[o + cat * 3 + 1]! += sign * x;
      if (x <= this.lows[k]!) t[o + cat * 3 + 2]! += sign;
      t[o + 9]! += sign;
      t[o + 10]! += sign * x;
      t[o + 11]! += sign * score;
      t[o + 12]! += sign * x * x;
      t[o + 13]! += sign * score * score;
      t[o + 14]! += sign * x * score;
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
