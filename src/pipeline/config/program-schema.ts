/**
 * The schema of `data/program.yml`. Every setting has a default, so a data folder
 * without program.yml (or with an empty one) builds a working site.
 * Keys are snake_case, as in the file; unknown keys are errors so typos surface.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'use a date written YYYY-MM-DD, e.g. 2026-03-31' });

/** A YAML date may arrive as a Date object (unquoted 2026-03-31) or a string. */
const dateSetting = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDate);

const identifier = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
  error: 'use letters, digits, "-", "_" or "." only (it becomes part of a file name or URL)',
});

export const WaveSetting = z.strictObject({
  id: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), identifier),
  label: z.string().min(1).optional(),
  /** The date figures such as "overdue" and "days since" are computed against. */
  as_of: dateSetting.optional(),
  opened: dateSetting.optional(),
  closed: dateSetting.optional(),
  /** The metrics.csv period this wave lines up with (default: the wave id). */
  period: z.string().min(1).optional(),
});
export type WaveSetting = z.output<typeof WaveSetting>;

export const SegmentSetting = z.strictObject({
  id: identifier,
  label: z.string().min(1).optional(),
  /** Column holding the value; defaults to the segment id. */
  column: z.string().min(1).optional(),
  /**
   * Where to look the value up. `auto`: the response's own column when present,
   * otherwise the contact's, otherwise the account's.
   */
  source: z.enum(['auto', 'response', 'contact', 'account']).default('auto'),
});
export type SegmentSetting = z.output<typeof SegmentSetting>;

export const RoleSetting = z.strictObject({
  label: z.string().min(1),
  /** Weight of this role's answers in an account's roll-up (1 = equal). */
  weight: z.number().positive().default(1),
  /** Values of contacts.csv `role` that mean this role (case-insensitive). */
  aliases: z.array(z.string()).default([]),
  decision_maker: z.boolean().default(false),
});

const AlertRule = z.strictObject({
  label: z.string().min(1),
  /** Inclusive score range the rule covers. */
  scores: z.tuple([z.number().int().min(0).max(10), z.number().int().min(0).max(10)]).optional(),
  /** `account_owner` = the owner in accounts.csv; otherwise a named person or team. */
  owner: z.string().default('account_owner'),
  fallback_owner: z.string().default('CX team'),
  notify: z.array(z.string()).default([]),
  due_days: z.number().int().positive(),
  method: z.string().default('phone call'),
  documentation: z.string().default('outcome and next step in the follow-up log'),
  oversight: z.string().default('Head of Customer Experience'),
});

const DEFAULT_ALERTS = {
  detractor: {
    label: 'Detractor: recover and fix',
    scores: [0, 6] as [number, number],
    due_days: 2,
    method: 'phone call',
    notify: ['Head of Customer Experience'],
  },
  passive: {
    label: 'Passive: learn what would make them a promoter',
    scores: [7, 8] as [number, number],
    due_days: 7,
    method: 'phone call or meeting',
  },
  promoter: {
    label: 'Promoter: thank, and ask for a reference',
    scores: [9, 10] as [number, number],
    due_days: 14,
    method: 'email or call',
    notify: ['Marketing'],
  },
  no_comment: {
    label: 'Score without a comment: ask what lies behind it',
    due_days: 7,
    method: 'email',
  },
};

const Benchmark = z.strictObject({
  name: z.string().min(1),
  nps: z.number().min(-100).max(100),
  kind: z.enum(['industry', 'competitor', 'internal']).default('industry'),
  source: z.string().optional(),
  year: z.number().int().optional(),
  n: z.number().int().positive().optional(),
});

/**
 * Canonical column -> the header (or headers, the first present wins) a survey tool uses for it,
 * or `false` to leave the column unread even when a header would match it (e.g. a tags column).
 */
const ColumnMap = z.record(z.string(), z.union([z.string().min(1), z.array(z.string().min(1)).min(1), z.literal(false)])).prefault({});

const ColumnMappings = z
  .strictObject({
    responses: ColumnMap,
    invitations: ColumnMap,
    accounts: ColumnMap,
    contacts: ColumnMap,
    metrics: ColumnMap,
    followups: ColumnMap,
  })
  .prefault({});

const CsvSettings = z
  .strictObject({
    /** `auto` detects among , ; tab and |. */
    delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
    /**
     * How dates written as day and month numbers (`03/04/2026`) are read: `auto` settles day or
     * month first from each file's dates (a day over 12, or the shorter span of dates), `dmy`,
     * `mdy`, or `iso` to refuse them. Unambiguous forms (ISO, Excel serials, Unix time, month
     * names) are read under every setting.
     */
    date_format: z.enum(['auto', 'iso', 'dmy', 'mdy']).default('auto'),
    /** The decimal mark of numbers (ARR, metric values): "." (1,250.50) or "," (1.250,50). */
    decimal_separator: z.enum(['.', ',']).default('.'),
    /** Rows between the header and the data that some tools add (question text, import ids). */
    skip_rows_after_header: z.number().int().min(0).max(10).default(0),
    /**
     * Set true when the responses' `confidential` column asks the opposite question,
     * "may we share your name?" (yes = identified).
     */
    confidential_inverted: z.boolean().default(false),
  })
  .prefault({});

/** A rule that skips rows a CX team would not count, by the value of one column. */
const SkipRule = z.strictObject({
  /** The header, as written in the export (case and spacing ignored). */
  column: z.string().min(1),
  /** Values that skip the row (case and surrounding spaces ignored). */
  values: z.array(z.preprocess((v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v), z.string())).min(1),
  /** What such rows are, in the report: e.g. "survey previews". */
  reason: z.string().min(1),
});
export type SkipRule = z.output<typeof SkipRule>;

/**
 * Survey tools' rows that are not answers: previews, tests and spam (Qualtrics `Status`,
 * `DistributionChannel`), unfinished or partial responses (`Finished`, `Response Type`,
 * `Completed`, `Response Status`), another survey's answers (HubSpot `Survey type`). A rule
 * applies only to a file holding its column.
 */
export const DEFAULT_SKIP_RULES: SkipRule[] = [
  {
    column: 'Status',
    values: ['Survey Preview', 'Survey Test', 'Spam', 'Preview Spam', 'Imported Spam', 'Offline Preview', '1', '2', '8', '9', '12', '17'],
    reason: 'survey previews, tests or spam',
  },
  { column: 'DistributionChannel', values: ['preview', 'test'], reason: 'survey previews, tests or spam' },
  { column: 'Finished', values: ['False', '0', 'No'], reason: 'unfinished responses' },
  { column: 'Completed', values: ['False', '0', 'No'], reason: 'unfinished responses' },
  { column: 'Response Type', values: ['partial', 'preview', 'test'], reason: 'unfinished responses' },
  { column: 'Response Status', values: ['partial', 'incomplete', 'preview', 'test'], reason: 'unfinished responses' },
  // HubSpot exports every feedback survey together: only the NPS survey's answers count.
  { column: 'Survey type', values: ['CSAT', 'CES', 'Customer Satisfaction', 'Customer Effort', 'Customer Effort Score'], reason: 'answers to another kind of survey (CSAT, CES)' },
];

const ResponseSettings = z
  .strictObject({
    /**
     * How response ids identify a response: `unique` across every wave; `per_wave` when the tool
     * numbers each export from 1 (Microsoft Forms): the id becomes `<wave>/<id>`; `row_number`
     * when the export has no id column (Google Forms): the id is `<wave>/<row>`.
     */
    ids: z.enum(['unique', 'per_wave', 'row_number']).default('unique'),
    /** What separates tags in the themes column: ";" or "," (Typeform, Delighted) or "|". */
    tags_separator: z.enum([';', ',', '|']).default(';'),
    /** Rows not counted, by the value of a column; default: survey previews, tests, spam and unfinished responses. `[]` counts every row. */
    skip: z.array(SkipRule).default(DEFAULT_SKIP_RULES),
  })
  .prefault({});

const Share = z.number().min(0).max(1);

const Scale = z.tuple([z.number().int(), z.number().int()]).refine(([lo, hi]) => hi > lo, { error: 'write the scale as [lowest, highest], e.g. [1, 5]' });

/** A rated attribute (product quality, support, …): a column of the responses with its scale. */
const AttributeSetting = z.strictObject({
  id: identifier,
  label: z.string().min(1),
  /** The responses column holding the rating (default: the id). */
  column: z.string().min(1).optional(),
  scale: Scale.default([1, 5]),
  /** Themes that speak about this attribute, for its page's verbatims. */
  themes: z.array(z.string().min(1)).default([]),
});
export type AttributeSetting = z.output<typeof AttributeSetting>;

const FinanceSettings = z
  .strictObject({
    /** Share of an account's ARR at risk, by the account's category. */
    at_risk: z.strictObject({ detractor: Share.default(0.3), passive: Share.default(0.1), promoter: Share.default(0) }).prefault({}),
    /** Share of an account's ARR that could be added (expansion, referrals), by category. */
    growth: z.strictObject({ detractor: Share.default(0), passive: Share.default(0.03), promoter: Share.default(0.1) }).prefault({}),
    /** Upper bounds of the ARR bands for "NPS by ARR band", ascending. */
    arr_bands: z.array(z.number().positive()).default([25_000, 100_000, 250_000]),
  })
  .prefault({});

const MetricSetting = z.strictObject({
  label: z.string().min(1).optional(),
  /** Financial metrics sit with revenue; the others with operations. Default: financial when the unit is the currency. */
  kind: z.enum(['operational', 'financial']).optional(),
  /** Whether a rise is good news (tickets, incidents: false). */
  higher_is_better: z.boolean().optional(),
});

export const ProgramSettings = z.strictObject({
  program: z
    .strictObject({
      name: z.string().min(1).default('Customer feedback program'),
      company: z.string().min(1).default('Our company'),
      signatory: z
        .strictObject({
          name: z.string().min(1),
          title: z.string().optional(),
          email: z.string().optional(),
        })
        .optional(),
    })
    .prefault({}),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'use a three-letter ISO 4217 code such as USD or EUR' })
    .default('USD'),
  min_group_size: z.number().int().min(1).default(5),
  /**
   * The higher minimum for figures drawn from comments (themes): confidential respondents' mentions
   * of a theme count only where each score category holds none or at least this many of them.
   */
  min_comment_group_size: z.number().int().min(1).default(10),
  waves: z.array(WaveSetting).default([]),
  segments: z.array(SegmentSetting).default([]),
  roles: z.record(identifier, RoleSetting).prefault({
    decision_maker: {
      label: 'Decision maker',
      decision_maker: true,
      aliases: ['decision maker', 'decision-maker', 'economic buyer', 'executive sponsor'],
    },
    influencer: { label: 'Influencer', aliases: ['influencer', 'champion', 'admin', 'administrator'] },
    user: { label: 'User', aliases: ['user', 'end user', 'end-user'] },
  }),
  /** How contacts' answers roll up to an account: equal weights, or by role weight. */
  account_weighting: z.enum(['equal', 'role']).default('equal'),
  alerts: z.record(identifier, AlertRule).prefault(DEFAULT_ALERTS),
  benchmarks: z.array(Benchmark).default([]),
  /** What the customer site ("you said, we did") may show beyond themes and published plans. */
  customer_site: z
    .strictObject({
      /** Publish response counts and the response rate (default: no). */
      publish_response_figures: z.boolean().default(false),
      /** Publish the NPS itself, with its n (default: no). */
      publish_nps: z.boolean().default(false),
      /** Where customers write back; shown on every customer page. */
      contact_email: z.string().min(3).optional(),
      /** Branding: a logo URL or path under public/, and the accent colour. */
      logo: z.string().min(1).optional(),
      accent_color: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, { error: 'use a colour like #0b5cad' })
        .default('#0b5cad'),
      /** Base URL the customer site is served from, for links in the mail merge (e.g. https://feedback.example.com). */
      base_url: z.url().optional(),
      /** When the next wave opens, for the invitation at the end of the letter. */
      next_wave: z.string().min(1).optional(),
    })
    .prefault({}),
  /**
   * Themes found in comments when responses carry no `themes` column: theme -> keywords
   * (case-insensitive, whole words; a keyword ending in * matches any ending).
   */
  themes: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
  finance: FinanceSettings,
  /** Ratings of attributes asked beside the 0–10 question; blank means not answered. */
  attributes: z.array(AttributeSetting).default([]),
  /** An overall-satisfaction rating, if the survey asks one. */
  overall_satisfaction: z
    .strictObject({ column: z.string().min(1).default('overall_satisfaction'), label: z.string().min(1).default('Overall satisfaction'), scale: Scale.default([1, 5]) })
    .optional(),
  metrics: z.record(z.string().min(1), MetricSetting).default({}),
  /** How the responses' rows and ids are read (see docs/data.md). */
  responses: ResponseSettings,
  /**
   * What reads the response files: `streaming` (the default: every export format, row by row)
   * or `duckdb` (embedded DuckDB computes the cube and extract; for files of millions of rows,
   * in Chorus's own columns, CSV or Parquet). CHORUS_ENGINE overrides it. See docs/scale.md.
   */
  engine: z.enum(['streaming', 'duckdb']).default('streaming'),
  columns: ColumnMappings,
  csv: CsvSettings,
});

export type ProgramSettings = z.output<typeof ProgramSettings>;
