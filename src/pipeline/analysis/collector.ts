/**
 * Folds the stream of valid responses into everything the analysis needs. Score figures go
 * into the score cube (cube/cube.ts: a histogram and rating tallies per wave × account × role ×
 * confidential × segment values), from which every wave's figures are summed (cube/derive.ts).
 * Beside it, only what a figure cannot be computed without: each respondent's score per wave
 * (typed arrays, for response rates and cohort movements), the answers account pages list,
 * theme mentions with a handful of verbatim candidates per theme, and per response the facts
 * the follow-up queue needs.
 */
import { IdIndex } from '../ingest/id-index.ts';
import { TypedColumn } from '../util/typed-column.ts';
import { dayIso } from '../schemas/dates.ts';
import type { IngestedResponse } from '../ingest/entities.ts';
import type { ProgramSettings } from '../config/program-schema.ts';
import { themeMatcher } from './themes.ts';
import { ratingColumnsOf } from '../ingest/ingest-program.ts';
import { categoryIndex } from '../model/categories.ts';
import { histogramSize } from '../model/histogram.ts';
import { NOT_KNOWN, ScoreCube, lowRating, type CellKey, type CubeCell } from '../cube/cube.ts';
import { deriveWave, type AccountFigures, type WaveCubeFigures } from '../cube/derive.ts';

export { NOT_KNOWN } from '../cube/cube.ts';
const NO_THEMES: readonly string[] = Object.freeze([]);
const NO_RATINGS: readonly undefined[] = Object.freeze([]);
/** Verbatim candidates kept per theme and wave. */
const CANDIDATES = 8;

/** One answer kept for its account's page. */
export interface AccountAnswer {
  contactId: string | undefined;
  roleId: string | undefined;
  score: number;
  comment: string | undefined;
  submittedAt: string | undefined;
  confidential: boolean;
}

/** What is kept per account beside its cube cells. */
export interface AccountRecordState {
  answers: AccountAnswer[];
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

/**
 * Per response, what the follow-up figures need (no identity): compact arrays indexed by the
 * position of the response id in `ids`.
 */
export interface ResponseFacts {
  ids: IdIndex;
  wave: TypedColumn<Uint16Array>;
  score: TypedColumn<Uint8Array>;
  /** Submitted date as days since 1970-01-01, or -1 when not given. */
  day: TypedColumn<Int32Array>;
  /** 1: confidential. */
  confidential: TypedColumn<Uint8Array>;
  /** 1: the answer has a comment. */
  comment: TypedColumn<Uint8Array>;
  /** What a follow-up alert shows, for identified responses only (null for confidential ones). */
  detail: (ResponseDetail | null)[];
}

export interface ResponseDetail {
  responseId: string;
  contactId: string | undefined;
  accountId: string | undefined;
  roleId: string | undefined;
  comment: string | undefined;
  /** Where the response went, so that it can be moved should its contact turn out confidential in another wave (null on the cube path). */
  cell: CubeCell | null;
  /** Where its ratings start in the collector's rating pool (-1: none rated). */
  ratingsAt: number;
  /** Whether it counted its contact as a person of the cell (their first answer in the wave). */
  person: boolean;
  answer: AccountAnswer | undefined;
  /** Themes it mentions (they also went to its account's, when it has one). */
  themes: readonly string[];
  hasComment: boolean;
}

export const dayNumber = (iso: string | undefined): number => (iso === undefined ? -1 : Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000));

export class Collector {
  readonly cube: ScoreCube;
  readonly responses: ResponseFacts = {
    ids: new IdIndex(),
    wave: new TypedColumn((n) => new Uint16Array(n)),
    score: new TypedColumn((n) => new Uint8Array(n)),
    day: new TypedColumn((n) => new Int32Array(n)),
    confidential: new TypedColumn((n) => new Uint8Array(n)),
    comment: new TypedColumn((n) => new Uint8Array(n)),
    detail: [],
  };
  private readonly records: WaveRecords[] = [];
  private readonly states: WaveState[] = [];
  private readonly settings: ProgramSettings;
  private readonly matchThemes: (comment: string) => string[];
  private readonly dimensions: string[];
  /** Identified responses' ratings, packed (NaN: not rated), kept only to move them between cells. */
  private ratingPool = new Float64Array(0);
  private ratingPoolUsed = 0;
  /** One array per distinct list of themes, shared by the responses that mention it. */
  private readonly themeLists = new Map<string, readonly string[]>();
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
   * moved into the confidential cells of the cube, their follow-up detail is dropped and their
   * account's themes forget them. Call once, after the stream and before the first waveState.
   * On the cube path the supplied cube has no cells to move from: an answer it would move means
   * the cube was not computed per person, and `onUnmovable` is told (the caller stops the build).
   */
  applyConfidentialContacts(confidential: { has(id: string): boolean }, onUnmovable?: (responseId: string, contactId: string) => void): number {
    const facts = this.responses;
    let moved = 0;
    for (let i = 0; i < facts.detail.length; i++) {
      const d = facts.detail[i];
      if (!d || d.contactId === undefined || !confidential.has(d.contactId)) continue;
      if (d.cell === null) {
        onUnmovable?.(d.responseId, d.contactId);
        continue;
      }
      moved++;
      const day = facts.day.get(i);
      this.cube.makeConfidential(d.cell, facts.score.get(i), this.ratingsOf(d.ratingsAt), d.person, day >= 0 ? dayIso(day) : undefined);
      const w = this.recordsOf(facts.wave.get(i));
      w.respondents.orBits(d.contactId, 1);
      if (d.answer) d.answer.confidential = true;
      const account = d.accountId === undefined ? undefined : w.accounts.get(d.accountId);
      const cat = categoryIndex(facts.score.get(i));
      for (const theme of d.themes) {
        w.themes.get(theme)!.confidentialByCategory[cat]++;
        if (!account) continue;
        const left = (account.themes.get(theme) ?? 0) - 1;
        if (left > 0) account.themes.set(theme, left);
        else account.themes.delete(theme);
      }
      if (d.hasComment) w.confidentialComments++;
      facts.confidential.set(i, 1);
      facts.detail[i] = null;
    }
    this.cube.dropEmpty();
    this.ratingPool = new Float64Array(0);
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

  private sharedThemes(themes: readonly string[]): readonly string[] {
    if (themes.length === 0) return NO_THEMES;
    const key = themes.join('\u001f');
    let list = this.themeLists.get(key);
    if (list === undefined) this.themeLists.set(key, (list = Object.freeze([...themes])));
    return list;
  }

  /** One valid response of the row path: into the cube, and into the records. */
  add = (r: IngestedResponse): void => {
    const first = this.firstAnswer(r);
    const cell = this.cube.add(
      r,
      this.dimensions.map((d) => r.segments[d] ?? NOT_KNOWN),
      first,
    );
    this.record(r, first, cell, r.confidential ? -1 : this.keepRatings(r.ratings));
  };

  /**
   * One row of a supplied record extract (the cube path): its score is already in the supplied
   * cube, and its `confidential` flag already applies the per-person rule, so it goes into the
   * records only.
   */
  addRecord = (r: IngestedResponse): void => {
    this.record(r, this.firstAnswer(r), null, -1);
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

  private record(r: IngestedResponse, firstAnswer: boolean, cell: CubeCell | null, ratingsAt: number): void {
    const w = this.recordsOf(r.waveIndex);
    const score = r.score;
    let answer: AccountAnswer | undefined;
    if (r.accountId !== undefined) {
      let a = w.accounts.get(r.accountId);
      if (a === undefined) w.accounts.set(r.accountId, (a = { answers: [], themes: new Map(), respondents: 0 }));
      answer = { contactId: r.contactId, roleId: r.roleId, score, comment: r.comment, submittedAt: r.submittedAt, confidential: r.confidential };
      a.answers.push(answer);
      if (r.contactId !== undefined && firstAnswer) a.respondents++;
    }
    const cat = categoryIndex(score);
    const hasComment = r.comment !== undefined && r.comment.trim() !== '';
    if (hasComment) {
      w.comments++;
      if (r.confidential) w.confidentialComments++;
    }
    let themes: readonly string[] = r.themes;
    if (themes.length > 0) w.themesFromColumn++;
    else if (hasComment) themes = this.matchThemes(r.comment!);
    const facts = this.responses;
    if (facts.ids.setIfAbsent(r.responseId, facts.wave.length) === undefined) {
      facts.wave.push(r.waveIndex);
      facts.score.push(score);
      facts.day.push(dayNumber(r.submittedAt));
      facts.confidential.push(r.confidential ? 1 : 0);
      facts.comment.push(hasComment ? 1 : 0);
      facts.detail.push(
        r.confidential
          ? null
          : {
              responseId: r.responseId,
              contactId: r.contactId,
              accountId: r.accountId,
              roleId: r.roleId,
              comment: hasComment ? r.comment : undefined,
              cell,
              ratingsAt,
              person: firstAnswer,
              answer,
              themes: this.sharedThemes(themes),
              hasComment,
            },
      );
    }
    if (themes.length === 0) return;
    const account = r.accountId === undefined ? undefined : w.accounts.get(r.accountId);
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
   * Chosen from the kept follow-up details, so that both paths (rows, or a supplied extract)
   * choose alike.
   */
  private chooseCandidates(): void {
    if (this.candidatesChosen) return;
    this.candidatesChosen = true;
    const facts = this.responses;
    for (let i = 0; i < facts.detail.length; i++) {
      const d = facts.detail[i];
      if (!d || !d.hasComment || d.themes.length === 0) continue;
      const text = d.comment!;
      if (text.trim().length < 20 || text.length > 600) continue;
      const w = this.recordsOf(facts.wave.get(i));
      const key = hashOf(d.responseId);
      for (const theme of d.themes)
        keepSmallest(w.themes.get(theme)!.candidates, { key, text, score: facts.score.get(i), contactId: d.contactId, accountId: d.accountId, roleId: d.roleId });
    }
  }
}

/** Keeps the CANDIDATES entries with the smallest keys (ties by text), sorted. */
function keepSmallest(list: VerbatimCandidate[], c: VerbatimCandidate): void {
  const before = (a: VerbatimCandidate, b: VerbatimCandidate) => a.key < b.key || (a.key === b.key && a.text < b.text);
  if (list.length === CANDIDATES && !before(c, list[list.length - 1]!)) return;
  let i = list.length;
  while (i > 0 && before(c, list[i - 1]!)) i--;
  list.splice(i, 0, c);
  if (list.length > CANDIDATES) list.pop();
}
