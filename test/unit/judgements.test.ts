/**
 * The readings pages show and no longer work out themselves: benchmark verdicts, theme shares
 * and flags, metric directions, where promoters concentrate, segment leaders, follow-up shares,
 * the cohorts' mean gap in words, the attribute to fix first, and an action plan's evidence.
 * Every value is worked out by hand on a small program.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.ts';
import { summaryJson } from '../../src/pipeline/exports/summary.ts';
import { benchmarkComparisons } from '../../src/pipeline/analysis/benchmarks.ts';
import { leaderOf } from '../../src/pipeline/analysis/segments.ts';
import { fixFirst } from '../../src/pipeline/analysis/attributes.ts';
import { countsOf } from '../../src/pipeline/analysis/followup.ts';
import { planEvidence } from '../../src/pipeline/content/plan-evidence.ts';
import { figuresOf } from '../../src/pipeline/analysis/figures.ts';
import { tempProgram } from '../helpers/temp-program.ts';
import type { AttributeFigures, SegmentValue } from '../../src/pipeline/model/types.ts';

const model = async (files: Record<string, string>) => (await runPipeline({ dataDir: tempProgram(files) })).model;
const rows = (header: string, list: string[]) => [header, ...list].join('\n') + '\n';
/** `count` responses `<prefix><i>,<score>[,extra]`. */
const many = (prefix: string, count: number, score: number, extra = '') => Array.from({ length: count }, (_, i) => `${prefix}${i},${score}${extra}`);

describe('benchmarks against the wave', () => {
  // 20 responses: 10 promoters, 5 passives, 5 detractors: NPS +25. Adjusted Wald: n' = 23,
  // p' = 10.75/23, d' = 5.75/23, NPS' = 5/23 = 0.2174, var = (16.5/23 − 0.2174²)/23 = 0.02914,
  // half-width 1.96 × 0.1707 = 0.3346: the interval is −11.7 to +55.2.
  const files = {
    'program.yml':
      'benchmarks:\n  - { name: Industry, nps: -20, kind: industry, source: Survey, year: 2026 }\n  - { name: Rival, nps: 30, kind: competitor }\n  - { name: Leader, nps: 60, kind: competitor }\n',
    'responses/w1.csv': rows('response_id,score', [...many('p', 10, 9), ...many('a', 5, 7), ...many('d', 5, 3)]),
  };

  it('says for each benchmark whether we are above, below or within noise of it', async () => {
    const m = await model(files);
    const w = m.waves[0]!;
    expect(w.figures!.nps).toBe(25);
    expect(w.figures!.ci95[0]).toBeCloseTo(-11.72, 1);
    expect(w.figures!.ci95[1]).toBeCloseTo(55.2, 1);
    expect(w.benchmarks).toEqual([
      { name: 'Industry', nps: -20, kind: 'industry', source: 'Survey', year: 2026, delta: 45, verdict: 'above', words: 'we are above it beyond noise' },
      { name: 'Rival', nps: 30, kind: 'competitor', source: null, year: null, delta: -5, verdict: 'within', words: 'within our 95% interval: no real difference' },
      { name: 'Leader', nps: 60, kind: 'competitor', source: null, year: null, delta: -35, verdict: 'below', words: 'we are below it beyond noise' },
    ]);
    // summary.json keeps the program's list as it was; the verdicts are for pages.
    expect(JSON.parse(summaryJson(m)).waves[0].benchmarks).toBeUndefined();
  });

  it('calls a benchmark on the edge of the interval within noise, and compares nothing without responses', () => {
    const f = figuresOf([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])!; // one promoter
    const [low, high] = f.ci95;
    const b = (nps: number) => ({ name: 'x', nps, kind: 'industry', source: null, year: null });
    expect(benchmarkComparisons([b(low), b(high)], f).map((x) => x.verdict)).toEqual(['within', 'within']);
    expect(benchmarkComparisons([b(0)], null)).toEqual([]);
  });
});

describe('theme readings', () => {
  // 4 detractors, 2 passives, 4 promoters.
  const files = {
    'program.yml': 'themes:\n  Reporting: [report]\n  Support: [support]\n  Price: [price]\n  Onboarding: [onboarding]\n',
    'responses/w1.csv': rows('response_id,score,comment', [
      'd1,2,report and onboarding',
      'd2,3,report and onboarding',
      'd3,4,report and support and onboarding',
      'd4,5,nothing to add',
      'a1,7,ok',
      'a2,8,ok',
      'p1,9,report support price onboarding',
      'p2,10,support price onboarding',
      'p3,10,great',
      'p4,9,great',
    ]),
    // w2: promoters only, so no share of detractors.
    'responses/w2.csv': rows('response_id,score,comment', ['q1,10,report', 'q2,9,fine']),
  };

  it('gives the share of detractors raising each theme, whether customers ask to improve it, and whether the lift is worth saying', async () => {
    const m = await model(files);
    const by = Object.fromEntries(m.waves[0]!.themes.themes.map((t) => [t.theme, t]));
    // Reporting: 3 of 4 detractors, 1 of 4 promoters: lift (3/4)/(1/4) = 3
    expect(by['Reporting']).toMatchObject({ shareOfDetractors: 0.75, detractorLift: 3, askedToImprove: true, strongLift: true });
    // Onboarding: 3 of 4 detractors, 2 of 4 promoters: lift exactly 1.5, not above it
    expect(by['Onboarding']).toMatchObject({ shareOfDetractors: 0.75, detractorLift: 1.5, askedToImprove: true, strongLift: false });
    // Support: 1 of 4 detractors, 2 of 4 promoters: lift 0.5
    expect(by['Support']).toMatchObject({ shareOfDetractors: 0.25, detractorLift: 0.5, askedToImprove: true, strongLift: false });
    // Price: promoters only: nothing to improve, lift 0
    expect(by['Price']).toMatchObject({ shareOfDetractors: 0, detractorLift: 0, askedToImprove: false, strongLift: false });
    const w2 = m.waves[1]!.themes.themes[0]!;
    expect(w2).toMatchObject({ theme: 'Reporting', shareOfDetractors: null, detractorLift: null, askedToImprove: false, strongLift: false });
    // summary.json's theme entries are as before
    expect(Object.keys(JSON.parse(summaryJson(m)).waves[0].themes.themes[0])).toEqual([
      'theme',
      'slug',
      'countsConfidential',
      'mentions',
      'byCategory',
      'improvementMentions',
      'detractorLift',
      'verbatims',
    ]);
  });
});

describe('metric readings', () => {
  it('says which way each metric went and, where program.yml says which way is better, whether that is good news', async () => {
    const m = await model({
      'program.yml':
        'waves:\n  - id: w1\n    period: 2026-Q2\nmetrics:\n  tickets: { higher_is_better: false }\n  calls: { higher_is_better: true }\n  churn: { higher_is_better: false }\n  uptime: { higher_is_better: true }\n',
      'responses/w1.csv': rows('response_id,score', ['a,9']),
      'metrics.csv':
        [
          'metric,period,value',
          'tickets,2026-Q1,100',
          'tickets,2026-Q2,120',
          'calls,2026-Q1,50',
          'calls,2026-Q2,40',
          'churn,2026-Q1,8',
          'churn,2026-Q2,6',
          'uptime,2026-Q1,99',
          'uptime,2026-Q2,99',
          'renewals,2026-Q1,4000',
          'renewals,2026-Q2,5000',
          'visits,2026-Q2,7',
        ].join('\n') + '\n',
    });
    const by = Object.fromEntries(m.waves[0]!.metrics.map((x) => [x.metric, x]));
    expect(by['tickets']).toMatchObject({ change: 20, direction: 'up', judgement: 'worse' });
    expect(by['calls']).toMatchObject({ change: -10, direction: 'down', judgement: 'worse' });
    expect(by['churn']).toMatchObject({ change: -2, direction: 'down', judgement: 'better' });
    expect(by['uptime']).toMatchObject({ change: 0, direction: 'unchanged', judgement: null });
    expect(by['renewals']).toMatchObject({ change: 1000, direction: 'up', judgement: null });
    expect(by['visits']).toMatchObject({ change: null, direction: null, judgement: null });
    expect(JSON.parse(summaryJson(m)).waves[0].metrics[0].direction).toBeUndefined();
  });
});

describe('where promoters concentrate, and which segment leads', () => {
  // region: EMEA 20 × 10; APAC 20 × 2; NA 5 × 10 and 5 × 8. 50 responses, 25 promoters: share 0.5.
  // plan: Gold = 10 EMEA + the 5 NA promoters + 5 APAC (20, 15 promoters);
  //       Silver = 10 EMEA + the 5 NA passives + 15 APAC (30, 10 promoters).
  // size: every value alternates Small / Large.
  const list = [
    ...many('e', 20, 10).map((r, i) => `${r},EMEA,${i < 10 ? 'Gold' : 'Silver'}`),
    ...many('a', 20, 2).map((r, i) => `${r},APAC,${i < 5 ? 'Gold' : 'Silver'}`),
    ...many('n', 5, 10).map((r) => `${r},NA,Gold`),
    ...many('m', 5, 8).map((r) => `${r},NA,Silver`),
  ].map((r, i) => `${r},${i % 2 ? 'Large' : 'Small'}`);
  const files = {
    'program.yml': 'segments:\n  - { id: region, label: Region }\n  - { id: plan, label: Plan }\n  - { id: size, label: Size }\n',
    'responses/w1.csv': rows('response_id,score,region,plan,size', list),
  };

  it('lists the values with more promoters than the wave, highest lift first', async () => {
    const w = (await model(files)).waves[0]!;
    const gold = w.segments[1]!.values.find((v) => v.value === 'Gold')!.figures;
    if (gold.suppressed) throw new Error('suppressed');
    // EMEA 20/20 = 1 → lift 2; Gold 15/20 = 0.75 → lift 1.5; NA 5/10 = 0.5 → lift 1, not above it.
    // Small and Large: 13 and 12 promoters of 25, lifts 1.04 and 0.96.
    expect(w.promoterConcentrations.map((c) => [c.value, c.lift])).toEqual([
      ['EMEA', 2],
      ['Gold', 1.5],
      ['Small', 1.04],
    ]);
    expect(w.promoterConcentrations[0]).toEqual({ dimension: 'region', label: 'Region', value: 'EMEA', lift: 2, promoterShare: 1, n: 20, significant: true });
    // Gold: NPS (15 − 5)/20 = +50 against Silver's (10 − 15)/30 = −16.7, a significant gap
    expect(w.promoterConcentrations[1]).toMatchObject({ label: 'Plan', promoterShare: 0.75, n: 20, significant: gold.gap!.significant });
    expect(gold.gap!.significant).toBe(true);
    // Small: NPS (13 − 10)/25 = +12 against Large's (12 − 10)/25 = +8, within noise
    expect(w.promoterConcentrations[2]!.significant).toBe(false);
  });

  it('names the value that stands above the rest beyond noise, if one does', async () => {
    const w = (await model(files)).waves[0]!;
    expect(w.segments.map((d) => d.leader)).toEqual(['EMEA', 'Gold', null]);
  });

  it('never makes a leader of a value below the rest, or of a suppressed one', () => {
    const value = (v: string, nps: number, delta: number, significant: boolean): SegmentValue =>
      ({ value: v, figures: { suppressed: false, nps, gap: { against: 'rest', delta, ci95: [0, 0], p: 0, significant, words: '' } } }) as unknown as SegmentValue;
    const hidden: SegmentValue = { value: 'Z', figures: { suppressed: true, reason: 'small', note: 'fewer than 5 responses' } };
    expect(leaderOf([value('A', -10, -30, true)])).toBeNull();
    expect(leaderOf([hidden, value('A', 40, 20, true), value('B', 40, 25, true)])).toBe('A');
    expect(leaderOf([value('A', 40, 20, false), value('B', 30, 25, true)])).toBeNull();
    expect(leaderOf([hidden])).toBeNull();
  });
});

describe('follow-up shares', () => {
  it('has no share without alerts', () => {
    expect(countsOf([])).toEqual({
      alerts: 0,
      followedUp: 0,
      closed: 0,
      closedInTime: 0,
      overdue: 0,
      followedUpShare: null,
      closedShare: null,
      closedInTimeShare: null,
      medianDaysToClose: null,
    });
  });

  it('keeps summary.json to the counts', async () => {
    const m = await model({
      'program.yml': 'waves:\n  - id: w1\n    as_of: 2026-03-20\n',
      'responses/w1.csv': rows('response_id,score,submitted_at,comment', ['r1,2,2026-03-01,bad', 'r2,3,2026-03-01,bad']),
      'followups.csv': 'response_id,status,opened_at,closed_at\nr1,closed,2026-03-01,2026-03-02\n',
    });
    const f = m.waves[0]!.followup;
    // two detractor alerts, one closed the next day (within 2 days)
    expect(f.total).toMatchObject({ alerts: 2, closed: 1, followedUpShare: 0.5, closedShare: 0.5, closedInTimeShare: 0.5 });
    expect(f.byOwner[0]).toMatchObject({ closedInTimeShare: 0.5 });
    const s = JSON.parse(summaryJson(m)).waves[0].followup;
    expect(Object.keys(s.total)).toEqual(['alerts', 'followedUp', 'closed', 'closedInTime', 'overdue']);
    expect(Object.keys(s.byRule[0])).toEqual(['rule', 'label', 'dueDays', 'alerts', 'followedUp', 'closed', 'closedInTime', 'overdue', 'medianDaysToClose']);
    expect(Object.keys(s.byOwner[0])).toEqual(['owner', 'alerts', 'followedUp', 'closed', 'closedInTime', 'overdue', 'medianDaysToClose']);
  });
});

describe("the cohorts' mean gap in words", () => {
  it('says how far and which way when the difference is real, and "within noise" when not', async () => {
    // 3, 5, 3, 5… (mean 4) against 8, 10, 8, 10… (mean 9), 10 each: 5 points lower, with a standard
    // error of √(2 × (10/9)/10) = 0.47, far beyond noise
    const real = await model({
      'responses/w1.csv': rows('response_id,score,confidential', [
        ...Array.from({ length: 10 }, (_, i) => `c${i},${i % 2 ? 5 : 3},yes`),
        ...Array.from({ length: 10 }, (_, i) => `i${i},${i % 2 ? 10 : 8},no`),
      ]),
    });
    expect(real.waves[0]!.cohorts.meanGap).toMatchObject({ delta: -5, significant: true, words: '5.0 points lower, a real difference' });
    // 5, 7, 5, 7, 5, 7 against 4, 8, 4, 8, 4, 8: both means 6
    const same = await model({
      'responses/w1.csv': rows('response_id,score,confidential', [...[5, 7, 5, 7, 5, 7].map((s, i) => `c${i},${s},yes`), ...[4, 8, 4, 8, 4, 8].map((s, i) => `i${i},${s},no`)]),
    });
    expect(same.waves[0]!.cohorts.meanGap).toMatchObject({ delta: 0, significant: false, words: 'within noise' });
    expect(JSON.parse(summaryJson(real)).waves[0].cohorts.meanGap.words).toBeUndefined();
  });
});

describe('the attribute to fix first', () => {
  const attribute = (id: string, r: number, quadrant: 'fix first' | 'keep up' | null, suppressed = false): AttributeFigures =>
    (suppressed
      ? { id, label: id, scale: [1, 5], figures: { suppressed: true, reason: 'small', note: 'fewer than 5 ratings' } }
      : { id, label: id, scale: [1, 5], figures: { suppressed: false, quadrant, driver: { n: 30, r, ci95: [0, 1], p: 0.01, significant: true } } }) as unknown as AttributeFigures;

  it('is the "fix first" attribute most tied to the score, the first on a tie', () => {
    expect(fixFirst([attribute('a', 0.4, 'fix first'), attribute('b', 0.9, 'keep up'), attribute('c', 0.6, 'fix first'), attribute('d', 0.6, 'fix first')])).toBe('c');
    expect(fixFirst([attribute('a', 0.9, 'keep up'), attribute('b', 0, null, true)])).toBeNull();
    expect(fixFirst([])).toBeNull();
  });

  it('is in the model', async () => {
    // reporting rises with the score and is rated low; billing is unrelated to it
    const lines = Array.from({ length: 110 }, (_, i) => `r${i},${i % 11},${1 + Math.min(3, Math.floor((i % 11) / 3))},${1 + ((i * 7) % 5)}`);
    const m = await model({
      'program.yml': 'attributes:\n  - { id: reporting, label: Reporting, column: rating_reporting }\n  - { id: billing, label: Billing, column: rating_billing }\n',
      'responses/w1.csv': rows('response_id,score,rating_reporting,rating_billing', lines),
    });
    const w = m.waves[0]!;
    const reporting = w.attributes[0]!.figures;
    if (reporting.suppressed) throw new Error('suppressed');
    expect(reporting.quadrant).toBe('fix first');
    expect(w.fixFirst).toBe('reporting');
  });
});

describe("an action plan's evidence", () => {
  it("finds the latest wave's figures for the themes, segments and attributes a plan names", async () => {
    const m = await model({
      'program.yml':
        'segments:\n  - { id: region, label: Region }\nattributes:\n  - { id: reporting, label: Reporting, column: rating_reporting }\nthemes:\n  Reporting: [report]\n',
      // w1: 6 ratings of 4; w2: 6 ratings of 2 (mean 2); 2 of the 4 detractors raise "report"
      'responses/w1.csv': rows('response_id,score,region,rating_reporting,comment', many('a', 6, 9, ',EMEA,4,fine')),
      'responses/w2.csv': rows('response_id,score,region,rating_reporting,comment', [
        'b1,2,EMEA,2,the report is slow',
        'b2,3,EMEA,2,report again',
        'b3,4,EMEA,2,meh',
        'b4,5,APAC,2,meh',
        'b5,10,APAC,2,report is fine',
        'b6,9,APAC,2,good',
      ]),
    });
    const e = planEvidence(m, {
      themes: ['Reporting', 'Pricing'],
      segments: [
        { dimension: 'region', value: 'EMEA' },
        { dimension: 'region', value: 'LATAM' },
        { dimension: 'tier', value: 'Gold' },
      ],
      attributes: ['reporting', 'speed'],
    });
    expect(e.wave).toEqual({ id: 'w2', label: 'w2' });
    expect(e.themes[0]!.figures).toMatchObject({ slug: 'reporting', byCategory: { detractor: 2, passive: 0, promoter: 1 }, shareOfDetractors: 0.5, detractorLift: 1 });
    expect(e.themes[1]).toEqual({ theme: 'Pricing', figures: null });
    // EMEA has 3 responses: under the default minimum group size (5), so only its note
    expect(e.segments[0]).toMatchObject({ label: 'Region', value: 'EMEA', figures: { suppressed: true } });
    expect(e.segments[1]).toEqual({ dimension: 'region', value: 'LATAM', label: 'Region', figures: null });
    expect(e.segments[2]).toEqual({ dimension: 'tier', value: 'Gold', label: 'tier', figures: null });
    expect(e.attributes[0]).toMatchObject({
      id: 'reporting',
      label: 'Reporting',
      figures: { suppressed: false, mean: 2 },
      byWave: [
        { wave: 'w1', mean: 4 },
        { wave: 'w2', mean: 2 },
      ],
    });
    expect(e.attributes[1]).toEqual({
      id: 'speed',
      label: null,
      figures: null,
      byWave: [
        { wave: 'w1', mean: null },
        { wave: 'w2', mean: null },
      ],
    });
  });
});
