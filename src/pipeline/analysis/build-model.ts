/**
 * Turns the collected aggregates into the model pages read: figures with intervals,
 * comparisons with their verdicts, and suppression applied (a suppressed group's entry
 * carries no figures at all). Methods: docs/statistics.md.
 */
import { emptyHistogram, mergeHistograms, type Histogram } from '../model/histogram.ts';
import { npsEstimate } from '../stats/nps.ts';
import { suppressPartition } from '../stats/suppression.ts';
import { IdIndex } from '../ingest/id-index.ts';
import { naturalCompare } from '../util/compare.ts';
import { slugsFor } from '../util/slug.ts';
import { categoryOf, compare, compareMeans, figuresOf } from './figures.ts';
import { followupQueue } from './followup.ts';
import { attributeFigures, attributeSegments } from './attributes.ts';
import { ratingColumnsOf } from '../ingest/ingest-program.ts';
import type { AccountAnswer as CollectedAnswer, Collector, WaveState, Weighted } from './collector.ts';
import type { IngestResult } from '../ingest/ingest-program.ts';
import type {
  AccountSummary,
  CohortFigures,
  FinanceSummary,
  MaybeSuppressed,
  MetricChange,
  Portfolio,
  ScoreFigures,
  SegmentDimension,
  SiteModel,
  Suppressed,
  ThemesSummary,
  WaveModel,
} from '../model/types.ts';
import { MODEL_VERSION } from '../model/types.ts';

function suppressed(reason: 'small' | 'complementary', min: number): Suppressed {
  return {
    suppressed: true,
    reason,
    note: reason === 'small' ? `fewer than ${min} responses` : `hidden so that a smaller group cannot be worked out from the total`,
  };
}

/** Figures for each group of a partition, with small and complementary suppression. */
function partition<K extends string>(groups: { key: K; histogram: Histogram }[], min: number): Map<K, MaybeSuppressed<ScoreFigures>> {
  const sizes = groups.map((g) => ({ key: g.key, n: g.histogram.reduce((a, b) => a + b, 0) }));
  const hidden = suppressPartition(sizes, min);
  const out = new Map<K, MaybeSuppressed<ScoreFigures>>();
  for (const g of groups) {
    const reason = hidden.get(g.key);
    const f = figuresOf(g.histogram);
    out.set(g.key, reason !== undefined || f === null ? suppressed(reason ?? 'small', min) : { suppressed: false, ...f });
  }
  return out;
}

/**
 * Segment figures of a wave. `prev` (the wave before, already built) gives each value's change
 * over time, computed only when the value was shown in both waves: a change against a
 * suppressed figure would give that figure away.
 */
function segments(ingest: IngestResult, w: WaveState, total: Histogram, min: number, prev?: { id: string; state: WaveState; model: WaveModel }): SegmentDimension[] {
  const overall = figuresOf(total);
  return ingest.settings.segments.map((s) => {
    const values = [...(w.segments.get(s.id) ?? new Map<string, Histogram>())].sort(([a], [b]) => naturalCompare(a, b));
    const figures = partition(values.map(([key, histogram]) => ({ key, histogram })), min);
    return {
      id: s.id,
      label: s.label ?? s.id,
      values: values.map(([value, h]) => {
        const f = figures.get(value)!;
        if (f.suppressed) return { value, figures: f };
        const rest = total.map((c, i) => c - (h[i] ?? 0));
        const before = prev?.model.segments.find((x) => x.id === s.id)?.values.find((x) => x.value === value);
        const beforeHistogram = prev?.state.segments.get(s.id)?.get(value);
        return {
          value,
          figures: {
            ...f,
            gap: compare(h, rest, 'rest', 'gap'),
            change: before && !before.figures.suppressed && beforeHistogram ? compare(h, beforeHistogram, prev!.id, 'change') : null,
            promoterLift: overall && overall.promoterShare > 0 ? f.promoterShare / overall.promoterShare : null,
          },
        };
      }),
    };
  });
}

/** An account's roll-up: identified answers, plus confidential ones when there are enough of them. */
function rollup(identified: Weighted, confidential: Weighted, min: number, weighting: 'equal' | 'role'): AccountSummary['rollup'] {
  const useConfidential = confidential.n >= min;
  const t = useConfidential
    ? { n: identified.n + confidential.n, w: identified.w + confidential.w, w2: identified.w2 + confidential.w2, promoters: identified.promoters + confidential.promoters, detractors: identified.detractors + confidential.detractors, scoreSum: identified.scoreSum + confidential.scoreSum }
    : identified;
  const confidentialExcluded = useConfidential ? 0 : confidential.n;
  if (t.n === 0 || t.w === 0) return { n: 0, confidentialExcluded, weighting, nps: null, ci95: null, mean: null, category: null };
  // Weighted shares; the interval uses Kish's effective sample size (Σw)² / Σw².
  const nEff = (t.w * t.w) / t.w2;
  const p = t.promoters / t.w;
  const d = t.detractors / t.w;
  const e = npsEstimate(p * nEff, d * nEff, nEff)!;
  const mean = t.scoreSum / t.w;
  return { n: t.n, confidentialExcluded, weighting, nps: (p - d) * 100, ci95: e.ci95, mean, category: categoryOf(mean) };
}

function accounts(ingest: IngestResult, w: WaveState, waveId: string, min: number, withheldNames: Set<string>, slugs: Map<string, string>): AccountSummary[] {
  const invited = ingest.invitations.get(waveId);
  const ids = new Set<string>([...ingest.accounts.keys(), ...w.accounts.keys()]);
  return [...ids].sort(naturalCompare).map((id) => {
    const a = ingest.accounts.get(id);
    const state = w.accounts.get(id);
    const inv = invited ? (invited.byAccount.get(id) ?? 0) : null;
    const respondents = state?.respondents ?? 0;
    const r = state ? rollup(state.identified, state.confidential, min, ingest.settings.account_weighting) : rollup(zero(), zero(), min, ingest.settings.account_weighting);
    return {
      id,
      slug: slugs.get(id)!,
      name: a?.name ?? id,
      owner: a?.owner ?? null,
      arr: a?.arr ?? null,
      renewalDate: a?.renewalDate ?? null,
      responses: (state?.identified.n ?? 0) + (state?.confidential.n ?? 0),
      respondents,
      invited: inv,
      responseRate: inv ? respondents / inv : null,
      decisionMakerAnswered: (state?.identified.decisionMaker ?? false) || ((state?.confidential.n ?? 0) >= min && (state?.confidential.decisionMaker ?? false)),
      ...answersOf(ingest, state?.answers ?? [], min, withheldNames),
      themes: [...(state?.themes ?? new Map<string, number>())].map(([theme, mentions]) => ({ theme, mentions })).sort((a, b) => b.mentions - a.mentions || naturalCompare(a.theme, b.theme)),
      rollup: r,
    };
  });
}

const normalName = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Names of contacts who chose confidentiality in any wave: an identified namesake is shown by role only. */
function confidentialNames(ingest: IngestResult): Set<string> {
  const names = new Set<string>();
  for (const c of ingest.contacts.values()) if (c.name && ingest.confidentialContacts.has(c.id)) names.add(normalName(c.name));
  return names;
}

/** An account's answers for its page: see AccountSummary.answers. */
function answersOf(ingest: IngestResult, all: CollectedAnswer[], min: number, withheldNames: Set<string>): Pick<AccountSummary, 'answers' | 'answersWithheld'> {
  const hidden = (a: CollectedAnswer) => a.confidential || (a.contactId !== undefined && ingest.confidentialContacts.has(a.contactId));
  const withheld = all.filter(hidden).length;
  const listed = all.filter((a) => !hidden(a) || withheld >= min);
  const answers = listed.map((a) => {
    const contact = a.contactId === undefined ? undefined : ingest.contacts.get(a.contactId);
    const role = a.roleId === undefined ? (contact?.role ?? null) : (ingest.settings.roles[a.roleId]?.label ?? contact?.role ?? null);
    return {
      contact: hidden(a)
        ? null
        : {
            // A name shared with a confidential respondent is not printed: a reader could not tell the two apart.
            name: contact?.name === undefined ? 'Unnamed respondent' : withheldNames.has(normalName(contact.name)) ? 'Name withheld (shared with a confidential respondent)' : contact.name,
            role,
          },
      score: a.score,
      category: categoryOf(a.score),
      comment: a.comment !== undefined && a.comment.trim() !== '' ? a.comment : null,
      submittedAt: a.submittedAt ?? null,
    };
  });
  answers.sort((x, y) => x.score - y.score || naturalCompare(x.submittedAt ?? '', y.submittedAt ?? '') || naturalCompare(x.contact?.name ?? '', y.contact?.name ?? '') || naturalCompare(x.comment ?? '', y.comment ?? ''));
  return { answers, answersWithheld: withheld >= min ? 0 : withheld };
}

const zero = (): Weighted => ({ n: 0, w: 0, w2: 0, promoters: 0, detractors: 0, scoreSum: 0, decisionMaker: false });

function bandLabel(bounds: number[], i: number, currency: string): string {
  const fmt = (v: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(v);
  if (i === 0) return `under ${fmt(bounds[0]!)}`;
  if (i === bounds.length) return `${fmt(bounds[i - 1]!)} and over`;
  return `${fmt(bounds[i - 1]!)} to ${fmt(bounds[i]!)}`;
}

function portfolio(ingest: IngestResult, w: WaveState, list: AccountSummary[], min: number): Portfolio {
  const bounds = [...ingest.settings.finance.arr_bands].sort((a, b) => a - b);
  const labels = [...bounds.map((_, i) => bandLabel(bounds, i, ingest.settings.currency)), bandLabel(bounds, bounds.length, ingest.settings.currency), 'ARR not known'];
  const hists = labels.map(() => emptyHistogram());
  const counts = labels.map(() => 0);
  for (const [id, state] of w.accounts) {
    const arr = ingest.accounts.get(id)?.arr;
    const i = arr === undefined ? labels.length - 1 : bounds.findIndex((b) => arr < b) === -1 ? bounds.length : bounds.findIndex((b) => arr < b);
    hists[i] = mergeHistograms(hists[i]!, state.histogram);
    counts[i]!++;
  }
  hists[labels.length - 1] = mergeHistograms(hists[labels.length - 1]!, w.noAccount);
  const present = labels.map((band, i) => ({ key: band, histogram: hists[i]!, accounts: counts[i]! })).filter((b) => b.histogram.some((c) => c > 0));
  const figures = partition(present, min);
  const arrByCategory: Portfolio['arrByCategory'] = { promoter: { accounts: 0, arr: 0 }, passive: { accounts: 0, arr: 0 }, detractor: { accounts: 0, arr: 0 }, none: { accounts: 0, arr: 0 } };
  for (const a of list) {
    const slot = arrByCategory[a.rollup.category ?? 'none'];
    slot.accounts++;
    slot.arr += a.arr ?? 0;
  }
  return { npsByArrBand: present.map((b) => ({ band: b.key, accounts: b.accounts, figures: figures.get(b.key)! })), arrByCategory };
}

function finance(ingest: IngestResult, list: AccountSummary[]): FinanceSummary {
  const f = ingest.settings.finance;
  let atRisk = 0;
  let growth = 0;
  let rated = 0;
  for (const a of list) {
    if (a.rollup.category === null || a.arr === null) continue;
    rated += a.arr;
    atRisk += a.arr * f.at_risk[a.rollup.category];
    growth += a.arr * f.growth[a.rollup.category];
  }
  return { currency: ingest.settings.currency, assumptions: { atRisk: { ...f.at_risk }, growth: { ...f.growth } }, revenueAtRisk: atRisk, potentialGrowth: growth, ratedArr: rated };
}

/** Company-level metrics (no account, no segment) for the wave's period against the one before. */
function metrics(ingest: IngestResult, period: string): MetricChange[] {
  const byMetric = new Map<string, { period: string; value: number; unit: string | undefined }[]>();
  for (const m of ingest.metrics) {
    if (m.accountId !== undefined || Object.values(m.segments).some((v) => v !== undefined)) continue;
    let list = byMetric.get(m.metric);
    if (list === undefined) byMetric.set(m.metric, (list = []));
    list.push({ period: m.period, value: m.value, unit: m.unit });
  }
  const s = ingest.settings;
  return [...byMetric].sort(([a], [b]) => naturalCompare(a, b)).map(([metric, rows]) => {
    rows.sort((a, b) => naturalCompare(a.period, b.period));
    const at = rows.findIndex((r) => r.period === period);
    const current = at >= 0 ? rows[at]! : null;
    const prior = at > 0 ? rows[at - 1]! : at < 0 ? ([...rows].reverse().find((r) => naturalCompare(r.period, period) < 0) ?? null) : null;
    const unit = current?.unit ?? rows[0]?.unit ?? null;
    const setting = s.metrics[metric];
    const change = current && prior ? current.value - prior.value : null;
    return {
      metric,
      label: setting?.label ?? metric.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
      kind: setting?.kind ?? (unit === s.currency ? 'financial' : 'operational'),
      unit,
      period,
      value: current?.value ?? null,
      priorPeriod: prior?.period ?? null,
      prior: prior?.value ?? null,
      change,
      changeShare: change !== null && prior && prior.value !== 0 ? change / Math.abs(prior.value) : null,
      higherIsBetter: setting?.higher_is_better ?? null,
    };
  });
}

function themes(ingest: IngestResult, w: WaveState, total: Histogram, slugs: Map<string, string>): ThemesSummary {
  const n = total.reduce((a, b) => a + b, 0);
  const promoters = (total[9] ?? 0) + (total[10] ?? 0);
  let detractors = 0;
  for (let s = 0; s <= 6; s++) detractors += total[s] ?? 0;
  const roles = ingest.settings.roles;
  const list = [...w.themes].map(([theme, t]) => {
    const [d, pa, p] = t.byCategory;
    const verbatims = t.candidates
      .filter((c) => c.contactId === undefined || !ingest.confidentialContacts.has(c.contactId))
      .slice(0, 3)
      .map((c) => ({
        text: c.text,
        score: c.score,
        category: categoryOf(c.score),
        account: c.accountId === undefined ? null : (ingest.accounts.get(c.accountId)?.name ?? null),
        role: c.roleId === undefined ? null : (roles[c.roleId]?.label ?? null),
      }));
    return {
      theme,
      slug: slugs.get(theme)!,
      mentions: d + pa + p,
      byCategory: { detractor: d, passive: pa, promoter: p },
      improvementMentions: d + pa,
      detractorLift: detractors > 0 && promoters > 0 && p > 0 ? d / detractors / (p / promoters) : null,
      verbatims,
    };
  });
  list.sort((a, b) => b.improvementMentions - a.improvementMentions || b.mentions - a.mentions || naturalCompare(a.theme, b.theme));
  return {
    source: w.themesFromColumn > 0 ? 'column' : Object.keys(ingest.settings.themes).length > 0 ? 'keywords' : 'none',
    comments: w.comments,
    commentShare: n > 0 ? w.comments / n : 0,
    themes: list,
  };
}

function cohorts(ingest: IngestResult, c: Collector, index: number, seenBefore: IdIndex, min: number): CohortFigures {
  const w = c.waveState(index);
  const n = w.histogram.reduce((a, b) => a + b, 0);
  const split = partition(
    [
      { key: 'confidential' as const, histogram: w.confidentialHistogram },
      { key: 'identified' as const, histogram: w.identifiedHistogram },
    ],
    min,
  );
  const conf = split.get('confidential')!;
  const ident = split.get('identified')!;
  let fresh = 0;
  let freshConfidential = 0;
  const now = w.respondents;
  for (let e = 0; e < now.size; e++) {
    if (seenBefore.lookup(now, e) !== undefined) continue;
    fresh++;
    freshConfidential += now.valueAt(e) & 1;
  }
  const transitions: CohortFigures['transitions'] = [];
  const prev = index > 0 ? c.waves[index - 1] : undefined;
  if (prev) {
    const from = ingest.waves[index - 1]!.id;
    for (const cohort of ['confidential', 'identified'] as const) {
      let respondents = 0;
      let again = 0;
      let before = 0;
      let after = 0;
      const then = prev.respondents;
      for (let e = 0; e < then.size; e++) {
        const v = then.valueAt(e);
        if ((v & 1) !== (cohort === 'confidential' ? 1 : 0)) continue;
        respondents++;
        const later = now.lookup(then, e);
        if (later === undefined) continue;
        again++;
        before += v >> 1;
        after += later >> 1;
      }
      transitions.push({
        from,
        cohort,
        respondents,
        figures: again < min ? suppressed('small', min) : { suppressed: false, answeredAgain: again, meanBefore: before / again, meanAfter: after / again, change: (after - before) / again },
      });
    }
  }
  return {
    confidentialShare: n > 0 ? w.confidential / n : null,
    newRespondents: fresh,
    newConfidentialShare: fresh > 0 && fresh >= min ? freshConfidential / fresh : null,
    confidential: conf,
    identified: ident,
    npsGap: !conf.suppressed && !ident.suppressed ? compare(w.confidentialHistogram, w.identifiedHistogram, 'identified', 'gap', 'identified respondents') : null,
    meanGap: !conf.suppressed && !ident.suppressed ? compareMeans(w.confidentialHistogram, w.identifiedHistogram, 'identified') : null,
    transitions,
  };
}

function attributesOf(ingest: IngestResult, w: WaveState, min: number): Pick<WaveModel, 'attributes' | 'overallSatisfaction' | 'attributeSegments'> {
  const s = ingest.settings;
  const columns = ratingColumnsOf(s);
  const ids = [...s.attributes.map((a) => a.id), ...(s.overall_satisfaction ? ['overall_satisfaction'] : [])];
  const all = attributeFigures(columns.map((c, k) => ({ id: ids[k]!, label: c.label, scale: c.scale })), w, min);
  const overall = s.overall_satisfaction ? all.pop()! : null;
  return { attributes: all, overallSatisfaction: overall, attributeSegments: columns.length === 0 ? [] : attributeSegments(columns, ids, w, s.segments.map((d) => ({ id: d.id, label: d.label ?? d.id })), min) };
}

export function buildModel(ingest: IngestResult, c: Collector): SiteModel {
  const s = ingest.settings;
  const min = s.min_group_size;
  const seenBefore = new IdIndex();
  const withheldNames = confidentialNames(ingest);
  const states = ingest.waves.map((_, i) => c.waveState(i));
  const accountSlugs = slugsFor([...ingest.accounts.keys(), ...states.flatMap((w) => [...w.accounts.keys()])]);
  const themeSlugs = slugsFor(states.flatMap((w) => [...w.themes.keys()]));
  /** An identified contact as pages may show them (a confidential respondent's namesake by role only). */
  const contactShown = (contactId: string) => {
    if (ingest.confidentialContacts.has(contactId)) return null;
    const ct = ingest.contacts.get(contactId);
    if (!ct) return null;
    const role = (ct.roleId !== undefined ? ingest.settings.roles[ct.roleId]?.label : undefined) ?? ct.role ?? null;
    return { name: ct.name === undefined ? 'Unnamed respondent' : withheldNames.has(normalName(ct.name)) ? 'Name withheld (shared with a confidential respondent)' : ct.name, role };
  };
  const waves: WaveModel[] = [];
  ingest.waves.forEach((wave, i) => {
    const w = c.waveState(i);
    const invited = ingest.invitations.get(wave.id);
    const n = w.histogram.reduce((a, b) => a + b, 0);
    const prev = i > 0 ? c.waves[i - 1] : undefined;
    const list = accounts(ingest, w, wave.id, min, withheldNames, accountSlugs);
    const cohortFigures = cohorts(ingest, c, i, seenBefore, min);
    // Who was included before the next wave: this wave's invitees and respondents.
    for (const ids of [invited?.contacts, w.respondents]) for (let e = 0; e < (ids?.size ?? 0); e++) seenBefore.adopt(ids!, e, 1);
    const prevWave = i > 0 ? { id: ingest.waves[i - 1]!.id, state: c.waveState(i - 1), model: waves[i - 1]! } : undefined;
    const asOf = wave.asOf ?? ingest.lastSubmitted.get(wave.id) ?? wave.closed ?? null;
    const followup = followupQueue(ingest, c, i, asOf, contactShown, (id) => accountSlugs.get(id) ?? id);
    waves.push({
      id: wave.id,
      label: wave.label,
      asOf,
      period: wave.period,
      figures: figuresOf(w.histogram),
      change: prev ? compare(w.histogram, prev.histogram, ingest.waves[i - 1]!.id, 'change') : null,
      invited: invited ? invited.contacts.size : null,
      responseRate: invited && invited.contacts.size > 0 ? n / invited.contacts.size : null,
      confidential: w.confidential,
      segments: segments(ingest, w, w.histogram, min, prevWave),
      accounts: list,
      portfolio: portfolio(ingest, w, list, min),
      cohorts: cohortFigures,
      themes: themes(ingest, w, w.histogram, themeSlugs),
      finance: finance(ingest, list),
      metrics: metrics(ingest, wave.period),
      followup: followup.summary,
      queue: followup.queue,
      ...attributesOf(ingest, w, min),
    });
  });
  return {
    version: MODEL_VERSION,
    program: {
      name: s.program.name,
      company: s.program.company,
      currency: s.currency,
      minGroupSize: min,
      signatory: s.program.signatory ? { name: s.program.signatory.name, title: s.program.signatory.title ?? null, email: s.program.signatory.email ?? null } : null,
      customerSite: {
        publishResponseFigures: s.customer_site.publish_response_figures,
        publishNps: s.customer_site.publish_nps,
        contactEmail: s.customer_site.contact_email ?? null,
        logo: s.customer_site.logo ?? null,
        accentColor: s.customer_site.accent_color,
        baseUrl: s.customer_site.base_url ?? null,
        nextWave: s.customer_site.next_wave ?? null,
      },
    },
    benchmarks: s.benchmarks.map((b) => ({ name: b.name, nps: b.nps, kind: b.kind, source: b.source ?? null, year: b.year ?? null })),
    waves,
    attributeThemes: Object.fromEntries(s.attributes.map((a) => [a.id, a.themes])),
    ingest: ingest.report,
  };
}
