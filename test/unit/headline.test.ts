/**
 * The headline of a briefing (src/pipeline/content/headline.ts): the change in points and words,
 * and the findings, bad news first, each marked good or bad, leaving to the narrative what it
 * states. Worked on hand-made waves whose findings are known, then on a model the pipeline built.
 */
import { describe, expect, it } from 'vitest';
import { cohortSummary, headlineChange, headlineOf, MAX_BAD, MAX_GOOD } from '../../src/pipeline/content/headline.ts';
import type { BenchmarkComparison, MetricChange, WaveModel } from '../../src/pipeline/model/types.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import { tempProgram } from '../helpers/temp-program.ts';

const WAVES = [
  { id: 'w1', label: 'Spring 2026' },
  { id: 'w2', label: 'Summer 2026' },
];

const bench = (name: string, nps: number, verdict: BenchmarkComparison['verdict'], kind = 'industry'): BenchmarkComparison => ({
  name,
  nps,
  kind,
  source: null,
  year: null,
  delta: 0,
  verdict,
  words: '',
});
const metric = (m: string, label: string, judgement: MetricChange['judgement'], changeShare: number): MetricChange => ({
  metric: m,
  label,
  kind: 'operational',
  unit: null,
  period: 'w2',
  value: 1,
  priorPeriod: 'w1',
  prior: 1,
  change: 0,
  changeShare,
  higherIsBetter: true,
  direction: changeShare > 0 ? 'up' : 'down',
  judgement,
});
const counts = (alerts: number, overdue: number) => ({
  alerts,
  followedUp: 0,
  closed: 0,
  closedInTime: 0,
  overdue,
  followedUpShare: null,
  closedShare: null,
  closedInTimeShare: null,
});
const shown = (o: { nps: number; n: number; gap?: number; gapSignificant?: boolean; change?: number; changeSignificant?: boolean }) => ({
  value: '',
  figures: {
    suppressed: false,
    nps: o.nps,
    n: o.n,
    gap: o.gap === undefined ? null : { against: 'rest', delta: o.gap, significant: o.gapSignificant ?? true, words: '' },
    change: o.change === undefined ? null : { against: 'w1', delta: o.change, significant: o.changeSignificant ?? true, words: '' },
    promoterLift: null,
  },
});

/** A wave with what the headline reads; every finding absent unless given. */
function wave(o: Partial<Record<'change' | 'benchmarks' | 'followup' | 'themes' | 'finance' | 'segments' | 'metrics', unknown>> = {}): WaveModel {
  return {
    id: 'w2',
    label: 'Summer 2026',
    figures: { nps: 15, n: 806, ci95: [10, 20] },
    change: o.change ?? null,
    benchmarks: o.benchmarks ?? [],
    followup: o.followup ?? { hasLog: false, total: counts(0, 0) },
    themes: { themes: o.themes ?? [] },
    finance: o.finance ?? { currency: 'USD', revenueAtRisk: 0, potentialGrowth: 0, ratedArr: 0 },
    segments: o.segments ?? [],
    metrics: o.metrics ?? [],
  } as unknown as WaveModel;
}

/** A wave with one finding of every kind. */
const everything = () =>
  wave({
    benchmarks: [
      bench('B2B software industry median', 29, 'below'),
      bench('Competitor A (public filings)', 21, 'below', 'competitor'),
      bench('Internal goal', 0, 'above', 'internal'),
      bench('Peer', 15, 'within'),
    ],
    followup: { hasLog: true, total: counts(849, 562) },
    themes: [
      { theme: 'pricing', askedToImprove: false, shareOfDetractors: 0.5, byCategory: { detractor: 1 }, improvementMentions: 0 },
      { theme: 'reporting usability', askedToImprove: true, shareOfDetractors: 0.395, byCategory: { detractor: 64 }, improvementMentions: 114 },
    ],
    finance: { currency: 'USD', revenueAtRisk: 4_312_690, potentialGrowth: 1_859_672, ratedArr: 40_837_500 },
    segments: [
      {
        id: 'impl',
        label: 'Implementation',
        values: [
          { ...shown({ nps: -15, n: 81, gap: -38 }), value: 'Partner' },
          { ...shown({ nps: 27, n: 373, gap: 23 }), value: 'Guided' },
        ],
      },
      { id: 'region', label: 'Region', values: [{ ...shown({ nps: 2, n: 50, change: -12 }), value: 'EMEA' }] },
    ],
    metrics: [metric('tickets', 'Support tickets', 'worse', 0.27), metric('incidents', 'Production incidents', 'better', -0.53), metric('arr', 'ARR', 'better', 0.01)],
  });

describe('the change since the wave before', () => {
  it('states it in points and words, with its significance, the wave named by its label', () => {
    expect(headlineChange(wave({ change: { against: 'w1', delta: 9.98, significant: true } }), WAVES)).toEqual({
      tone: 'good',
      text: '+10 points since Spring 2026, a significant rise',
    });
    expect(headlineChange(wave({ change: { against: 'w1', delta: -10.2, significant: true } }), WAVES)).toEqual({
      tone: 'bad',
      text: '−10 points since Spring 2026, a significant fall',
    });
    expect(headlineChange(wave({ change: { against: 'w1', delta: -2.8, significant: false } }), WAVES)).toEqual({
      tone: 'level',
      text: '−3 points since Spring 2026, within noise',
    });
    expect(headlineChange(wave(), WAVES).tone).toBe('level');
    expect(headlineChange(wave(), WAVES).text).toMatch(/first wave/i);
  });
});

describe('headline findings', () => {
  it('words each kind of bad news and puts it before the good', () => {
    const h = headlineOf(everything(), WAVES);
    expect(h.findings.map((f) => [f.tone, f.text])).toEqual([
      ['bad', 'Region “EMEA”: NPS −12 points since Spring 2026, a significant fall'],
      ['bad', 'Below the B2B software industry median (+29) and Competitor A (+21)'],
      ['bad', '562 of 849 follow-ups overdue (66%)'],
      ['bad', 'Reporting usability: the top complaint, raised by 40% of detractors'],
      ['good', 'Above Internal goal (0)'],
      ['good', 'Production incidents down 53% since Spring 2026'],
    ]);
    expect(h.findings.filter((f) => f.tone === 'bad')).toHaveLength(MAX_BAD);
    expect(h.findings.filter((f) => f.tone === 'good')).toHaveLength(MAX_GOOD);
  });

  it('never lists good news before bad, whatever the wave', () => {
    const h = headlineOf(everything(), WAVES);
    const firstGood = h.findings.findIndex((f) => f.tone === 'good');
    expect(h.findings.slice(firstGood).every((f) => f.tone === 'good')).toBe(true);
  });

  it('says revenue at risk, the weakest segment and a worse metric when fewer bad findings crowd them', () => {
    const w = everything();
    const fewer = { ...w, benchmarks: [], followup: { hasLog: false, total: counts(0, 0) }, themes: { themes: [] }, segments: w.segments.slice(0, 1) } as unknown as WaveModel;
    const h = headlineOf(fewer, WAVES);
    expect(h.findings.filter((f) => f.tone === 'bad').map((f) => f.text)).toEqual([
      'Revenue at risk: $4.3M, 11% of the revenue of accounts that answered',
      'Implementation “Partner”: NPS −15 (n = 81), 38 points below the rest',
      'Support tickets up 27% since Spring 2026',
    ]);
    expect(h.states).toEqual(['revenueAtRisk', 'potentialGrowth']);
    expect(h.findings.at(-1)!.text).toBe('Potential growth: $1.9M of annual revenue');
  });

  it('leaves to the narrative the figures it states, the metric cards it places and the segments it draws', () => {
    const w = everything();
    const fewer = { ...w, benchmarks: [], followup: { hasLog: false, total: counts(0, 0) }, themes: { themes: [] }, segments: w.segments.slice(0, 1) } as unknown as WaveModel;
    const h = headlineOf(fewer, WAVES, { figures: ['revenueAtRisk', 'potentialGrowth'], metrics: ['tickets'], segments: ['impl'] });
    const text = h.findings.map((f) => f.text).join('\n');
    expect(text).not.toMatch(/Revenue at risk|Potential growth|Support tickets|Partner/);
    expect(h.states).toEqual([]);
    expect(text).toContain('Production incidents down 53%');
  });

  it('counts follow-up with nothing overdue as good news, and says nothing of follow-up without a log', () => {
    expect(headlineOf(wave({ followup: { hasLog: true, total: counts(12, 0) } }), WAVES).findings).toEqual([
      { tone: 'good', topic: 'followup', text: 'No follow-up overdue of 12' },
    ]);
    expect(headlineOf(wave({ followup: { hasLog: true, total: counts(1, 1) } }), WAVES).findings[0]!.text).toBe('1 of 1 follow-up overdue (100%)');
    expect(headlineOf(wave({ followup: { hasLog: false, total: counts(5, 5) } }), WAVES).findings).toEqual([]);
  });

  it('counts a wave where no score fell beyond noise as good news, but not the first wave, nor a wave whose own score fell', () => {
    const rise = { against: 'w1', delta: 9.98, significant: true };
    const steady = wave({
      change: rise,
      segments: [{ id: 'region', label: 'Region', values: [{ ...shown({ nps: 2, n: 50, change: -12, changeSignificant: false }), value: 'EMEA' }] }],
    });
    expect(headlineOf(steady, WAVES).findings).toEqual([{ tone: 'good', topic: 'declines', text: 'No score fell beyond noise since Spring 2026, overall or in any segment' }]);
    expect(headlineOf(wave(), WAVES).findings).toEqual([]);
    expect(headlineOf(wave({ change: { ...rise, delta: -10 } }), WAVES).findings).toEqual([]);
  });

  it('leaves out benchmarks within noise, and names several segment falls in one finding', () => {
    const falls = wave({
      benchmarks: [bench('Peer', 15, 'within')],
      segments: [
        {
          id: 'region',
          label: 'Region',
          values: [
            { ...shown({ nps: 2, n: 50, change: -12 }), value: 'EMEA' },
            { ...shown({ nps: 5, n: 60, change: -20 }), value: 'APAC' },
            { ...shown({ nps: 5, n: 60, change: -30, changeSignificant: false }), value: 'LATAM' },
          ],
        },
      ],
    });
    expect(headlineOf(falls, WAVES).findings.map((f) => f.text)).toEqual(['NPS fell beyond noise in 2 segments since Spring 2026, most in Region “APAC” (−20 points)']);
  });

  it('finds the bad news in a model the pipeline built: below a benchmark and overdue follow-up', async () => {
    // 20 answers: 8 promoters, 6 passives, 6 detractors: NPS +10, well below a benchmark of +60.
    const scores = [10, 10, 9, 9, 9, 9, 10, 9, 8, 8, 7, 7, 8, 7, 0, 3, 5, 6, 2, 4];
    const { model } = await runPipeline({
      dataDir: tempProgram({
        'program.yml': 'benchmarks:\n  - { name: Industry median, nps: 60 }\nwaves:\n  - id: w1\n    as_of: 2026-03-31\n',
        'responses/w1.csv': `response_id,score,submitted_at\n${scores.map((s, i) => `r${i},${s},2026-03-01`).join('\n')}\n`,
        'followups.csv': 'response_id,status,opened_at,closed_at\nr14,closed,2026-03-01,2026-03-02\n',
      }),
    });
    const h = headlineOf(model.waves[0]!, model.waves);
    const bad = h.findings.filter((f) => f.tone === 'bad').map((f) => f.text);
    expect(bad[0]).toBe('Below the Industry median (+60)');
    expect(bad.some((t) => /^\d+ of \d+ follow-ups? overdue \(\d+%\)$/.test(t))).toBe(true);
  });
});

describe('the confidential cohort in one line', () => {
  it('gives the share and both cohorts’ scores with n and the verdict, or nothing when a cohort is not shown', () => {
    const cohorts = (o: object) =>
      ({
        cohorts: {
          confidentialShare: 0.25,
          confidential: { suppressed: false, nps: -12.4, n: 201 },
          identified: { suppressed: false, nps: 24, n: 605 },
          npsGap: { significant: true },
          ...o,
        },
      }) as unknown as WaveModel;
    expect(cohortSummary(cohorts({}))).toBe('25% chose confidentiality: NPS −12 (n = 201) against +24 (n = 605) for the identified, a significant difference');
    expect(cohortSummary(cohorts({ npsGap: { significant: false } }))).toMatch(/, within noise$/);
    expect(cohortSummary(cohorts({ confidential: { suppressed: true, note: 'fewer than 5 responses' }, npsGap: null }))).toBeNull();
    expect(cohortSummary(cohorts({ confidentialShare: null }))).toBeNull();
  });
});
