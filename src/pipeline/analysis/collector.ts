/**
 * Folds the stream of valid responses into everything the analysis needs, keeping per
 * response only what a figure cannot be computed without: histograms per wave, segment
 * value, account and cohort; each respondent's score per wave (typed arrays, for cohort
 * movements between waves); and a handful of verbatim candidates per theme.
 */
import { addScore, emptyHistogram, type Histogram } from '../model/histogram.ts';
import { IdIndex } from '../ingest/id-index.ts';
import type { IngestedResponse } from '../ingest/entities.ts';
import type { ProgramSettings } from '../config/program-schema.ts';
import { themeMatcher } from './themes.ts';
import { addPair, emptyMoments, type Moments } from '../stats/correlation.ts';
import { ratingColumnsOf } from '../ingest/ingest-program.ts';
import { emptyWeighted, type Weighted } from '../stats/weighted.ts';
import { categoryIndex, PROMOTER_FROM, PASSIVE_FROM } from '../model/categories.ts';

export const NOT_KNOWN = 'Not known';
/** Verbatim candidates kept per theme and wave, before confidential contacts are removed. */
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

export interface AccountState {
  histogram: Histogram;
  answers: AccountAnswer[];
  /** Theme -> mentions by the account's respondents. */
  themes: Map<string, number>;
  identified: Weighted;
  confidential: Weighted;
  /** Distinct contacts who answered (a contact answering twice in a wave counts once). */
  respondents: number;
}

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
  candidates: VerbatimCandidate[];
}

/** One rating column's tallies in a wave: moments against the score, and per category n / sum / low. */
export interface RatingState {
  moments: Moments;
  /** detractor, passive, promoter */
  byCategory: { n: number; sum: number; low: number }[];
}

export interface WaveState {
  /** Per rating column (attributes, then overall satisfaction). */
  ratings: RatingState[];
  /** dimension id -> value -> per rating column: moments against the score, and low ratings. */
  ratingSegments: Map<string, Map<string, { moments: Moments; low: number }[]>>;
  histogram: Histogram;
  confidential: number;
  comments: number;
  confidentialHistogram: Histogram;
  identifiedHistogram: Histogram;
  /** dimension id -> value -> histogram */
  segments: Map<string, Map<string, Histogram>>;
  accounts: Map<string, AccountState>;
  noAccount: Histogram;
  /** contact id -> score * 2 + confidential */
  respondents: IdIndex;
  themes: Map<string, ThemeState>;
  /** Responses whose themes came from the themes column (else keywords, else none). */
  themesFromColumn: number;
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
  wave: number[];
  score: number[];
  /** Submitted date as days since 1970-01-01, or -1 when not given. */
  day: number[];
  confidential: boolean[];
  comment: boolean[];
  /** What a follow-up alert shows, for identified responses only (null for confidential ones). */
  detail: ({ responseId: string; contactId: string | undefined; accountId: string | undefined; roleId: string | undefined; comment: string | undefined } | null)[];
}

export const dayNumber = (iso: string | undefined): number => (iso === undefined ? -1 : Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000));

export class Collector {
  readonly waves: WaveState[] = [];
  readonly responses: ResponseFacts = { ids: new IdIndex(), wave: [], score: [], day: [], confidential: [], comment: [], detail: [] };
  private readonly settings: ProgramSettings;
  private readonly matchThemes: (comment: string) => string[];
  private readonly roleWeight: (roleId: string | undefined) => number;
  private readonly decisionMakerRoles: Set<string>;
  /** Per rating column: the highest rating that counts as low (the bottom 40% of the scale). */
  private readonly lows: number[];

  constructor(settings: ProgramSettings) {
    this.settings = settings;
    this.matchThemes = themeMatcher(settings.themes);
    const byRole = settings.account_weighting === 'role';
    this.roleWeight = (roleId) => (byRole && roleId !== undefined ? (settings.roles[roleId]?.weight ?? 1) : 1);
    this.lows = ratingColumnsOf(settings).map((c) => c.scale[0] + Math.floor((c.scale[1] - c.scale[0]) * 0.4));
    this.decisionMakerRoles = new Set(Object.entries(settings.roles).filter(([, r]) => r.decision_maker).map(([id]) => id));
  }

  /** The state of wave `index`, created empty when no response of it was valid. */
  waveState(index: number): WaveState {
    let w = this.waves[index];
    if (w === undefined) {
      w = {
        ratings: this.lows.map(() => ({ moments: emptyMoments(), byCategory: [0, 1, 2].map(() => ({ n: 0, sum: 0, low: 0 })) })),
        ratingSegments: new Map(this.settings.segments.map((s) => [s.id, new Map()])),
        histogram: emptyHistogram(),
        confidential: 0,
        comments: 0,
        confidentialHistogram: emptyHistogram(),
        identifiedHistogram: emptyHistogram(),
        segments: new Map(this.settings.segments.map((s) => [s.id, new Map()])),
        accounts: new Map(),
        noAccount: emptyHistogram(),
        respondents: new IdIndex(),
        themes: new Map(),
        themesFromColumn: 0,
      };
      this.waves[index] = w;
    }
    return w;
  }

  add = (r: IngestedResponse): void => {
    const w = this.waveState(r.waveIndex);
    const score = r.score;
    addScore(w.histogram, score);
    addScore(r.confidential ? w.confidentialHistogram : w.identifiedHistogram, score);
    if (r.confidential) w.confidential++;

    for (const [dim, values] of w.segments) {
      const value = r.segments[dim] ?? NOT_KNOWN;
      let h = values.get(value);
      if (h === undefined) values.set(value, (h = emptyHistogram()));
      addScore(h, score);
    }

    if (r.accountId === undefined) addScore(w.noAccount, score);
    else {
      let a = w.accounts.get(r.accountId);
      if (a === undefined) w.accounts.set(r.accountId, (a = { histogram: emptyHistogram(), answers: [], themes: new Map(), identified: emptyWeighted(), confidential: emptyWeighted(), respondents: 0 }));
      a.answers.push({ contactId: r.contactId, roleId: r.roleId, score, comment: r.comment, submittedAt: r.submittedAt, confidential: r.confidential });
      addScore(a.histogram, score);
      const t = r.confidential ? a.confidential : a.identified;
      const weight = this.roleWeight(r.roleId);
      t.n++;
      t.w += weight;
      t.w2 += weight * weight;
      t.scoreSum += weight * score;
      if (score >= PROMOTER_FROM) t.promoters += weight;
      else if (score < PASSIVE_FROM) t.detractors += weight;
      if (r.roleId !== undefined && this.decisionMakerRoles.has(r.roleId)) t.decisionMaker = true;
    }
    // First answer of a contact in this wave: it counts for response rates and cohort movements.
    if (r.contactId !== undefined && w.respondents.setIfAbsent(r.contactId, score * 2 + (r.confidential ? 1 : 0)) === undefined && r.accountId !== undefined) {
      w.accounts.get(r.accountId)!.respondents++;
    }

    const cat = categoryIndex(score);
    for (let k = 0; k < r.ratings.length; k++) {
      const x = r.ratings[k];
      if (x === undefined) continue;
      const t = w.ratings[k]!;
      addPair(t.moments, x, score);
      const c = t.byCategory[cat]!;
      c.n++;
      c.sum += x;
      if (x <= this.lows[k]!) c.low++;
      for (const [dim, values] of w.ratingSegments) {
        const value = r.segments[dim] ?? NOT_KNOWN;
        let v = values.get(value);
        if (v === undefined) values.set(value, (v = r.ratings.map(() => ({ moments: emptyMoments(), low: 0 }))));
        addPair(v[k]!.moments, x, score);
        if (x <= this.lows[k]!) v[k]!.low++;
      }
    }
    const hasComment = r.comment !== undefined && r.comment.trim() !== '';
    if (hasComment) w.comments++;
    const facts = this.responses;
    if (facts.ids.setIfAbsent(r.responseId, facts.wave.length) === undefined) {
      facts.wave.push(r.waveIndex);
      facts.score.push(score);
      facts.day.push(dayNumber(r.submittedAt));
      facts.confidential.push(r.confidential);
      facts.comment.push(hasComment);
      facts.detail.push(r.confidential ? null : { responseId: r.responseId, contactId: r.contactId, accountId: r.accountId, roleId: r.roleId, comment: hasComment ? r.comment : undefined });
    }
    let themes: readonly string[] = r.themes;
    if (themes.length > 0) w.themesFromColumn++;
    else if (hasComment) themes = this.matchThemes(r.comment!);
    if (themes.length === 0) return;
    const candidate = !r.confidential && hasComment && r.comment!.trim().length >= 20 && r.comment!.length <= 600;
    const key = candidate ? hashOf(r.responseId) : 0;
    const account = r.accountId === undefined ? undefined : w.accounts.get(r.accountId);
    for (const theme of themes) {
      if (account) account.themes.set(theme, (account.themes.get(theme) ?? 0) + 1);
      let t = w.themes.get(theme);
      if (t === undefined) w.themes.set(theme, (t = { byCategory: [0, 0, 0], candidates: [] }));
      t.byCategory[cat]++;
      if (candidate) keepSmallest(t.candidates, { key, text: r.comment!, score, contactId: r.contactId, accountId: r.accountId, roleId: r.roleId });
    }
  };
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
