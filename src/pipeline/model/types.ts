/**
 * The model of a program that pages and exports read: plain, serialisable data.
 *
 * Confidentiality by construction: nothing here names or points at a confidential
 * respondent. It holds aggregates (histograms, counts, shares) and, for verbatims, the
 * words of identified respondents only. Figures for groups under the minimum group size
 * are absent, not hidden: a `Suppressed` entry has no fields that could carry them.
 */
import type { Histogram } from './histogram.ts';
import type { FileReport, IngestReport } from '../ingest/report.ts';
import type { Category } from './categories.ts';

export type { Category };

export const MODEL_VERSION = 7;

/** Every score statistic of one group, from its histogram. */
export interface ScoreFigures {
  n: number;
  histogram: Histogram;
  promoters: number;
  passives: number;
  detractors: number;
  promoterShare: number;
  passiveShare: number;
  detractorShare: number;
  /** −100…100 */
  nps: number;
  /** 95% adjusted-Wald interval. */
  ci95: [number, number];
  mean: number;
}

/** A comparison between two groups or two waves, with the test's verdict. */
export interface Comparison {
  /** What it is compared with (a wave id, "rest", "identified"). */
  against: string;
  /** Difference in NPS points (this − other). */
  delta: number;
  ci95: [number, number];
  p: number;
  /** True only when the 95% interval of the difference excludes zero. */
  significant: boolean;
  /** Plain words: "up 6 points, a significant rise" / "within noise". */
  words: string;
}

export interface MeanComparison {
  against: string;
  delta: number;
  ci95: [number, number];
  p: number;
  significant: boolean;
  /** Plain words: "0.8 points lower, a real difference" / "within noise". */
  words: string;
}

export interface Suppressed {
  suppressed: true;
  /** Why: the group is small, or its figures would let a reader work out a small one. */
  reason: 'small' | 'complementary';
  /** "fewer than 5 responses" — never the count itself for small groups. */
  note: string;
}

export type Shown<T> = { suppressed: false } & T;
export type MaybeSuppressed<T> = Shown<T> | Suppressed;

export interface SegmentValue {
  value: string;
  figures: MaybeSuppressed<
    ScoreFigures & {
      /** What it counts: all its answers, or its named answers only (docs/statistics.md, "Disclosure control"). */
      basis: 'all answers' | 'named answers';
      /** Against everyone else in the wave. */
      gap: Comparison | null;
      /** Against the same value in the wave before (only when it was shown there too). */
      change: Comparison | null;
      /** This group's promoter share over the wave's: > 1 = promoters concentrate here. */
      promoterLift: number | null;
    }
  >;
}

export interface SegmentDimension {
  id: string;
  label: string;
  values: SegmentValue[];
  /**
   * The value that stands above the rest beyond noise: the shown value with the highest NPS,
   * when its gap to the rest is a significant rise. Null when no value does.
   */
  leader: string | null;
}

/** A segment value where promoters are more common than in the wave as a whole. */
export interface PromoterConcentration {
  /** The dimension's id and label. */
  dimension: string;
  label: string;
  value: string;
  /** The value's promoter share over the wave's (> 1). */
  lift: number;
  promoterShare: number;
  n: number;
  /** Whether the value's NPS differs from the rest's beyond noise. */
  significant: boolean;
}

/** An outside NPS figure (program.yml benchmarks) against the wave's NPS and its interval. */
export interface BenchmarkComparison {
  name: string;
  nps: number;
  kind: string;
  source: string | null;
  year: number | null;
  /** Our NPS minus theirs, in points. */
  delta: number;
  /** 'above' / 'below': their figure lies outside our 95% interval; 'within': it lies inside it. */
  verdict: 'above' | 'below' | 'within';
  /** Plain words: "we are above it beyond noise" / "within our 95% interval: no real difference". */
  words: string;
}

export interface AccountSummary {
  id: string;
  /** URL segment of the account's page (unique, URL-safe). */
  slug: string;
  name: string;
  owner: string | null;
  arr: number | null;
  renewalDate: string | null;
  /**
   * What the account's figures count: all its answers, or only those given under a name (when
   * its confidential answers are too few, or would say who chose confidentiality, the disclosure
   * step keeps them out of every figure of the account: docs/statistics.md).
   */
  basis: 'all answers' | 'named answers';
  /** Responses this wave, on the account's basis. */
  responses: number;
  /** Distinct contacts who answered this wave, on the account's basis. */
  respondents: number;
  /** Contacts invited this wave (null without an invitations file). */
  invited: number | null;
  /** Distinct invited contacts who answered, on the account's basis (null without invitations, or when no answer names its contact). */
  invitedRespondents: number | null;
  /** invitedRespondents over contacts invited. */
  responseRate: number | null;
  /** A decision maker answered under their name (a confidential one is never told). */
  decisionMakerAnswered: boolean;
  /**
   * How many answers the account's page lists for this wave (they live in the account's record
   * shard, not here): identified respondents' only, with their name and role. A confidential
   * answer (or any answer of someone who chose confidentiality in any wave) is never listed tied
   * to an account, a person or a date: it counts in figures only.
   */
  answersListed: number;
  /** Themes the account's identified respondents raised, most mentioned first. */
  themes: { theme: string; mentions: number }[];
  /** The roll-up (docs/statistics.md), on the account's basis, weighted as program.yml says. */
  rollup: {
    n: number;
    weighting: 'equal' | 'role';
    nps: number | null;
    ci95: [number, number] | null;
    mean: number | null;
    category: Category | null;
  };
}

/** An identified respondent's answer on its account's page. */
export interface AccountAnswer {
  contact: { name: string; role: string | null };
  score: number;
  category: Category;
  comment: string | null;
  submittedAt: string | null;
}

export interface Portfolio {
  /** A suppressed band carries no number of accounts either. */
  npsByArrBand: { band: string; accounts: number | null; figures: MaybeSuppressed<ScoreFigures & { basis: 'all answers' | 'named answers' }> }[];
  /** ARR of accounts by their roll-up category ("none": no usable response). */
  arrByCategory: Record<Category | 'none', { accounts: number; arr: number }>;
}

export interface CohortFigures {
  /** Share of respondents who chose confidentiality. */
  confidentialShare: number | null;
  /**
   * Respondents never invited (nor answering) in an earlier wave: all of them where their
   * confidential share is shown, else those who answered under their name.
   */
  newRespondents: number;
  newConfidentialShare: number | null;
  confidential: MaybeSuppressed<ScoreFigures>;
  identified: MaybeSuppressed<ScoreFigures>;
  /** Confidential against identified, when both are shown. */
  npsGap: Comparison | null;
  meanGap: MeanComparison | null;
  /** From the previous wave: each cohort's contacts, who answered again, and how their mean moved. */
  transitions: {
    from: string;
    cohort: 'confidential' | 'identified';
    /** The cohort's contacts (null when the wave before could not show its confidential cohort). */
    respondents: number | null;
    figures: MaybeSuppressed<{ answeredAgain: number; meanBefore: number; meanAfter: number; change: number }>;
  }[];
}

export interface Verbatim {
  text: string;
  score: number;
  category: Category;
  account: string | null;
  role: string | null;
}

export interface ThemeFigures {
  theme: string;
  /** URL segment of the theme's page (unique, URL-safe, the same in every wave). */
  slug: string;
  /**
   * Whether any confidential respondents' mentions are counted: per score category, only where it
   * holds at least program.yml's min_comment_group_size of them (else that category's named mentions only).
   */
  countsConfidential: boolean;
  mentions: number;
  byCategory: Record<Category, number>;
  /** Detractor and passive mentions: what customers ask to improve. */
  improvementMentions: number;
  /** Share of detractors mentioning it over share of promoters mentioning it. */
  detractorLift: number | null;
  /** Share of the wave's detractors who mention it (null when the wave has no detractor). */
  shareOfDetractors: number | null;
  /** Raised by at least one detractor or passive: something customers ask to improve. */
  askedToImprove: boolean;
  /** Detractors mention it markedly more often than promoters (a detractor lift above 1.5). */
  strongLift: boolean;
  /** A few identified respondents' comments, chosen by a stable hash of the response; no comment represents two themes of a wave. */
  verbatims: Verbatim[];
}

export interface ThemesSummary {
  source: 'column' | 'keywords' | 'none';
  commentShare: number;
  comments: number;
  /** Theme × score category counts on named mentions only (not counting confidential ones, whether there are any or not). */
  withheldCategories: number;
  themes: ThemeFigures[];
}

export interface MetricChange {
  metric: string;
  label: string;
  kind: 'operational' | 'financial';
  unit: string | null;
  period: string;
  value: number | null;
  priorPeriod: string | null;
  prior: number | null;
  change: number | null;
  changeShare: number | null;
  higherIsBetter: boolean | null;
  /** Which way it moved since the period before; null without a value for both periods. */
  direction: 'up' | 'down' | 'unchanged' | null;
  /** Whether that move is good news, by program.yml's higher_is_better; null when it did not move or the setting is absent. */
  judgement: 'better' | 'worse' | null;
}

export interface FinanceSummary {
  currency: string;
  assumptions: { atRisk: Record<Category, number>; growth: Record<Category, number> };
  revenueAtRisk: number;
  potentialGrowth: number;
  /** ARR of accounts with a roll-up category (the base the two figures above come from). */
  ratedArr: number;
}

export interface FollowupCounts {
  alerts: number;
  /** Alerts whose log reached "contacted" or "closed". */
  followedUp: number;
  closed: number;
  /** Closed within the rule's time frame, counted from the response date. */
  closedInTime: number;
  /** Not closed, and older than the rule's time frame on the wave's "as of" date. */
  overdue: number;
  /** followedUp, closed and closedInTime over alerts (null without alerts). */
  followedUpShare: number | null;
  closedShare: number | null;
  closedInTimeShare: number | null;
}

/** The first `items` of a longer list; `total` says how long the whole list is (all of it is in the CSV). */
export interface Capped<T> {
  items: T[];
  total: number;
}

/** A promoter who answered under their name. */
export interface NamedPromoter {
  responseId: string;
  contact: { name: string; role: string | null };
  account: { name: string; slug: string } | null;
  score: number;
  comment: string | null;
}

export interface FollowupSummary {
  /** Whether a follow-up log was given at all. */
  hasLog: boolean;
  /** Confidential responses: no named alert; reached through the letters to customers (null when the wave's figures leave them out). */
  confidentialNotAlerted: number | null;
  total: FollowupCounts;
  medianDaysToClose: number | null;
  byRule: (FollowupCounts & { rule: string; label: string; dueDays: number; medianDaysToClose: number | null })[];
  byOwner: (FollowupCounts & { owner: string; slug: string; open: number; openOverdue: number; medianDaysToClose: number | null })[];
  /** Overdue alerts now, longest overdue first (capped; the whole queue is in the CSV). */
  overdueNow: Capped<QueueItem>;
}

/** One follow-up alert: an identified response, one rule, its owner and where it stands. */
export interface QueueItem {
  responseId: string;
  rule: string;
  ruleLabel: string;
  owner: string;
  notify: string[];
  method: string;
  documentation: string;
  oversight: string;
  score: number;
  category: Category;
  account: { id: string; name: string; slug: string } | null;
  contact: { name: string; role: string | null } | null;
  comment: string | null;
  submittedAt: string | null;
  dueDate: string | null;
  status: 'not started' | 'open' | 'contacted' | 'closed';
  closedAt: string | null;
  daysToClose: number | null;
  closedInTime: boolean;
  overdue: boolean;
  daysOverdue: number;
}

export interface AttributeFigures {
  id: string;
  label: string;
  scale: [number, number];
  figures: MaybeSuppressed<{
    /** Ratings given (blank = not answered, never zero). */
    n: number;
    mean: number;
    /** The mean on a 0–1 scale (lowest to highest rating), to compare attributes. */
    performance: number;
    /** Share of ratings in the bottom 40% of the scale (1–2 of 1–5). */
    lowShare: number;
    byCategory: Record<Category, MaybeSuppressed<{ n: number; mean: number; lowShare: number }>>;
    /** Correlation with the recommend score (key-driver strength); null when it cannot be computed. */
    driver: { n: number; r: number; ci95: [number, number]; p: number; significant: boolean } | null;
    /** High/low importance × performance against the attributes' medians. */
    quadrant: 'fix first' | 'keep up' | 'maintain' | 'lower priority' | null;
  }>;
}

export interface AttributeSegment {
  dimension: string;
  label: string;
  attributes: {
    id: string;
    values: {
      value: string;
      figures: MaybeSuppressed<{ n: number; mean: number; lowShare: number; driver: { n: number; r: number; ci95: [number, number]; p: number; significant: boolean } | null }>;
    }[];
  }[];
}

/** Figures the disclosure step withheld in a wave, for one kind of page (docs/statistics.md). */
export interface WithheldCount {
  kind: string;
  /** Not shown: the group has fewer people than the minimum. */
  small: number;
  /** Not shown, or shown on named answers only, so that no small group or confidential answer can be worked out from other figures. */
  protection: number;
}

export interface WaveModel {
  id: string;
  label: string;
  /** The date time-dependent figures use: program.yml's as_of, else the last response date. */
  asOf: string | null;
  /** When the wave's survey opened (program.yml's opened), for "our next survey opens …" in the letter before it. */
  opened: string | null;
  period: string;
  /** All responses of the wave. A wave is never suppressed: it is the survey itself. */
  figures: ScoreFigures | null;
  /** Against the previous wave. */
  change: Comparison | null;
  /** Each program.yml benchmark against this wave's NPS (empty when the wave has no responses). */
  benchmarks: BenchmarkComparison[];
  invited: number | null;
  responseRate: number | null;
  /**
   * Whether the wave's figures count its confidential answers. Only when the disclosure step
   * finds them too few to protect (or their number would say who chose confidentiality) are they
   * left out, and the wave's figures are its named answers'.
   */
  countsConfidential: boolean;
  /** Confidential responses (null when the wave's figures leave them out). */
  confidential: number | null;
  /** Of the responses the figures count, those with a readable submitted date. */
  dated: number;
  segments: SegmentDimension[];
  /** Segment values where promoters are more common than overall, highest lift first. */
  promoterConcentrations: PromoterConcentration[];
  accounts: AccountSummary[];
  portfolio: Portfolio;
  cohorts: CohortFigures;
  themes: ThemesSummary;
  finance: FinanceSummary;
  metrics: MetricChange[];
  followup: FollowupSummary;
  /** Identified promoters for references and case studies, once each, lowest response id first (capped). */
  namedPromoters: Capped<NamedPromoter>;
  /** Rated attributes (program.yml attributes), with their key-driver strength. */
  attributes: AttributeFigures[];
  /** Overall satisfaction, when the survey asks it (its driver: its relation to the recommend score). */
  overallSatisfaction: AttributeFigures | null;
  attributeSegments: AttributeSegment[];
  /** The attribute to fix first: of those in the "fix first" quadrant, the one most tied to the score (its id). */
  fixFirst: string | null;
  /** What the disclosure step withheld, per kind of page. */
  withheld: WithheldCount[];
}

/**
 * The ingest report as pages and exports show it. A wave whose figures leave out its confidential
 * answers does not show how many rows its responses file had or used either: rows used minus the
 * answers listed by name would count the confidential ones. Nor are the notices that count
 * confidential answers shown. (The command line shows every count.)
 */
export type PublishedIngestReport = Omit<IngestReport, 'files' | 'totals'> & {
  /** Without the notices that count confidential answers (the command line prints them). */
  files: (Omit<FileReport, 'rows' | 'used'> & { rows: number | null; used: number | null })[];
  totals: { rows: number | null; used: number | null; rejected: number; skipped: number };
};

export interface SiteModel {
  version: typeof MODEL_VERSION;
  /**
   * Built from a supplied score cube without its record extract (docs/scale.md): the figures
   * from answers' records (follow-up, themes and comments, response rates, returning
   * respondents, the answers behind each account) are not in this build, and pages say so.
   */
  withoutRecords: boolean;
  program: {
    name: string;
    company: string;
    currency: string;
    minGroupSize: number;
    /** The higher minimum for figures drawn from comments (program.yml min_comment_group_size). */
    minCommentGroupSize: number;
    signatory: { name: string; title: string | null; email: string | null } | null;
    customerSite: {
      publishResponseFigures: boolean;
      publishNps: boolean;
      contactEmail: string | null;
      logo: string | null;
      accentColor: string;
      baseUrl: string | null;
      nextWave: string | null;
    };
  };
  benchmarks: { name: string; nps: number; kind: string; source: string | null; year: number | null }[];
  waves: WaveModel[];
  /** Attribute id -> the themes program.yml links to it. */
  attributeThemes: Record<string, string[]>;
  /** Everyone who owns follow-up or accounts in any wave, with their page's URL segment. */
  owners: { name: string; slug: string }[];
  /** The follow-up queue's CSV files in exports/ (split so no file grows past a bounded size). */
  queueFiles: string[];
  ingest: PublishedIngestReport;
}
