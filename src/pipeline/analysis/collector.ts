/**
 * Folds the stream of valid responses into everything the analysis needs. Score figures go
 * into the score cube (cube/cube.ts: a histogram and rating tallies per wave × account × role ×
 * confidential × segment values), from which every wave's figures are summed (cube/derive.ts).
 * Beside it, only what a figure cannot be computed without: each respondent's score per wave
 * (typed arrays, for response rates and cohort movements), the answers account pages list,
 * theme mentions with a handful of verbatim candidates per theme, and per answer the facts the
 * follow-up queue, account pages and the per-person rule need, in columns (answer-store.ts).
 */
import { IdIndex } from '../ingest/id-index.ts';
import { dayIso } from '../schemas/dates.ts';
import { AnswerStore } from './answer-store.ts';
import type { IngestedResponse } from '../ingest/entities.ts';
import type { ProgramSettings } from '../config/program-schema.ts';
import { themeMatcher } from './themes.ts';
import { ratingColumnsOf } from '../ingest/ingest-program.ts';
import { categoryIndex } from '../model/categories.ts';
import { histogramSize } from '../model/histogram.ts';
import { NOT_KNOWN, ScoreCube, lowRating, type CellKey, type CubeCell } from '../cube/cube.ts';
import { deriveWave, type AccountFigures, type WaveCubeFigures } from '../cube/derive.ts';

export { NOT_KNOWN } from '../cube/cube.ts';
const NO_RATINGS: readonly undefined[] = Object.freeze([]);
/** Verbatim candidates kept per theme and wave. */
const CANDIDATES = 8;

/** What is kept per account beside its cube cells. */
export interface AccountRecordState {
  /** Its answers' positions in the collector's answer store. */
  answers: number[];
  /** Theme -> mentions by the account's respondents. */
  themes: Map<string, number>;
  /** Distinct contacts who answered (a contact answering twice in a wave counts once). */
  respondents: number;
}

export type AccountState = AccountRecordState & AccountFigures;

export interface VerbatimCandidate {
  key: number;
  text: string;
  score: number;
  contactId: string | undefined;
  accountId: string | undefined;
  roleId: string | undefined;
}

export interface ThemeState {
  byCategory: [number, number, number]; // detractor, passive, promoter
  /** The part of byCategory from confidential answers. */
  confidentialByCategory: [number, number, number];
  candidates: VerbatimCandidate[];
}

/** What is kept per wave beside the cube. */
interface WaveRecords {
  comments: number;
  /** Comments from confidential answers. */
  confidentialComments: number;
  accounts: Map<string, AccountRecordState>;
  /** contact id -> score * 2 + confidential */
  respondents: IdIndex;
  themes: Map<string, ThemeState>;
  /** Responses whose themes came from the themes column (else keywords, else none). */
  themesFromColumn: number;
}

/** A wave as the section builders read it: its figures summed from the cube, and its records. */
export interface WaveState extends Omit<WaveCubeFigures, 'accounts'>, Omit<WaveRecords, 'accounts'> {
  accounts: Map<string, AccountState>;
}

function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Collector {
  readonly cube: ScoreCube;
  /** Every answer the records need (the follow-up queue, account pages, verbatims, the per-person rule). */
  readonly answers = new AnswerStore();
  /** The cube cells answers went into, by number (answers keep the number), while answers may still move. */
  private cellList: CubeCell[] = [];
  private cellNumber = new Map<CubeCell, number>();
  private readonly records: WaveRecords[] = [];
  private readonly states: WaveState[] = [];
  private readonly settings: ProgramSettings;
  private readonly matchThemes: (comment: string) => string[];
  private readonly dimensions: string[];
  /** Identified responses' ratings, packed (NaN: not rated), kept only to move them between cells. */
  private ratingPool = new Float64Array(0);
  private ratingPoolUsed = 0;
  private candidatesChosen = false;

  constructor(settings: ProgramSettings) {
    this.settings = settings;
    this.matchThemes = themeMatcher(settings.themes);
    this.dimensions = settings.segments.map((s) => s.id);
    this.cube = new ScoreCube(ratingColumnsOf(settings).map((c) => lowRating(c.scale)));
  }

  private recordsOf(index: number): WaveRecords {
    let w = this.records[index];
    if (w === undefined)
      this.records[index] = w = { comments: 0, confidentialComments: 0, accounts: new Map(), respondents: new IdIndex(), themes: new Map(), themesFromColumn: 0 };
    return w;
  }

  /**
   * Wave `index` as the builders read it (empty when no response of it was valid). Call once
   * the stream has ended: its figures are summed from the cube then, once.
   */
  waveState(index: number): WaveState {
    const done = this.states[index];
    if (done !== undefined) return done;
    this.chooseCandidates();
    const byRole = this.settings.account_weighting === 'role';
    const roles = this.settings.roles;
    const figures = deriveWave(this.cube.cellsOf(index), {
      dimensions: this.dimensions,
      ratingCount: this.cube.lows.length,
      roleWeight: (role) => (byRole && role !== undefined ? (roles[role]?.weight ?? 1) : 1),
      isDecisionMaker: (role) => role !== undefined && roles[role]?.decision_maker === true,
    });
    const records = this.recordsOf(index);
    const accounts = new Map<string, AccountState>();
    for (const [id, f] of figures.accounts) accounts.set(id, { ...(records.accounts.get(id) ?? { answers: [], themes: new Map(), respondents: 0 }), ...f });
    const state: WaveState = { ...figures, ...records, accounts };
    this.states[index] = state;
    return state;
  }

  /** A wave's responses with a submitted date: all of them, or the named ones only (summed from the cube). */
  datedResponses(waveIndex: number, countingConfidential: boolean): number {
    let n = 0;
    for (const cell of this.cube.cellsOf(waveIndex)) if (countingConfidential || !cell.confidential) n += cell.dated;
    return n;
  }

  /** A wave's confidential answers, which raise no named alert (summed from the cube). */
  confidentialAnswers(waveIndex: number): number {
    let n = 0;
    for (const cell of this.cube.cellsOf(waveIndex)) if (cell.confidential) n += histogramSize(cell.histogram);
    return n;
  }

  /**
   * The per-person rule (docs/statistics.md): whoever chose confidentiality in any wave is
   * confidential in every figure, list and export. Their identified answers of other waves are
   * moved into the confidential cells of the cube, they leave the follow-up queue and every
   * list, and their account's themes forget them. Call once, after the stream and before the first waveState.
   * On the cube path the supplied cube has no cells to move from: an answer it would move means
   * the cube was not computed per person, and `onUnmovable` is told (the caller stops the build).
   */
  applyConfidentialContacts(confidential: { has(id: string): boolean }, onUnmovable?: (responseId: string, contactId: string) => void): number {
    const store = this.answers;
    const cube = this.cube;
    // Looked up once per contact, not once per answer.
    const verdicts = new Int8Array(store.contactIds.size);
    let moved = 0;
    for (let i = 0; i < store.size; i++) {
      if (store.confidential.get(i) === 1) continue;
      const c = store.contactNumber(i);
      if (c < 0) continue;
      if (verdicts[c] === 0) verdicts[c] = confidential.has(store.contactIds.keyAt(c)) ? 1 : -1;
      if (verdicts[c] === -1) continue;
      // Hidden from every list from now on, moved or not.
      store.confidential.set(i, 1);
      const n = store.cell.get(i);
      if (n < 0) {
        onUnmovable?.(store.responseId(i), store.contactId(i)!);
        continue;
      }
      moved++;
      const day = store.day.get(i);
      const score = store.score.get(i);
      cube.makeConfidential(this.cellList[n]!, score, this.ratingsOf(store.ratingsAt.get(i)), store.person.get(i) === 1, day >= 0 ? dayIso(day) : undefined);
      const w = this.recordsOf(store.wave.get(i));
      w.respondents.orBits(store.contactIds.keyAt(c), 1);
      const accountId = store.accountId(i);
      const account = accountId === undefined ? undefined : w.accounts.get(accountId);
      const cat = categoryIndex(score);
      for (const theme of store.themes(i)) {
        w.themes.get(theme)!.confidentialByCategory[cat]++;
        if (!account) continue;
        const left = (account.themes.get(theme) ?? 0) - 1;
        if (left > 0) account.themes.set(theme, left);
        else account.themes.delete(theme);
      }
      if (store.hasComment.get(i) === 1) w.confidentialComments++;
    }
    cube.dropEmpty();
    this.ratingPool = new Float64Array(0);
    this.cellList = [];
    this.cellNumber = new Map();
    return moved;
  }

  private keepRatings(ratings: readonly (number | undefined)[]): number {
    if (ratings.every((x) => x === undefined)) return -1;
    const k = this.cube.lows.length;
    if (this.ratingPoolUsed + k > this.ratingPool.length) {
      const grown = new Float64Array(Math.max(1024, this.ratingPool.length * 2));
      grown.set(this.ratingPool);
      this.ratingPool = grown;
    }
    const at = this.ratingPoolUsed;
    for (let j = 0; j < k; j++) this.ratingPool[at + j] = ratings[j] ?? NaN;
    this.ratingPoolUsed += k;
    return at;
  }

  private readonly scratch: (number | undefined)[] = [];

  /** The ratings kept at `at`, in a scratch array the next call overwrites. */
  private ratingsOf(at: number): readonly (number | undefined)[] {
    if (at < 0) return NO_RATINGS;
    const k = this.cube.lows.length;
    for (let j = 0; j < k; j++) {
      const x = this.ratingPool[at + j]!;
      this.scratch[j] = Number.isNaN(x) ? undefined : x;
    }
    return this.scratch;
  }

  /** One valid response of the row path: into the cube, and into the records. */
  add = (r: IngestedResponse): void => {
    const first = this.firstAnswer(r);
    const cell = this.cube.add(
      r,
      this.dimensions.map((d) => r.segments[d] ?? NOT_KNOWN),
      first,
    );
    let n = -1;
    if (!r.confidential) {
      n = this.cellNumber.get(cell) ?? -1;
      if (n < 0) this.cellNumber.set(cell, (n = this.cellList.push(cell) - 1));
    }
    this.record(r, first, n, r.confidential ? -1 : this.keepRatings(r.ratings));
  };

  /**
   * One row of a supplied record extract (the cube path): its score is already in the supplied
   * cube, and its `confidential` flag already applies the per-person rule, so it goes into the
   * records only.
   */
  addRecord = (r: IngestedResponse): void => {
    this.record(r, this.firstAnswer(r), -1, -1);
  };

  /** A supplied cube cell (the cube path). */
  addCell = (key: CellKey, histogram: number[], people: number, dated: number, lastSubmitted: string | undefined): void => {
    this.cube.addCell(key, histogram, people, dated, lastSubmitted);
  };

  /** A supplied cell's tallies for one attribute; false when the cube has no such cell. */
  addTallies = (key: CellKey, attribute: number, tallies: number[]): boolean => {
    const cell = this.cube.cellOf(key);
    if (cell === undefined) return false;
    this.cube.addTallies(cell, attribute, tallies);
    return true;
  };

  /** Registers the respondent: true for a contact's first answer in the wave (it counts for response rates, cohort movements and people). */
  private firstAnswer(r: IngestedResponse): boolean {
    return r.contactId === undefined || this.recordsOf(r.waveIndex).respondents.setIfAbsent(r.contactId, r.score * 2 + (r.confidential ? 1 : 0)) === undefined;
  }

  /** Into the records: the answer store, its account's answers, the wave's comments and themes. `cell`: its cube cell's number (-1: none). */
  private record(r: IngestedResponse, firstAnswer: boolean, cell: number, ratingsAt: number): void {
    const w = this.recordsOf(r.waveIndex);
    const score = r.score;
    const hasComment = r.comment !== undefined && r.comment.trim() !== '';
    let themes: readonly string[] = r.themes;
    if (themes.length > 0) w.themesFromColumn++;
    else if (hasComment) themes = this.matchThemes(r.comment!);
    const at = this.answers.add({
      responseId: r.responseId,
      waveIndex: r.waveIndex,
      score,
      submittedAt: r.submittedAt,
      confidential: r.confidential,
      contactId: r.contactId,
      accountId: r.accountId,
      roleId: r.roleId,
      comment: hasComment ? r.comment : undefined,
      themes,
      cell,
      ratingsAt,
      person: firstAnswer,
    });
    let account: AccountRecordState | undefined;
    if (r.accountId !== undefined) {
      account = w.accounts.get(r.accountId);
      // Keyed by the store's copy of the id: the row's own string would keep its CSV chunk alive.
      if (account === undefined) w.accounts.set(this.answers.accountId(at)!, (account = { answers: [], themes: new Map(), respondents: 0 }));
      account.answers.push(at);
      if (r.contactId !== undefined && firstAnswer) account.respondents++;
    }
    const cat = categoryIndex(score);
    if (hasComment) {
      w.comments++;
      if (r.confidential) w.confidentialComments++;
    }
    for (const theme of themes) {
      // An account's themes are its identified respondents': a confidential comment's theme is never tied to an account.
      if (account && !r.confidential) account.themes.set(theme, (account.themes.get(theme) ?? 0) + 1);
      let t = w.themes.get(theme);
      if (t === undefined) w.themes.set(theme, (t = { byCategory: [0, 0, 0], confidentialByCategory: [0, 0, 0], candidates: [] }));
      t.byCategory[cat]++;
      if (r.confidential) t.confidentialByCategory[cat]++;
    }
  }

  /**
   * Each theme's verbatim candidates, chosen once every answer's confidentiality is final: the
   * CANDIDATES identified comments of the theme with the smallest hash of their response id.
   * Chosen from the answer store, so that both paths (rows, or a supplied extract) choose alike.
   */
  private chooseCandidates(): void {
    if (this.candidatesChosen) return;
    this.candidatesChosen = true;
    const store = this.answers;
    for (let i = 0; i < store.size; i++) {
      if (store.confidential.get(i) === 1 || store.hasComment.get(i) === 0) continue;
      const themes = store.themes(i);
      if (themes.length === 0) continue;
      const w = this.recordsOf(store.wave.get(i));
      const key = hashOf(store.responseId(i));
      // The comment is read only when some theme's list could take it.
      if (!themes.some((theme) => mayTake(w.themes.get(theme)!.candidates, key))) continue;
      const text = store.comment(i)!;
      if (text.trim().length < 20 || text.length > 600) continue;
      for (const theme of themes)
        keepSmallest(w.themes.get(theme)!.candidates, {
          key,
          text,
          score: store.score.get(i),
          contactId: store.contactId(i),
          accountId: store.accountId(i),
          roleId: store.roleId(i),
        });
    }
  }
}

/** Whether a candidate of this key could enter the list (ties by text are settled by keepSmallest). */
const mayTake = (list: readonly VerbatimCandidate[], key: number) => list.length < CANDIDATES || key <= list[list.length - 1]!.key;

/** Keeps the CANDIDATES entries with the smallest keys (ties by text), sorted. */
function keepSmallest(list: VerbatimCandidate[], c: VerbatimCandidate): void {
  const before = (a: VerbatimCandidate, b: VerbatimCandidate) => a.key < b.key || (a.key === b.key && a.text < b.text);
  if (list.length === CANDIDATES && !before(c, list[list.length - 1]!)) return;
  let i = list.length;
  while (i > 0 && before(c, list[i - 1]!)) i--;
  list.splice(i, 0, c);
  if (list.length > CANDIDATES) list.pop();
}
