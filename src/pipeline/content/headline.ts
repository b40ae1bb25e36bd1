/**
 * The headline of a wave's briefing, decided here so the page only renders it: the NPS with its
 * change since the wave before (in points and words, with its significance), and a short list of
 * findings, each good or bad news, bad news first: segments that fell, below an outside benchmark,
 * follow-up overdue, the top complaint, revenue at risk, the weakest segment, an operational or
 * financial metric that got worse; then what went well (above a benchmark, no follow-up overdue,
 * no score that fell, a metric that got better, potential growth). Where promoters come from is the briefing's own
 * section, so the strongest segment is not repeated here.
 *
 * A finding never repeats what the briefing's narrative already shows (a `<Value of>` figure, a
 * `<Metric>` card, a `<Segments>` chart): the narrative's words come first, and the headline
 * leaves them to it. The figures the headline states are listed, so the sections below leave
 * them out in turn.
 */
import type { BenchmarkComparison, MetricChange, WaveModel } from '../model/types.ts';
import { formatCount, formatMoneyRow, formatNps, formatPercent, formatPeriod, formatPointChange, formatPoints, type PeriodWave } from '../util/format.ts';
import type { StatedFigure } from './narrative.ts';

/** Good or bad news; a reader is told which in words and by a symbol, never by colour alone. */
export type Tone = 'good' | 'bad';

/** The section of the briefing (or the page) that holds a finding's detail. */
export type FindingTopic = 'declines' | 'benchmarks' | 'followup' | 'themes' | 'finance' | 'segments' | 'metrics';

export interface Finding {
  tone: Tone;
  topic: FindingTopic;
  /** One plain sentence, its figures worded by the house formatter. */
  text: string;
  /** The `<Value of>` figure it states, if any: the page states it nowhere else. */
  figure?: StatedFigure;
}

export interface HeadlineChange {
  /** Good or bad when the change is significant; level when it is within noise (or there is no wave before). */
  tone: Tone | 'level';
  /** "+10 points since Q2 2026, a significant rise", "−3 points since Q1 2026, within noise", "The first wave measured". */
  text: string;
}

export interface Headline {
  change: HeadlineChange;
  findings: Finding[];
  /** The figures the findings state (revenue at risk, potential growth): the sections below leave them out. */
  states: StatedFigure[];
}

/** What the headline leaves to the narrative: the figures it states, the metrics it shows as cards, the segment dimensions it draws. */
export interface Stated {
  figures: readonly StatedFigure[];
  metrics: readonly string[];
  segments: readonly string[];
}

/** At most this many findings of each kind: the list stays short, and bad news is never crowded out by good. */
export const MAX_BAD = 4;
export const MAX_GOOD = 2;

/** A list in prose: "a", "a and b", "a, b and c". */
const inWords = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`);

/** "the B2B software industry median", "Competitor A": a source in brackets is left to the benchmarks table. */
function benchmarkName(b: BenchmarkComparison): string {
  const name = b.name.replace(/\s*\([^)]*\)\s*$/, '').trim() || b.name;
  return b.kind === 'industry' && !/^the\s/i.test(name) ? `the ${name}` : name;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The wave's change since the one before, in points and words. */
export function headlineChange(w: WaveModel, waves: readonly PeriodWave[]): HeadlineChange {
  const c = w.change;
  if (!c) return { tone: 'level', text: w.figures ? 'The first wave measured: no earlier score to compare' : 'No responses this wave' };
  const since = `${formatPointChange(c.delta)} since ${formatPeriod(c.against, waves)}`;
  if (!c.significant) return { tone: 'level', text: `${since}, within noise` };
  return c.delta > 0 ? { tone: 'good', text: `${since}, a significant rise` } : { tone: 'bad', text: `${since}, a significant fall` };
}

/** A metric's move, as a finding: "Production incidents down 53% since Q2 2026". */
function metricFinding(m: MetricChange, waves: readonly PeriodWave[]): Finding {
  const since = m.priorPeriod ? ` since ${formatPeriod(m.priorPeriod, waves)}` : '';
  const by = m.changeShare !== null ? ` ${formatPercent(Math.abs(m.changeShare))}` : '';
  return { tone: m.judgement === 'better' ? 'good' : 'bad', topic: 'metrics', text: `${m.label} ${m.direction}${by}${since}` };
}

/**
 * The headline of wave `w`. `waves` names other waves by their labels; `stated` is what the
 * narrative already says (narrative.ts), which the findings leave out.
 */
export function headlineOf(w: WaveModel, waves: readonly PeriodWave[], stated: Stated = { figures: [], metrics: [], segments: [] }): Headline {
  const bad: Finding[] = [];
  const good: Finding[] = [];
  const says = (f: StatedFigure) => stated.figures.includes(f);

  // Segment values whose NPS fell beyond noise since the wave before (the wave's own fall is the change above).
  const falls = w.segments.flatMap((d) =>
    d.values.flatMap((v) => (!v.figures.suppressed && v.figures.change?.significant && v.figures.change.delta < 0 ? [{ d, v: v.value, change: v.figures.change }] : [])),
  );
  falls.sort((a, b) => a.change.delta - b.change.delta || (a.v < b.v ? -1 : 1));
  const worst = falls[0];
  if (worst) {
    const where = `${worst.d.label} “${worst.v}”`;
    const since = formatPeriod(worst.change.against, waves);
    bad.push({
      tone: 'bad',
      topic: 'declines',
      text:
        falls.length === 1
          ? `${where}: NPS ${formatPointChange(worst.change.delta)} since ${since}, a significant fall`
          : `NPS fell beyond noise in ${formatCount(falls.length)} segments since ${since}, most in ${where} (${formatPointChange(worst.change.delta)})`,
    });
  }

  // Outside comparison: the figures we are below (or above) beyond noise.
  const below = w.benchmarks.filter((b) => b.verdict === 'below');
  const above = w.benchmarks.filter((b) => b.verdict === 'above');
  const named = (list: BenchmarkComparison[]) => inWords(list.map((b) => `${benchmarkName(b)} (${formatNps(b.nps)})`));
  if (below.length > 0) bad.push({ tone: 'bad', topic: 'benchmarks', text: `Below ${named(below)}` });
  if (above.length > 0) good.push({ tone: 'good', topic: 'benchmarks', text: `Above ${named(above)}` });

  // Follow-up: overdue calls are bad news; none overdue is good.
  const f = w.followup;
  if (f.hasLog && f.total.alerts > 0) {
    if (f.total.overdue > 0) {
      const follow = f.total.overdue === 1 ? 'follow-up' : 'follow-ups';
      bad.push({ tone: 'bad', topic: 'followup', text: `${formatCount(f.total.overdue)} of ${formatCount(f.total.alerts)} ${follow} overdue (${formatPercent(f.total.overdue / f.total.alerts)})` });
    } else {
      good.push({ tone: 'good', topic: 'followup', text: `No follow-up overdue of ${formatCount(f.total.alerts)}` });
    }
  }

  // The improvement customers ask for most.
  const top = w.themes.themes.find((t) => t.askedToImprove);
  if (top) {
    const raised =
      top.shareOfDetractors !== null && top.byCategory.detractor > 0
        ? `raised by ${formatPercent(top.shareOfDetractors)} of detractors`
        : `raised by ${formatCount(top.improvementMentions)} detractors and passives`;
    bad.push({ tone: 'bad', topic: 'themes', text: `${capitalised(top.theme)}: the top complaint, ${raised}` });
  }

  // Money: revenue at risk and potential growth, unless the narrative states them.
  const fin = w.finance;
  // One row, as every other place words the two sums (they are read side by side).
  const [risk, growth] = formatMoneyRow([fin.revenueAtRisk, fin.potentialGrowth], fin.currency) as [string, string];
  if (fin.revenueAtRisk > 0 && !says('revenueAtRisk')) {
    const share = fin.ratedArr > 0 ? `, ${formatPercent(fin.revenueAtRisk / fin.ratedArr)} of the revenue of accounts that answered` : '';
    bad.push({ tone: 'bad', topic: 'finance', text: `Revenue at risk: ${risk}${share}`, figure: 'revenueAtRisk' });
  }

  // The segment value furthest below the rest beyond noise, of a dimension the narrative does not draw.
  const weakest = w.segments
    .filter((d) => !stated.segments.includes(d.id))
    .flatMap((d) =>
      d.values.flatMap((v) =>
        !v.figures.suppressed && v.figures.gap?.significant && v.figures.gap.delta < 0 ? [{ d, v: v.value, nps: v.figures.nps, n: v.figures.n, delta: v.figures.gap.delta }] : [],
      ),
    )
    .sort((a, b) => a.delta - b.delta || (a.v < b.v ? -1 : 1))[0];
  if (weakest) {
    const text = `${weakest.d.label} “${weakest.v}”: NPS ${formatNps(weakest.nps)} (n = ${formatCount(weakest.n)}), ${formatPoints(weakest.delta)} below the rest`;
    bad.push({ tone: 'bad', topic: 'segments', text });
  }

  // Operations and finance: the largest move each way, unless the narrative shows that metric's card.
  const moved = w.metrics
    .filter((m) => m.judgement !== null && m.direction !== null && m.direction !== 'unchanged' && !stated.metrics.includes(m.metric))
    .sort((a, b) => Math.abs(b.changeShare ?? 0) - Math.abs(a.changeShare ?? 0) || (a.metric < b.metric ? -1 : 1));
  const worse = moved.find((m) => m.judgement === 'worse');
  const better = moved.find((m) => m.judgement === 'better');
  if (worse) bad.push(metricFinding(worse, waves));

  // Nothing fell: good news, and the briefing then needs no section on declines.
  if (w.change && falls.length === 0 && !(w.change.significant && w.change.delta < 0)) {
    good.push({ tone: 'good', topic: 'declines', text: `No score fell beyond noise since ${formatPeriod(w.change.against, waves)}, overall or in any segment` });
  }
  if (better) good.push(metricFinding(better, waves));
  if (fin.potentialGrowth > 0 && !says('potentialGrowth')) {
    good.push({ tone: 'good', topic: 'finance', text: `Potential growth: ${growth} of annual revenue`, figure: 'potentialGrowth' });
  }

  const findings = [...bad.slice(0, MAX_BAD), ...good.slice(0, MAX_GOOD)];
  return { change: headlineChange(w, waves), findings, states: findings.flatMap((x) => (x.figure ? [x.figure] : [])) };
}

/**
 * The confidential cohort in one line, its share and scores beside the identified one's:
 * "25% chose confidentiality: NPS −12 (n = 201) against +24 (n = 605) for the identified, a
 * significant difference". Null when the wave cannot show both cohorts.
 */
export function cohortSummary(w: WaveModel): string | null {
  const c = w.cohorts;
  if (c.confidentialShare === null || c.confidential.suppressed || c.identified.suppressed || !c.npsGap) return null;
  const verdict = c.npsGap.significant ? 'a significant difference' : 'within noise';
  return `${formatPercent(c.confidentialShare)} chose confidentiality: NPS ${formatNps(c.confidential.nps)} (n = ${formatCount(c.confidential.n)}) against ${formatNps(c.identified.nps)} (n = ${formatCount(c.identified.n)}) for the identified, ${verdict}`;
}
