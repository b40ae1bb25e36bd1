/**
 * The analysis on small programs whose every figure is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runPipeline } from '../../src/pipeline/run.ts';
import { summaryJson } from '../../src/pipeline/exports/summary.ts';
import { tempProgram } from '../helpers/temp-program.ts';
import type { WaveModel } from '../../src/pipeline/model/types.ts';
import { MemorySink } from '../../src/pipeline/records/types.ts';

const model = async (files: Record<string, string>) => (await runPipeline({ dataDir: tempProgram(files) })).model;
/** The model and the per-page records the pipeline handed to its sink. */
const analysed = async (files: Record<string, string>) => {
  const sink = new MemorySink();
  const { model } = await runPipeline({ dataDir: tempProgram(files), sink });
  return { model, sink };
};

/** Rows `id,score[,extra…]` from a compact list. */
const rows = (header: string, list: string[]) => [header, ...list].join('\n') + '\n';

describe('wave figures and trend', () => {
  it('computes counts, shares, NPS, mean and marks only significant changes', async () => {
    // w1: 10 responses: 5 promoters, 3 passives, 2 detractors: NPS 30, mean (10+10+9+9+9+8+7+7+3+0)/10 = 7.2
    const w1 = ['a,10', 'b,10', 'c,9', 'd,9', 'e,9', 'f,8', 'g,7', 'h,7', 'i,3', 'j,0'];
    // w2: 200 responses, 20 promoters, 180 detractors: NPS −80, far below w1 → significant
    const w2 = Array.from({ length: 200 }, (_, i) => `k${i},${i < 20 ? 10 : 2}`);
    // w3: 200 responses, 22 promoters, 178 detractors: NPS −78 → within noise
    const w3 = Array.from({ length: 200 }, (_, i) => `m${i},${i < 22 ? 10 : 2}`);
    const m = await model({
      'responses/w1.csv': rows('response_id,score', w1),
      'responses/w2.csv': rows('response_id,score', w2),
      'responses/w3.csv': rows('response_id,score', w3),
    });
    const [a, b, c] = m.waves as [WaveModel, WaveModel, WaveModel];
    expect(a.figures).toMatchObject({ n: 10, promoters: 5, passives: 3, detractors: 2, promoterShare: 0.5, detractorShare: 0.2, nps: 30 });
    expect(a.figures!.mean).toBeCloseTo(7.2, 10);
    expect(a.figures!.histogram).toEqual([1, 0, 0, 1, 0, 0, 0, 2, 1, 3, 2]);
    expect(a.change).toBeNull();
    expect(b.figures!.nps).toBe(-80);
    expect(b.change).toMatchObject({ against: 'w1', delta: -110, significant: true });
    expect(b.change!.words).toBe('down 110 points, a significant fall');
    expect(c.change).toMatchObject({ against: 'w2', significant: false });
    expect(c.change!.words).toBe('up 2 points, within noise');
  });
});

describe('segments', () => {
  const program = (min: number) => ({
    'program.yml': `min_group_size: ${min}\nsegments:\n  - id: region\n    label: Region\n`,
    // EMEA 6 (all promoters), APAC 3 (detractors), NA 8 (4 promoters, 4 passives), no region 1
    'responses/w1.csv': rows('response_id,score,region', [
      ...Array.from({ length: 6 }, (_, i) => `e${i},10,EMEA`),
      ...Array.from({ length: 3 }, (_, i) => `a${i},2,APAC`),
      ...Array.from({ length: 4 }, (_, i) => `n${i},9,NA`),
      ...Array.from({ length: 4 }, (_, i) => `p${i},7,NA`),
      'x,5,',
    ]),
  });

  it('shows large groups with gap and lift, and suppresses small ones and their complement', async () => {
    const m = await model(program(5));
    const region = m.waves[0]!.segments[0]!;
    expect(region.label).toBe('Region');
    const byValue = Object.fromEntries(region.values.map((v) => [v.value, v.figures]));
    // APAC (3) and "Not known" (1) are small; together 4 < 5, so the smallest shown group (EMEA, 6) goes too.
    expect(byValue['APAC']).toMatchObject({ suppressed: true, reason: 'small' });
    expect(byValue['Not known']).toMatchObject({ suppressed: true, reason: 'small' });
    expect(byValue['EMEA']).toMatchObject({ suppressed: true, reason: 'complementary' });
    const na = byValue['NA']!;
    expect(na.suppressed).toBe(false);
    if (na.suppressed) return;
    expect(na.nps).toBe(50);
    // overall: 10 promoters of 18 → share 5/9; NA 4/8 = 0.5 → lift 0.9
    expect(na.promoterLift).toBeCloseTo(0.9, 10);
    // rest: 6 promoters, 4 detractors of 10 → NPS 20; NA − rest = 30
    expect(na.gap!.delta).toBeCloseTo(30, 10);
    // a suppressed entry carries no figure at all
    for (const v of region.values) if (v.figures.suppressed) expect(Object.keys(v.figures).sort()).toEqual(['note', 'reason', 'suppressed']);
  });

  it('shows everything when every group reaches the minimum', async () => {
    const m = await model(program(1));
    expect(m.waves[0]!.segments[0]!.values.every((v) => !v.figures.suppressed)).toBe(true);
  });

  it('never puts a figure for a group under the minimum into the model or summary.json, even by subtraction', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ region: fc.constantFrom('A', 'B', 'C', 'D', ''), score: fc.integer({ min: 0, max: 10 }) }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 8 }),
        async (answers, min) => {
          const m = await model({
            'program.yml': `min_group_size: ${min}\nsegments:\n  - id: region\n`,
            'responses/w1.csv': rows(
              'response_id,score,region',
              answers.map((a, i) => `r${i},${a.score},${a.region}`),
            ),
          });
          const values = m.waves[0]!.segments[0]!.values;
          const sizes = new Map<string, number>();
          for (const a of answers) sizes.set(a.region || 'Not known', (sizes.get(a.region || 'Not known') ?? 0) + 1);
          let hiddenTotal = 0;
          for (const v of values) {
            const n = sizes.get(v.value)!;
            if (n < min) expect(v.figures.suppressed).toBe(true);
            if (v.figures.suppressed) hiddenTotal += n;
            else expect(v.figures.n).toBe(n);
          }
          // What subtraction from the wave total reveals is the hidden groups combined: never a small group
          // (unless the whole wave is smaller than the minimum, and everything is hidden).
          if (hiddenTotal > 0 && values.some((v) => !v.figures.suppressed)) expect(hiddenTotal).toBeGreaterThanOrEqual(min);
          const summary = JSON.parse(summaryJson(m));
          for (const entry of summary.waves[0].segments.region) {
            if (entry.suppressed) expect(Object.keys(entry).sort()).toEqual(['note', 'suppressed', 'value']);
            else expect(entry.n).toBeGreaterThanOrEqual(min);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('accounts', () => {
  const files = {
    'program.yml':
      'account_weighting: role\nroles:\n  decision_maker: { label: Decision maker, weight: 3, decision_maker: true }\n  user: { label: User, weight: 1 }\nfinance:\n  at_risk: { detractor: 0.5, passive: 0.1, promoter: 0 }\n  growth: { detractor: 0, passive: 0, promoter: 0.2 }\n',
    'accounts.csv': 'account_id,name,arr,owner\nA1,Acme,100000,Ann\nA2,Globex,50000,Bob\nA3,Initech,10000,Ann\n',
    'contacts.csv': 'contact_id,account_id,name,role\nC1,A1,Dana,decision_maker\nC2,A1,Eli,user\nC3,A1,Fay,user\nC4,A2,Gus,user\nC5,A2,Hal,user\nC6,A3,Ida,user\n',
    'invitations/w1.csv': 'contact_id\nC1\nC2\nC3\nC4\nC5\nC6\n',
    // A1: DM 10 (w3), user 2 (w1), user 6 confidential (excluded: 1 < min 5). A2: 7 and 8. A3 invited, silent.
    'responses/w1.csv': rows('response_id,score,contact_id,confidential', ['r1,10,C1,no', 'r2,2,C2,no', 'r3,6,C3,yes', 'r4,7,C4,no', 'r5,8,C5,no']),
  };

  it('rolls contacts up with role weights, leaving out a confidential answer that would stand out', async () => {
    const { model: m, sink } = await analysed(files);
    const [a1, a2, a3] = m.waves[0]!.accounts;
    // A1 from C1 (weight 3, promoter) and C2 (weight 1, detractor): NPS = (3 − 1)/4 = +50, mean (30 + 2)/4 = 8
    // A1's one confidential answer is too few to count: every figure of A1 counts its named answers only,
    // so nothing beside the two named respondents says that the third invitee answered
    expect(a1).toMatchObject({ id: 'A1', name: 'Acme', owner: 'Ann', arr: 100000, basis: 'named answers', responses: 2, respondents: 2, invited: 3, decisionMakerAnswered: true });
    expect(a1!.responseRate).toBeCloseTo(2 / 3, 10);
    expect(a1!.rollup).toMatchObject({ n: 2, weighting: 'role', nps: 50, mean: 8, category: 'passive' });
    expect(a1!.rollup).not.toHaveProperty('confidentialExcluded');
    // the page lists the identified answers, lowest first, and only counts the lone confidential one
    const answers = sink.accounts.get(a1!.slug)!.waves[0]!.answers;
    expect(answers.map((x) => [x.contact?.name, x.score])).toEqual([
      ['Eli', 2],
      ['Dana', 10],
    ]);
    expect(answers[1]!.contact!.role).toBe('Decision maker');
    expect(a1!.answersListed).toBe(2);
    expect(a2!.rollup).toMatchObject({ n: 2, nps: 0, mean: 7.5, category: 'passive' });
    expect(a2!.decisionMakerAnswered).toBe(false);
    expect(a3).toMatchObject({ responses: 0, invited: 1, responseRate: 0 });
    expect(a3!.rollup.category).toBeNull();
  });

  it('prices revenue at risk and growth from the categories and the stated assumptions', async () => {
    const w = (await model(files)).waves[0]!;
    // both rated accounts are passives: at risk 0.1 × 150,000; growth 0
    expect(w.finance).toMatchObject({ revenueAtRisk: 15000, potentialGrowth: 0, ratedArr: 150000 });
    expect(w.finance.assumptions.atRisk.detractor).toBe(0.5);
    expect(w.portfolio.arrByCategory).toEqual({
      promoter: { accounts: 0, arr: 0 },
      passive: { accounts: 2, arr: 150000 },
      detractor: { accounts: 0, arr: 0 },
      none: { accounts: 1, arr: 10000 },
    });
  });
});

describe('confidentiality cohorts', () => {
  it('compares the cohorts, counts new respondents and follows each cohort into the next wave', async () => {
    const contacts = Array.from({ length: 32 }, (_, i) => `C${i}`);
    // w1: C0–C11 confidential score 4, C12–C21 identified score 9. w2: C0–C5 again (score 6), C12–C21 again (10), C22–C31 new identified (8).
    const w1 = [...contacts.slice(0, 12).map((c) => `${c}-1,4,${c},yes`), ...contacts.slice(12, 22).map((c) => `${c}-1,9,${c},no`)];
    const w2 = [
      ...contacts.slice(0, 6).map((c) => `${c}-2,6,${c},yes`),
      ...contacts.slice(12, 22).map((c) => `${c}-2,10,${c},no`),
      ...contacts.slice(22).map((c) => `${c}-2,8,${c},no`),
    ];
    const m = await model({
      'responses/w1.csv': rows('response_id,score,contact_id,confidential', w1),
      'responses/w2.csv': rows('response_id,score,contact_id,confidential', w2),
    });
    const c1 = m.waves[0]!.cohorts;
    expect(c1.confidentialShare).toBeCloseTo(12 / 22, 10);
    expect(c1.confidential).toMatchObject({ suppressed: false, n: 12, nps: -100, mean: 4 });
    expect(c1.identified).toMatchObject({ suppressed: false, n: 10, nps: 100 });
    expect(c1.npsGap).toMatchObject({ significant: true, delta: -200 });
    expect(c1.meanGap!.delta).toBe(-5);
    expect(c1.newRespondents).toBe(22);
    const c2 = m.waves[1]!.cohorts;
    expect(c2.newRespondents).toBe(10);
    // none of the 10 new respondents chose confidentiality: "0%" would say so of each new invitee not named
    expect(c2.newConfidentialShare).toBeNull();
    expect(c1.newConfidentialShare).toBeCloseTo(12 / 22, 10);
    // the confidential cohort's movement is never shown (those who came back are a set no other figure is made of)
    expect(c2.transitions).toEqual([
      { from: 'w1', cohort: 'confidential', respondents: null, figures: expect.objectContaining({ suppressed: true, reason: 'complementary' }) },
      { from: 'w1', cohort: 'identified', respondents: 10, figures: { suppressed: false, answeredAgain: 10, meanBefore: 9, meanAfter: 10, change: 1 } },
    ]);
  });

  it("hides a confidential cohort's movement when those who did not come back are too few (the cohort minus the movers would give them away)", async () => {
    const contacts = Array.from({ length: 20 }, (_, i) => `C${i}`);
    // w1: 10 confidential (score 4, but C9 scores 0), 10 identified; w2: 6 of the confidential come back, so 4 do not.
    const w1 = [...contacts.slice(0, 10).map((c, i) => `${c}-1,${i === 9 ? 0 : 4},${c},yes`), ...contacts.slice(10).map((c) => `${c}-1,9,${c},no`)];
    const w2 = [...contacts.slice(0, 6).map((c) => `${c}-2,6,${c},yes`), ...contacts.slice(10).map((c) => `${c}-2,10,${c},no`)];
    const m = await model({
      'responses/w1.csv': rows('response_id,score,contact_id,confidential', w1),
      'responses/w2.csv': rows('response_id,score,contact_id,confidential', w2),
    });
    const [confidential, identified] = m.waves[1]!.cohorts.transitions;
    expect(confidential!.figures).toMatchObject({ suppressed: true, reason: 'complementary' });
    expect(identified!.figures.suppressed).toBe(false);
  });

  it('hides a confidential cohort under the minimum; the wave then shows its named answers, the identified cohort with it', async () => {
    const m = await model({ 'responses/w1.csv': rows('response_id,score,confidential', ['a,9,yes', 'b,9,no', 'c,9,no', 'd,9,no', 'e,9,no', 'f,9,no', 'g,3,no']) });
    const w = m.waves[0]!;
    expect(w.countsConfidential).toBe(false);
    expect(w.figures!.n).toBe(6);
    expect(w.cohorts.confidential.suppressed).toBe(true);
    expect(w.cohorts.identified).toMatchObject({ suppressed: false, n: 6 });
    expect(w.cohorts.npsGap).toBeNull();
    // and the same as a wave where no one answered confidentially, so the hidden cohort says nothing
    const none = await model({ 'responses/w1.csv': rows('response_id,score,confidential', ['b,9,no', 'c,9,no', 'd,9,no', 'e,9,no', 'f,9,no', 'g,3,no']) });
    expect(none.waves[0]!.cohorts).toEqual(w.cohorts);
  });
});

describe('themes', () => {
  it('uses the keyword dictionary when there is no themes column, and picks identified verbatims only', async () => {
    const m = await model({
      // minimums of 1: this test is about keywords and verbatims, not about protecting the one confidential answer
      'program.yml': 'min_group_size: 1\nmin_comment_group_size: 1\nthemes:\n  Reporting: [report*, export]\n  Support: [support]\n',
      'contacts.csv': 'contact_id,name\nC1,Ann\nC2,Bo\nC3,Cy\n',
      'responses/w1.csv': rows('response_id,score,contact_id,confidential,comment', [
        'r1,2,C1,no,"The reports are slow to build, every single week."',
        'r2,3,C2,yes,"Reporting is painful and support never answers us."',
        'r3,10,C3,no,"Support is quick and friendly, thank you all!"',
        'r4,9,,no,',
        'r5,1,,no,"We cannot EXPORT anything to our finance tools."',
      ]),
    });
    const t = m.waves[0]!.themes;
    expect(t.source).toBe('keywords');
    expect(t.comments).toBe(4);
    expect(t.commentShare).toBe(0.8);
    const reporting = t.themes.find((x) => x.theme === 'Reporting')!;
    expect(reporting.byCategory).toEqual({ detractor: 3, passive: 0, promoter: 0 });
    expect(reporting.improvementMentions).toBe(3);
    expect(reporting.verbatims.map((v) => v.text).sort()).toEqual(['The reports are slow to build, every single week.', 'We cannot EXPORT anything to our finance tools.']);
    const support = t.themes.find((x) => x.theme === 'Support')!;
    // 1 of 3 detractors vs 1 of 2 promoters: lift (1/3)/(1/2) = 2/3
    expect(support.detractorLift).toBeCloseTo(2 / 3, 12);
    expect(JSON.stringify(m)).not.toContain('painful');
    expect(t.themes[0]!.theme).toBe('Reporting');
  });

  it('counts confidential mentions of a theme, score category by category, only where there are at least min_comment_group_size of them', async () => {
    // 9 confidential detractors and 12 confidential promoters mention Support; 3 identified detractors too.
    const conf = (k: number, score: number, from: number) => Array.from({ length: k }, (_, i) => `c${from + i},${score},X${from + i},yes,Support was slow`);
    const named = Array.from({ length: 3 }, (_, i) => `n${i},2,N${i},no,Support was slow`);
    const m = await model({
      'program.yml': 'themes:\n  Support: [support]\n',
      'responses/w1.csv': rows('response_id,score,contact_id,confidential,comment', [...conf(9, 3, 0), ...conf(12, 10, 100), ...named]),
    });
    const support = m.waves[0]!.themes.themes.find((x) => x.theme === 'Support')!;
    // 9 confidential detractors are fewer than 10: only the 3 named ones count; the 12 promoters count
    expect(support.byCategory).toEqual({ detractor: 3, passive: 0, promoter: 12 });
    expect(support.countsConfidential).toBe(true);
    const ten = await model({
      'program.yml': 'themes:\n  Support: [support]\n',
      'responses/w1.csv': rows('response_id,score,contact_id,confidential,comment', [...conf(10, 3, 0), ...conf(12, 10, 100), ...named]),
    });
    expect(ten.waves[0]!.themes.themes[0]!.byCategory).toEqual({ detractor: 13, passive: 0, promoter: 12 });
  });
});

describe('metrics', () => {
  it('compares each company-level metric with the period before', async () => {
    const m = await model({
      'program.yml': 'currency: EUR\nwaves:\n  - id: w1\n    period: 2026-Q2\nmetrics:\n  tickets: { label: Support tickets, higher_is_better: false }\n',
      'responses/w1.csv': rows('response_id,score', ['a,9']),
      'metrics.csv': 'metric,period,value,unit\ntickets,2026-Q1,100,count\ntickets,2026-Q2,120,count\nrenewals,2026-Q2,"€ 5,000",EUR\nrenewals,2025-Q4,4000,EUR\n',
    });
    const [renewals, tickets] = m.waves[0]!.metrics;
    expect(tickets).toMatchObject({
      label: 'Support tickets',
      kind: 'operational',
      value: 120,
      prior: 100,
      priorPeriod: '2026-Q1',
      change: 20,
      changeShare: 0.2,
      higherIsBetter: false,
    });
    expect(renewals).toMatchObject({ kind: 'financial', value: 5000, prior: 4000, priorPeriod: '2025-Q4', change: 1000 });
  });
});

describe('follow-up in brief', () => {
  it('counts alerts, follow-ups, closes in time and overdue ones against the as-of date', async () => {
    const { model: m, sink } = await analysed({
      'program.yml': 'waves:\n  - id: w1\n    as_of: 2026-03-20\n',
      // r1 detractor closed after 1 day (in time, 2-day rule); r2 detractor closed after 5 days (late);
      // r3 detractor never followed (overdue: 19 days by as-of); r4 passive contacted, open (7-day rule, 10 days: overdue);
      // r5 promoter without comment (promoter + no-comment alerts), no log; r6 confidential detractor: no alert.
      'responses/w1.csv': rows('response_id,score,submitted_at,comment,confidential', [
        'r1,2,2026-03-01,bad,no',
        'r2,3,2026-03-01,bad,no',
        'r3,4,2026-03-01,bad,no',
        'r4,7,2026-03-10,ok,no',
        'r5,10,2026-03-15,,no',
        'r6,1,2026-03-01,bad,yes',
      ]),
      'followups.csv':
        'response_id,status,opened_at,closed_at\nr1,contacted,2026-03-01,\nr1,closed,2026-03-01,2026-03-02\nr2,closed,2026-03-02,2026-03-06\nr4,contacted,2026-03-11,\n',
    });
    const f = m.waves[0]!.followup;
    expect(f.hasLog).toBe(true);
    // one confidential answer is too few to count: the wave's figures count named answers, and say nothing of it
    expect(f.confidentialNotAlerted).toBeNull();
    const by = Object.fromEntries(f.byRule.map((r) => [r.rule, r]));
    expect(by['detractor']).toMatchObject({ alerts: 3, followedUp: 2, closed: 2, closedInTime: 1, overdue: 1, medianDaysToClose: 3 });
    expect(by['passive']).toMatchObject({ alerts: 1, followedUp: 1, closed: 0, overdue: 1 });
    expect(by['promoter']).toMatchObject({ alerts: 1, followedUp: 0, overdue: 0 });
    expect(by['no_comment']).toMatchObject({ alerts: 1, overdue: 0 });
    expect(f.total).toEqual({ alerts: 6, followedUp: 3, closed: 2, closedInTime: 1, overdue: 2, followedUpShare: 3 / 6, closedShare: 2 / 6, closedInTimeShare: 1 / 6 });
    // the queue: one row per alert, most overdue first, owners from the rules (no accounts.csv: the fallback)
    const q = sink.queues.get('w1')!;
    expect(q).toHaveLength(6);
    expect(q[0]).toMatchObject({ responseId: 'r3', rule: 'detractor', overdue: true, daysOverdue: 17, dueDate: '2026-03-03', status: 'not started', owner: 'CX team' });
    expect(q.filter((x) => x.overdue).map((x) => x.responseId)).toEqual(['r3', 'r4']);
    expect(q.find((x) => x.responseId === 'r1')).toMatchObject({ status: 'closed', closedAt: '2026-03-02', daysToClose: 1, closedInTime: true });
    expect(q.some((x) => x.responseId === 'r6')).toBe(false);
    expect(f.byOwner).toEqual([expect.objectContaining({ owner: 'CX team', slug: 'cx-team', alerts: 6, overdue: 2, open: 4, openOverdue: 2 })]);
    expect(f.overdueNow).toEqual({ items: q.filter((x) => x.overdue), total: 2 });
    // the owner's page shard: open alerts (not closed), most urgent first
    expect(sink.owners.get('cx-team')).toMatchObject({ owner: 'CX team', wave: 'w1', total: 4 });
    expect(sink.owners.get('cx-team')!.open.map((x) => x.responseId)).toEqual(['r3', 'r4', 'r5', 'r5']);
    // marketing's named promoters: r5 has no contact, so there is nobody to name
    expect(m.waves[0]!.namedPromoters).toEqual({ items: [], total: 0 });
  });

  it("routes alerts to account owners, or the rule's owner", async () => {
    const { model: m, sink } = await analysed({
      'program.yml':
        'alerts:\n  detractor: { label: Recover, scores: [0, 6], due_days: 2 }\n  promoter: { label: Reference, scores: [9, 10], due_days: 14, owner: Marketing team }\n',
      'accounts.csv': 'account_id,name,owner\nA1,Acme,Ann\nA2,Globex,\n',
      'responses/w1.csv': rows('response_id,score,account_id,submitted_at', ['r1,2,A1,2026-01-01', 'r2,3,A2,2026-01-01', 'r3,10,A1,2026-01-01', 'r4,8,A1,2026-01-01']),
    });
    expect(m.owners.map((o) => o.name)).toEqual(['Ann', 'CX team', 'Marketing team']);
    expect(sink.queues.get('w1')!.map((q) => [q.responseId, q.owner])).toEqual([
      ['r1', 'Ann'],
      ['r2', 'CX team'],
      ['r3', 'Marketing team'],
    ]);
  });
});

describe('namesakes of confidential respondents', () => {
  it('never prints a name that a confidential respondent also has', async () => {
    const { model: m, sink } = await analysed({
      'accounts.csv': 'account_id,name\nA1,Acme\nA2,Globex\n',
      'contacts.csv': 'contact_id,account_id,name\nC1,A1,Sam Lee\nC2,A2,Sam  Lee\nC3,A2,Kim Park\n',
      'responses/w1.csv': rows('response_id,score,contact_id,confidential', ['r1,3,C1,yes', 'r2,9,C2,no', 'r3,8,C3,no']),
    });
    const text = JSON.stringify([m, [...sink.accounts], [...sink.owners], [...sink.queues]]);
    expect(text).not.toMatch(/Sam +Lee/);
    expect(text).toContain('Kim Park');
  });
});

describe('attribute ratings and key drivers', () => {
  it('reads ratings (blank is not zero), computes means, low shares and drivers, and finds an unrelated attribute not significant', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 220; i++) {
      const score = i % 11;
      const reporting = 1 + Math.min(4, Math.floor(score / 2.2)); // rises with the score
      const billing = 1 + ((i * 7) % 5); // unrelated to it
      lines.push(`r${i},${score},${i % 10 === 0 ? '' : reporting},${billing},${i % 3 === 0 ? 'EMEA' : 'APAC'}`);
    }
    lines.push('bad1,9,6,3,EMEA'); // 6 is off the 1–5 scale: rejected
    const { model: m, ingest } = await runPipeline({
      dataDir: tempProgram({
        'program.yml':
          'segments:\n  - id: region\nattributes:\n  - { id: reporting, label: Reporting, column: "Rating: reporting" }\n  - { id: billing, label: Billing, column: rating_billing, scale: [1, 5] }\n',
        'responses/w1.csv': rows('response_id,score,Rating: reporting,rating_billing,region', lines),
      }),
    });
    expect(ingest.report.files[0]).toMatchObject({ used: 220, rejected: 1 });
    expect(ingest.report.files[0]!.issues[0]).toMatchObject({ column: 'Rating: reporting', value: '6' });
    const [reporting, billing] = m.waves[0]!.attributes;
    if (reporting!.figures.suppressed || billing!.figures.suppressed) throw new Error('suppressed');
    expect(reporting!.figures.n).toBe(198); // 22 blanks are not answered, not zeros
    expect(reporting!.figures.driver!.significant).toBe(true);
    expect(reporting!.figures.driver!.r).toBeGreaterThan(0.9);
    expect(billing!.figures.n).toBe(220);
    expect(billing!.figures.mean).toBeCloseTo(3, 10);
    expect(billing!.figures.driver!.significant).toBe(false);
    // low = 1–2 of 1–5; detractors (0–6) rate reporting low, promoters never do
    const det = reporting!.figures.byCategory.detractor;
    const pro = reporting!.figures.byCategory.promoter;
    if (det.suppressed || pro.suppressed) throw new Error('suppressed');
    expect(det.lowShare).toBeGreaterThan(0.4);
    expect(pro.lowShare).toBe(0);
    // important (significant, top importance) and rated below billing: fix first
    expect(reporting!.figures.quadrant).toBe('fix first');
    expect(billing!.figures.quadrant).toMatch(/maintain|lower priority/);
    const seg = m.waves[0]!.attributeSegments[0]!;
    expect(seg.attributes.map((a) => a.id)).toEqual(['reporting', 'billing']);
    expect(seg.attributes[1]!.values.map((v) => v.value)).toEqual(['APAC', 'EMEA']);
    const emea = seg.attributes[0]!.values[1]!.figures;
    if (emea.suppressed) throw new Error('suppressed');
    expect(emea.driver!.significant).toBe(true);
    expect(emea.lowShare).toBeGreaterThan(0);
  });
});

describe('response rate', () => {
  it('counts distinct invited contacts who answered over contacts invited, never above 100%', async () => {
    const m = await model({
      'accounts.csv': 'account_id,name\nA1,Acme\nA2,Globex\n',
      'contacts.csv': 'contact_id,account_id\nC1,A1\nC2,A1\nC3,A2\nC4,A2\nC9,A2\n',
      'invitations/w1.csv': 'contact_id\nC1\nC2\nC3\nC4\n',
      // C1 answers twice; C9 answers without an invitation; C2 and C4 stay silent.
      'responses/w1.csv': 'response_id,score,contact_id\nr1,9,C1\nr2,8,C1\nr3,7,C3\nr4,10,C9\n',
    });
    const w = m.waves[0]!;
    // 2 of the 4 invited answered (C1, C3); 4 responses would have said 100%
    expect(w.responseRate).toBe(0.5);
    const [a1, a2] = w.accounts;
    expect([a1!.respondents, a1!.invitedRespondents, a1!.invited, a1!.responseRate]).toEqual([1, 1, 2, 0.5]);
    // C9 answered without an invitation: a respondent, but not one of the invited
    expect([a2!.respondents, a2!.invitedRespondents, a2!.invited, a2!.responseRate]).toEqual([2, 1, 2, 0.5]);
  });

  it('is not known when the answers carry no contact id', async () => {
    const m = await model({
      'accounts.csv': 'account_id,name\nA1,Acme\n',
      'contacts.csv': 'contact_id,account_id\nC1,A1\nC2,A1\n',
      'invitations/w1.csv': 'contact_id\nC1\nC2\n',
      'responses/w1.csv': 'response_id,score,account_id\nr1,9,A1\nr2,7,A1\n',
    });
    expect(m.waves[0]!.responseRate).toBeNull();
    // the account too: its two answers name no contact, so "0 of 2" would be wrong
    expect(m.waves[0]!.accounts[0]).toMatchObject({ invited: 2, invitedRespondents: null, responseRate: null, responses: 2 });
  });
});

describe('confidentiality per person', () => {
  it('holds a choice made in one wave for every answer the contact gave, in every figure, list and export', async () => {
    // C1 answers under their name in w1 and confidentially in w2; six others answer confidentially in both waves; C9 never answers.
    const others = Array.from({ length: 6 }, (_, i) => `C${i + 2}`);
    const w = (wave: string, c1: string) =>
      rows('response_id,score,contact_id,confidential,comment', [`${wave}-1,1,C1,${c1},"As the only admin here, we wait days"`, ...others.map((c) => `${wave}-${c},8,${c},yes,`)]);
    const { model: m, sink } = await analysed({
      'accounts.csv': 'account_id,name\nA1,Acme\n',
      'contacts.csv': 'contact_id,account_id,name\n' + ['C1', ...others, 'C9'].map((c) => `${c},A1,Person ${c}`).join('\n') + '\n',
      'responses/w1.csv': w('w1', 'no'),
      'responses/w2.csv': w('w2', 'yes'),
    });
    const [w1] = m.waves;
    // w1 counts C1 as confidential: 7 confidential answers, none identified
    expect(w1!.countsConfidential).toBe(true);
    expect(w1!.confidential).toBe(7);
    expect(w1!.figures!.n).toBe(7);
    expect(w1!.accounts[0]!.answersListed).toBe(0);
    // nothing listed in any wave: no record at all, as for an account no one answered
    expect(sink.accounts.get(w1!.accounts[0]!.slug)).toBeUndefined();
    // no follow-up alert names C1's detractor answer, and nothing quotes it
    expect([...sink.queues.values()].flat()).toEqual([]);
    expect(JSON.stringify(m) + JSON.stringify([...sink.accounts, ...sink.queues])).not.toMatch(/only admin|w1-1"/);
    // the count is for the command line only: published, it would count confidential answers
    expect(m.ingest.notices.map((n) => n.message).join('\n')).not.toMatch(/chose confidentiality in another wave/);
  });
});

describe('confidential answers on account pages', () => {
  it('are never listed, however many an account has, and their themes are not the account’s', async () => {
    const confidential = Array.from({ length: 6 }, (_, i) => `c${i},2,C${i + 2},yes,"As the only admin here, pricing hurts",pricing`);
    const { model: m, sink } = await analysed({
      'accounts.csv': 'account_id,name\nA1,Acme\n',
      'contacts.csv': 'contact_id,account_id,name\n' + Array.from({ length: 8 }, (_, i) => `C${i + 1},A1,Person ${i + 1}`).join('\n') + '\n',
      'responses/w1.csv': rows('response_id,score,contact_id,confidential,comment,themes', ['r1,9,C1,no,Support is quick,support', ...confidential]),
    });
    const a = m.waves[0]!.accounts[0]!;
    // all seven answers count in the roll-up (six confidential reach the minimum of 5)
    expect(a.rollup.n).toBe(7);
    expect(a.answersListed).toBe(1);
    const listed = sink.accounts.get(a.slug)!.waves[0]!.answers;
    expect(listed.map((x) => [x.contact.name, x.comment])).toEqual([['Person 1', 'Support is quick']]);
    expect(JSON.stringify([...sink.accounts])).not.toMatch(/only admin/);
    expect(a.themes).toEqual([{ theme: 'support', mentions: 1 }]);
    // six confidential mentions are fewer than the comment minimum of 10: no theme figure counts them
    expect(m.waves[0]!.themes.themes.find((t) => t.theme === 'pricing')).toBeUndefined();
  });

  it('are not counted where every invitee not named answered: the count would say each of them chose confidentiality', async () => {
    const confidential = Array.from({ length: 7 }, (_, i) => `c${i},2,C${i + 2},yes`);
    const m = await model({
      'accounts.csv': 'account_id,name\nA1,Acme\n',
      'contacts.csv': 'contact_id,account_id,name\n' + Array.from({ length: 8 }, (_, i) => `C${i + 1},A1,Person ${i + 1}`).join('\n') + '\n',
      'responses/w1.csv': rows('response_id,score,contact_id,confidential', ['r1,9,C1,no', ...confidential]),
    });
    const a = m.waves[0]!.accounts[0]!;
    expect(a).toMatchObject({ basis: 'named answers', responses: 1, respondents: 1 });
    expect(a.rollup.n).toBe(1);
  });
});
