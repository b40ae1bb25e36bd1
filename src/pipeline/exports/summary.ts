/**
 * The internal exports: `summary.json` (every figure of the model, versioned; shape in
 * docs/exports.md) and one CSV per table, so a reader can take the data behind any chart.
 * Pure functions from the model to file contents; the CLI writes them.
 */
import Papa from 'papaparse';
import type { AttributeFigures, Comparison, FollowupCounts, MaybeSuppressed, ScoreFigures, SiteModel, WaveModel } from '../model/types.ts';

export const SUMMARY_VERSION = 1;

/** Figures are written to 4 decimal places (NPS points, shares, means, money). */
export function round(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const r = Math.round(x * 1e4) / 1e4;
  return Object.is(r, -0) ? 0 : r;
}

const pair = (p: [number, number] | null): [number | null, number | null] | null => (p ? [round(p[0]), round(p[1])] : null);

function scores(f: ScoreFigures) {
  return {
    n: f.n,
    promoters: f.promoters,
    passives: f.passives,
    detractors: f.detractors,
    promoterShare: round(f.promoterShare),
    passiveShare: round(f.passiveShare),
    detractorShare: round(f.detractorShare),
    nps: round(f.nps),
    ci95: pair(f.ci95),
    mean: round(f.mean),
    distribution: [...f.histogram],
  };
}

function comparison(c: Comparison | null) {
  return c ? { against: c.against, delta: round(c.delta), ci95: pair(c.ci95), p: round(c.p), significant: c.significant, words: c.words } : null;
}

/** A suppressed group carries its label and the reason, never a figure. */
function maybe<T extends object>(f: MaybeSuppressed<T>, shown: (f: T) => object) {
  return f.suppressed ? { suppressed: true, note: f.note } : { suppressed: false, ...shown(f) };
}

function attribute(a: AttributeFigures) {
  return {
    id: a.id,
    label: a.label,
    scale: a.scale,
    ...maybe(a.figures, (f) => ({
      n: f.n,
      mean: round(f.mean),
      performance: round(f.performance),
      lowShare: round(f.lowShare),
      byCategory: Object.fromEntries(Object.entries(f.byCategory).map(([c, x]) => [c, maybe(x, (y) => ({ n: y.n, mean: round(y.mean), lowShare: round(y.lowShare) }))])),
      driver: f.driver ? { n: f.driver.n, r: round(f.driver.r), ci95: pair(f.driver.ci95), p: round(f.driver.p), significant: f.driver.significant } : null,
      quadrant: f.quadrant,
    })),
  };
}

/** Follow-up counts without the shares computed from them. */
const counts = <T extends FollowupCounts>({ followedUpShare: _followedUp, closedShare: _closed, closedInTimeShare: _closedInTime, ...c }: T) => c;

function wave(w: WaveModel) {
  const f = w.figures;
  return {
    id: w.id,
    label: w.label,
    asOf: w.asOf,
    period: w.period,
    ...(f ? scores(f) : { n: 0, promoters: 0, passives: 0, detractors: 0, nps: null, ci95: null, mean: null }),
    change: comparison(w.change),
    invited: w.invited,
    responseRate: round(w.responseRate),
    countsConfidential: w.countsConfidential,
    confidential: w.confidential,
    dated: w.dated,
    segments: Object.fromEntries(
      w.segments.map((d) => [
        d.id,
        d.values.map((v) =>
          v.figures.suppressed
            ? { value: v.value, suppressed: true, note: v.figures.note }
            : {
                value: v.value,
                suppressed: false,
                basis: v.figures.basis,
                ...scores(v.figures),
                gap: comparison(v.figures.gap),
                change: comparison(v.figures.change),
                promoterLift: round(v.figures.promoterLift),
              },
        ),
      ]),
    ),
    segmentLabels: Object.fromEntries(w.segments.map((d) => [d.id, d.label])),
    accounts: w.accounts.map((a) => ({
      id: a.id,
      name: a.name,
      owner: a.owner,
      arr: a.arr,
      renewalDate: a.renewalDate,
      basis: a.basis,
      responses: a.responses,
      respondents: a.respondents,
      invited: a.invited,
      responseRate: round(a.responseRate),
      decisionMakerAnswered: a.decisionMakerAnswered,
      rollup: { ...a.rollup, nps: round(a.rollup.nps), ci95: pair(a.rollup.ci95), mean: round(a.rollup.mean) },
    })),
    portfolio: {
      npsByArrBand: w.portfolio.npsByArrBand.map((b) => ({
        band: b.band,
        accounts: b.accounts,
        ...(b.figures.suppressed ? {} : { basis: b.figures.basis }),
        ...maybe(b.figures, scores),
      })),
      arrByCategory: w.portfolio.arrByCategory,
    },
    cohorts: {
      confidentialShare: round(w.cohorts.confidentialShare),
      newRespondents: w.cohorts.newRespondents,
      newConfidentialShare: round(w.cohorts.newConfidentialShare),
      confidential: maybe(w.cohorts.confidential, scores),
      identified: maybe(w.cohorts.identified, scores),
      npsGap: comparison(w.cohorts.npsGap),
      meanGap: w.cohorts.meanGap
        ? {
            against: w.cohorts.meanGap.against,
            delta: round(w.cohorts.meanGap.delta),
            ci95: pair(w.cohorts.meanGap.ci95),
            p: round(w.cohorts.meanGap.p),
            significant: w.cohorts.meanGap.significant,
          }
        : null,
      transitions: w.cohorts.transitions.map((t) => ({
        from: t.from,
        cohort: t.cohort,
        respondents: t.respondents,
        ...maybe(t.figures, (x) => ({ answeredAgain: x.answeredAgain, meanBefore: round(x.meanBefore), meanAfter: round(x.meanAfter), change: round(x.change) })),
      })),
    },
    themes: {
      source: w.themes.source,
      comments: w.themes.comments,
      commentShare: round(w.themes.commentShare),
      // The page-facing readings (shares of detractors, flags) are left out: the counts give them.
      themes: w.themes.themes.map(({ shareOfDetractors: _share, askedToImprove: _asked, strongLift: _strong, ...t }) => ({ ...t, detractorLift: round(t.detractorLift) })),
    },
    finance: { ...w.finance, revenueAtRisk: round(w.finance.revenueAtRisk), potentialGrowth: round(w.finance.potentialGrowth) },
    metrics: w.metrics.map(({ direction: _direction, judgement: _judgement, ...m }) => ({ ...m, changeShare: round(m.changeShare) })),
    // The oversight counts, named one by one so no new model field is exported by accident (the shares follow from them; the alerts themselves are in the queue CSV files).
    followup: {
      hasLog: w.followup.hasLog,
      confidentialNotAlerted: w.followup.confidentialNotAlerted,
      total: counts(w.followup.total),
      medianDaysToClose: w.followup.medianDaysToClose,
      byRule: w.followup.byRule.map(counts),
      byOwner: w.followup.byOwner.map(({ slug: _slug, open: _open, openOverdue: _openOverdue, ...o }) => counts(o)),
    },
    attributes: [...w.attributes, ...(w.overallSatisfaction ? [w.overallSatisfaction] : [])].map(attribute),
    attributeSegments: w.attributeSegments.map((d) => ({
      dimension: d.dimension,
      attributes: d.attributes.map((a) => ({
        id: a.id,
        values: a.values.map((v) => ({
          value: v.value,
          ...maybe(v.figures, (x) => ({
            n: x.n,
            mean: round(x.mean),
            lowShare: round(x.lowShare),
            driver: x.driver ? { n: x.driver.n, r: round(x.driver.r), ci95: pair(x.driver.ci95), significant: x.driver.significant } : null,
          })),
        })),
      })),
    })),
  };
}

export function summaryJson(model: SiteModel): string {
  const summary = {
    format: 'chorus-summary',
    version: SUMMARY_VERSION,
    program: model.program,
    benchmarks: model.benchmarks,
    waves: model.waves.map(wave),
    ingest: model.ingest.totals,
  };
  return JSON.stringify(summary, null, 2) + '\n';
}

type Cell = string | number | boolean | null;

function csv(header: string[], rows: Cell[][]): string {
  return Papa.unparse({ fields: header, data: rows.map((r) => r.map((c) => (c === null ? '' : c))) }, { escapeFormulae: true, newline: '\n' }) + '\n';
}

const fig = (f: MaybeSuppressed<ScoreFigures>): Cell[] =>
  f.suppressed ? ['', '', '', '', '', '', '', '', true] : [f.n, f.promoters, f.passives, f.detractors, round(f.nps), round(f.ci95[0]), round(f.ci95[1]), round(f.mean), false];
const FIG = ['n', 'promoters', 'passives', 'detractors', 'nps', 'ci95_low', 'ci95_high', 'mean', 'suppressed'];

/** One CSV per table of the model: file name -> contents. */
export function tableCsvs(model: SiteModel): Record<string, string> {
  const ws = model.waves;
  return {
    'waves.csv': csv(
      ['wave', 'label', 'as_of', ...FIG, 'change', 'change_significant', 'invited', 'response_rate', 'confidential'],
      ws.map((w) => [
        w.id,
        w.label,
        w.asOf,
        ...(w.figures ? fig({ suppressed: false, ...w.figures }) : fig({ suppressed: true, reason: 'small', note: '' })),
        round(w.change?.delta ?? null),
        w.change?.significant ?? null,
        w.invited,
        round(w.responseRate),
        w.confidential,
      ]),
    ),
    'distribution.csv': csv(
      ['wave', 'score', 'responses'],
      ws.flatMap((w) => (w.figures?.histogram ?? []).map((c, s) => [w.id, s, c])),
    ),
    'segments.csv': csv(
      ['wave', 'dimension', 'value', ...FIG, 'basis', 'gap_to_rest', 'gap_significant', 'promoter_lift'],
      ws.flatMap((w) =>
        w.segments.flatMap((d) =>
          d.values.map((v) => [
            w.id,
            d.id,
            v.value,
            ...fig(v.figures),
            ...(v.figures.suppressed
              ? ['', '', '', '']
              : [v.figures.basis, round(v.figures.gap?.delta ?? null), v.figures.gap?.significant ?? null, round(v.figures.promoterLift)]),
          ]),
        ),
      ),
    ),
    'accounts.csv': csv(
      [
        'wave',
        'account_id',
        'name',
        'owner',
        'arr',
        'renewal_date',
        'responses',
        'respondents',
        'invited',
        'response_rate',
        'decision_maker_answered',
        'rollup_n',
        'basis',
        'nps',
        'ci95_low',
        'ci95_high',
        'mean',
        'category',
      ],
      ws.flatMap((w) =>
        w.accounts.map((a) => [
          w.id,
          a.id,
          a.name,
          a.owner,
          a.arr,
          a.renewalDate,
          a.responses,
          a.respondents,
          a.invited,
          round(a.responseRate),
          a.decisionMakerAnswered,
          a.rollup.n,
          a.basis,
          round(a.rollup.nps),
          round(a.rollup.ci95?.[0] ?? null),
          round(a.rollup.ci95?.[1] ?? null),
          round(a.rollup.mean),
          a.rollup.category,
        ]),
      ),
    ),
    'arr-bands.csv': csv(
      ['wave', 'arr_band', 'accounts', ...FIG, 'basis'],
      ws.flatMap((w) => w.portfolio.npsByArrBand.map((b) => [w.id, b.band, b.accounts, ...fig(b.figures), b.figures.suppressed ? '' : b.figures.basis])),
    ),
    'arr-by-category.csv': csv(
      ['wave', 'category', 'accounts', 'arr'],
      ws.flatMap((w) => Object.entries(w.portfolio.arrByCategory).map(([c, v]) => [w.id, c, v.accounts, v.arr])),
    ),
    'cohorts.csv': csv(
      ['wave', 'cohort', ...FIG],
      ws.flatMap((w) => [
        [w.id, 'confidential', ...fig(w.cohorts.confidential)],
        [w.id, 'identified', ...fig(w.cohorts.identified)],
      ]),
    ),
    'themes.csv': csv(
      ['wave', 'theme', 'mentions', 'detractors', 'passives', 'promoters', 'improvement_mentions', 'detractor_lift'],
      ws.flatMap((w) =>
        w.themes.themes.map((t) => [w.id, t.theme, t.mentions, t.byCategory.detractor, t.byCategory.passive, t.byCategory.promoter, t.improvementMentions, round(t.detractorLift)]),
      ),
    ),
    'metrics.csv': csv(
      ['wave', 'metric', 'label', 'kind', 'unit', 'period', 'value', 'prior_period', 'prior', 'change', 'change_share'],
      ws.flatMap((w) => w.metrics.map((m) => [w.id, m.metric, m.label, m.kind, m.unit, m.period, m.value, m.priorPeriod, m.prior, round(m.change), round(m.changeShare)])),
    ),
    'attributes.csv': csv(
      [
        'wave',
        'attribute',
        'label',
        'scale_low',
        'scale_high',
        'n',
        'mean',
        'low_share',
        'detractor_mean',
        'detractor_low_share',
        'passive_mean',
        'passive_low_share',
        'promoter_mean',
        'promoter_low_share',
        'suppressed',
      ],
      ws.flatMap((w) =>
        [...w.attributes, ...(w.overallSatisfaction ? [w.overallSatisfaction] : [])].map((a) => {
          const f = a.figures;
          if (f.suppressed) return [w.id, a.id, a.label, a.scale[0], a.scale[1], '', '', '', '', '', '', '', '', '', true];
          const c = (k: 'detractor' | 'passive' | 'promoter') => {
            const x = f.byCategory[k];
            return x.suppressed ? ['', ''] : [round(x.mean), round(x.lowShare)];
          };
          return [w.id, a.id, a.label, a.scale[0], a.scale[1], f.n, round(f.mean), round(f.lowShare), ...c('detractor'), ...c('passive'), ...c('promoter'), false];
        }),
      ),
    ),
    'drivers.csv': csv(
      ['wave', 'attribute', 'label', 'n', 'r', 'ci95_low', 'ci95_high', 'p', 'significant', 'performance', 'quadrant'],
      ws.flatMap((w) =>
        w.attributes.flatMap((a) =>
          a.figures.suppressed || !a.figures.driver
            ? []
            : [
                [
                  w.id,
                  a.id,
                  a.label,
                  a.figures.driver.n,
                  round(a.figures.driver.r),
                  round(a.figures.driver.ci95[0]),
                  round(a.figures.driver.ci95[1]),
                  round(a.figures.driver.p),
                  a.figures.driver.significant,
                  round(a.figures.performance),
                  a.figures.quadrant,
                ],
              ],
        ),
      ),
    ),
    'finance.csv': csv(
      [
        'wave',
        'currency',
        'rated_arr',
        'revenue_at_risk',
        'potential_growth',
        'at_risk_detractor',
        'at_risk_passive',
        'at_risk_promoter',
        'growth_detractor',
        'growth_passive',
        'growth_promoter',
      ],
      ws.map((w) => {
        const f = w.finance;
        return [
          w.id,
          f.currency,
          f.ratedArr,
          round(f.revenueAtRisk),
          round(f.potentialGrowth),
          f.assumptions.atRisk.detractor,
          f.assumptions.atRisk.passive,
          f.assumptions.atRisk.promoter,
          f.assumptions.growth.detractor,
          f.assumptions.growth.passive,
          f.assumptions.growth.promoter,
        ];
      }),
    ),
  };
}
