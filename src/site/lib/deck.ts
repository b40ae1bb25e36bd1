/**
 * The deck of a wave, decided from the model: which slides there are, each one's title (the
 * finding, not the topic: "NPS back to +15 after the Q2 2026 dip", not "The trend"), a short
 * kicker naming the topic, what each slide shows, and a default speaker note saying in one
 * sentence what the slide says, with its numbers. Pure, so tests pin every sentence down;
 * Deck.astro only renders the slides and the briefing's MDX notes replace the defaults
 * (slides.ts).
 */
import { valueFigure } from './value-figure.ts';
import type { MetricChange, WaveModel } from '../../pipeline/model/types.ts';
import type { StoryEntry } from '../../pipeline/content/briefing-choices.ts';
import { significantSegments, type SegmentFinding } from '../../pipeline/content/briefing-choices.ts';
import type { SlideId } from './slides.ts';
import { formatCorrelation, formatCount, formatDate, formatMean, formatNps, formatNpsInterval, formatPercent, formatPeriod, formatTimes } from '../../shared/format.ts';
import { financeSums } from './finance.ts';

/** An initiative as its slide shows it (chosen, and dated, by the page). */
export interface DeckInitiative {
  title: string;
  status: string;
  /** Share done, 0–1; null when the plan says nothing of it. */
  progress: number | null;
}

export interface DeckInput {
  /** Every wave of the program, oldest first. */
  waves: WaveModel[];
  /** The wave presented. */
  wave: WaveModel;
  /** The story that opens the deck, if any. */
  story: StoryEntry | null;
  /** The top initiatives, as the initiatives slide lists them. */
  initiatives: DeckInitiative[];
  /** The customer letter's address, for the closing slide's code. */
  letterUrl: string | null;
}

/** A figure set large on a slide, with what it counts. */
export interface BigFigure {
  value: string;
  label: string;
  /** Bad news is coloured as such; good news as such; plain otherwise. */
  tone: 'bad' | 'good' | 'plain';
}

/** A theme customers ask to improve, with one customer's words about it. */
export interface Ask {
  theme: string;
  mentions: number;
  quote: string | null;
}

interface Base {
  title: string;
  /** The topic, above the title: what kind of slide this is. */
  kicker: string;
  /** The default speaker note: what the slide says, in one sentence, with its numbers. */
  note: string;
}

/** One slide: its id (what `<Notes slide>` names), title, note and what it shows. */
export type DeckSlide = Base &
  (
    | { id: 'story'; who: string }
    | { id: 'headline'; nps: string | null; change: string | null; detail: string | null }
    | { id: 'trend' }
    | { id: 'business'; metrics: string[]; money: string }
    | { id: 'promoters'; finding: SegmentFinding | null }
    | { id: 'drivers' }
    | { id: 'asks'; asks: Ask[] }
    | { id: 'initiatives' }
    | { id: 'followup'; figures: BigFigure[]; lead: string | null }
    | { id: 'close' }
  );

/** Every slide of a wave's deck, in order. */
export function buildDeck(input: DeckInput): DeckSlide[] {
  const { wave: w, story } = input;
  const slides: DeckSlide[] = [];
  if (story) slides.push(storySlide(story));
  slides.push(headlineSlide(input), trendSlide(input), businessSlide(input), promotersSlide(w));
  if (w.attributes.some((a) => !a.figures.suppressed && a.figures.driver)) slides.push(driversSlide(w));
  slides.push(asksSlide(w), initiativesSlide(input.initiatives), followupSlide(w), closeSlide(input.letterUrl));
  return slides;
}

/** The ids of a deck's slides, for `<Notes slide>` and the presenter view. */
export const slideIds = (slides: DeckSlide[]): SlideId[] => slides.map((s) => s.id);

const waveLabel = (waves: WaveModel[], id: string) => waves.find((x) => x.id === id)?.label ?? id;

/** "up 10 points", "down 1 point", "unchanged": a move in whole points, in words. */
export function movement(delta: number): string {
  const r = Math.round(Math.abs(delta));
  if (r === 0) return 'unchanged';
  return `${delta > 0 ? 'up' : 'down'} ${formatCount(r)} ${r === 1 ? 'point' : 'points'}`;
}

/** Whether a change is beyond noise, in the words a room hears. */
const verdict = (significant: boolean) => (significant ? 'a real change' : 'within noise');

/** A story's teller, named only as far as they consented (as Quote.astro attributes it). */
export function storyTeller(s: StoryEntry['data']): string {
  if (s.named_internally) return [s.person, s.role, s.customer].filter(Boolean).join(', ');
  return s.role ? `A ${s.role.toLowerCase()} at a customer` : 'A customer';
}

function storySlide(story: StoryEntry): DeckSlide {
  const who = storyTeller(story.data);
  const score = story.data.score;
  return {
    id: 'story',
    kicker: 'In a customer’s words',
    title: 'In a customer’s words',
    who,
    note: `${who}${score !== undefined ? ` gave us ${score} out of 10` : ', in their own words'}: read the quote aloud, then turn to the numbers.`,
  };
}

/** The headline's title: where NPS stands and what moved it, as a finding. */
export function headlineTitle(waves: WaveModel[], w: WaveModel): string {
  const f = w.figures;
  if (!f) return 'No responses yet';
  const nps = formatNps(f.nps);
  const c = w.change;
  if (!c) return `NPS ${nps} in our first survey`;
  const before = waveLabel(waves, c.against);
  if (!c.significant) return `NPS holds at ${nps}: no real change since ${before}`;
  if (c.delta < 0) return `NPS down ${formatCount(Math.round(-c.delta))} points to ${nps}`;
  // A real rise straight after a real fall is a recovery: "back to" when it regains the level before the dip.
  const prior = waves.find((x) => x.id === c.against);
  if (prior?.change?.significant && prior.change.delta < 0) {
    const levelBefore = waves.find((x) => x.id === prior.change!.against)?.figures?.nps;
    const regained = levelBefore !== undefined && Math.abs(Math.round(f.nps) - Math.round(levelBefore)) <= 3;
    return `NPS ${regained ? 'back to' : 'rises to'} ${nps} after the ${prior.label} dip`;
  }
  return `NPS up ${formatCount(Math.round(c.delta))} points to ${nps}`;
}

function headlineSlide({ waves, wave: w }: DeckInput): DeckSlide {
  const f = w.figures;
  const title = headlineTitle(waves, w);
  const kicker = `Net Promoter Score · ${w.label}`;
  if (!f) return { id: 'headline', kicker, title, nps: null, change: null, detail: null, note: `No customer has answered the ${w.label} survey yet.` };
  const change = w.change ? `${movement(w.change.delta)} since ${waveLabel(waves, w.change.against)}, ${verdict(w.change.significant)}` : 'our first measure';
  return {
    id: 'headline',
    kicker,
    title,
    nps: formatNps(f.nps),
    change,
    detail: `${formatCount(f.n)} answers · 95% interval ${formatNpsInterval(f.ci95)} · data as of ${formatDate(w.asOf)}`,
    note: `NPS is ${formatNps(f.nps)} from ${formatCount(f.n)} answers (95% interval ${formatNpsInterval(f.ci95)}), ${change}; ${formatPercent(f.promoterShare)} are promoters and ${formatPercent(f.detractorShare)} detractors.`,
  };
}

/** The trend's title: where NPS started and stands, and its low (or high) on the way when it stood apart. */
export function trendTitle(waves: WaveModel[], w: WaveModel): string {
  const shown = waves.slice(0, waves.indexOf(w) + 1).filter((x) => x.figures);
  const first = shown[0];
  const last = shown.at(-1);
  if (!first || !last) return 'No responses yet';
  const at = (x: WaveModel) => `${formatNps(x.figures!.nps)} in ${x.label}`;
  if (shown.length === 1) return `The trend starts here: NPS ${at(first)}`;
  const inner = shown.slice(1, -1);
  const ends = [first.figures!.nps, last.figures!.nps];
  const low = inner.reduce<WaveModel | null>((m, x) => (m === null || x.figures!.nps < m.figures!.nps ? x : m), null);
  const high = inner.reduce<WaveModel | null>((m, x) => (m === null || x.figures!.nps > m.figures!.nps ? x : m), null);
  // A turning point is named only when it stands 5 or more points beyond both ends.
  const via =
    low && Math.min(...ends) - low.figures!.nps >= 5 ? `, with a low of ${at(low)}` : high && high.figures!.nps - Math.max(...ends) >= 5 ? `, with a high of ${at(high)}` : '';
  return `NPS from ${at(first)} to ${at(last)}${via}`;
}

function trendSlide({ waves, wave: w }: DeckInput): DeckSlide {
  const shown = waves.slice(0, waves.indexOf(w) + 1).filter((x) => x.figures);
  const changes = shown.filter((x) => x.change);
  const real = changes.filter((x) => x.change!.significant).length;
  const title = trendTitle(waves, w);
  return {
    id: 'trend',
    kicker: 'The trend',
    title,
    note:
      shown.length > 1
        ? `Over ${formatCount(shown.length)} waves, ${title}; ${formatCount(real)} of the ${formatCount(changes.length)} ${changes.length === 1 ? 'change' : 'changes'} between waves ${real === 1 ? 'was' : 'were'} real, and the shaded band is each wave's 95% interval.`
        : `${title}, from ${formatCount(w.figures?.n ?? 0)} answers; the next waves will show which way it moves.`,
  };
}

/** The measures the business slide shows: the (at most) three that moved most since the wave before. */
export function movedMost(metrics: MetricChange[], count = 3): MetricChange[] {
  const size = (m: MetricChange) => (m.changeShare === null ? -1 : Math.abs(m.changeShare));
  return metrics
    .filter((m) => m.value !== null)
    .map((m, i) => ({ m, i }))
    .sort((a, b) => size(b.m) - size(a.m) || a.i - b.i)
    .slice(0, count)
    .map((x) => x.m);
}

/**
 * A metrics period as readers name it (formatPeriod: the label of the wave lined up with it, a
 * quarter or month written the house way), else "the period before" (never a file's code).
 */
export function periodLabel(waves: WaveModel[], period: string): string {
  const words = formatPeriod(period, waves);
  // A period code formatPeriod cannot name ("FY25-P07") is never shown: say what it is instead.
  return words === period && !waves.some((x) => x.period === period || x.id === period) ? 'the period before' : words;
}

/** How a measure moved since the wave before: "down 53%", with that period's name. */
function metricMove(waves: WaveModel[], m: MetricChange): { label: string; words: string; before: string } | null {
  if (m.changeShare === null || m.direction === null || m.priorPeriod === null) return null;
  const before = periodLabel(waves, m.priorPeriod);
  return { label: m.label, words: m.direction === 'unchanged' ? 'unchanged' : `${m.direction} ${formatPercent(Math.abs(m.changeShare))}`, before };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function businessSlide({ waves, wave: w }: DeckInput): DeckSlide {
  const shown = movedMost(w.metrics);
  const { revenueAtRisk: atRisk, potentialGrowth: growth } = financeSums(w.finance);
  const moves = shown.map((m) => metricMove(waves, m)).filter((x) => x !== null);
  const top = moves[0];
  const sum = `Unhappy and lukewarm customers put ${atRisk} of revenue at risk, and moving passives to promoters could add ${growth}`;
  // The measures moved since the same wave (the one before) in every usual program; each names its own otherwise.
  const sameBefore = moves.every((m) => m.before === top?.before);
  const moved = joinWords(moves.map((m) => `${lowerFirst(m.label)} ${m.words}${sameBefore ? '' : ` since ${m.before}`}`));
  return {
    id: 'business',
    kicker: 'Beside the business',
    title: top ? `${top.label} ${top.words} since ${top.before}` : `${atRisk} of revenue at risk from unhappy and lukewarm customers`,
    metrics: shown.map((m) => m.metric),
    money: `Revenue at risk ${atRisk} · potential growth ${growth}`,
    note: top ? `${sum}; ${sameBefore ? `since ${top.before}, ` : ''}${moved}.` : `${sum}.`,
  };
}

function promotersSlide(w: WaveModel): DeckSlide {
  const finding = significantSegments(w, 'higher')[0] ?? null;
  if (!finding)
    return {
      id: 'promoters',
      kicker: 'Where promoters come from',
      title: 'No group of customers stands out beyond noise this wave',
      finding: null,
      note: `No segment's NPS differs from the rest beyond noise in ${w.label}: promoters come from everywhere in about equal measure.`,
    };
  const d = finding.dimension;
  return {
    id: 'promoters',
    kicker: 'Where promoters come from',
    title: `${d.label}: ${finding.value} scores ${formatNps(finding.nps)}, ${formatCount(Math.round(finding.delta))} points above the rest`,
    finding,
    note: `${d.label} “${finding.value}” scores ${formatNps(finding.nps)} from ${formatCount(finding.n)} answers, ${finding.words}${finding.lift !== null && finding.lift > 1 ? `; promoters are ${formatTimes(finding.lift)} as common there as overall` : ''}.`,
  };
}

function driversSlide(w: WaveModel): DeckSlide {
  const fix = w.attributes.find((a) => a.id === w.fixFirst);
  const kicker = 'Why customers score as they do';
  if (!fix || fix.figures.suppressed || !fix.figures.driver)
    return {
      id: 'drivers',
      kicker,
      title: 'No attribute is both tied to the score and rated low',
      note: 'Every attribute tied to the score is rated above most of the others: keep them there.',
    };
  const f = fix.figures;
  return {
    id: 'drivers',
    kicker,
    title: `Fix first: ${fix.label}, tied to the score and rated below most`,
    note: `${fix.label} is rated ${formatMean(f.mean)} out of ${fix.scale[1]} on average from ${formatCount(f.n)} ratings, below most attributes, and is among the most tied to the score (correlation ${formatCorrelation(f.driver!.r)}): fix it first.`,
  };
}

/** The (at most) three themes customers ask to improve, each with one short comment not used by another. */
export function topAsks(w: WaveModel, count = 3, longest = 180): Ask[] {
  const used = new Set<string>();
  return w.themes.themes
    .filter((t) => t.askedToImprove)
    .slice(0, count)
    .map((t) => {
      const quote = t.verbatims.map((v) => v.text.trim()).find((text) => text.length <= longest && !used.has(text)) ?? null;
      if (quote) used.add(quote);
      return { theme: t.theme, mentions: t.improvementMentions, quote };
    });
}

function asksSlide(w: WaveModel): DeckSlide {
  const asks = topAsks(w);
  const kicker = 'What customers ask us to improve';
  const [top, ...rest] = asks;
  if (!top)
    return {
      id: 'asks',
      kicker,
      title: 'No theme stands out in what customers ask us to improve',
      asks,
      note: `No comment in ${w.label} asks for an improvement often enough to name a theme.`,
    };
  const then = rest.length ? `, then ${joinWords(rest.map((a) => `${a.theme} (${formatCount(a.mentions)})`))}` : '';
  return {
    id: 'asks',
    kicker,
    title: `Customers ask most to improve ${top.theme}`,
    asks,
    note: `Of ${formatCount(w.themes.comments)} comments, detractors and passives most often ask us to improve ${top.theme} (${formatCount(top.mentions)} mentions)${then}.`,
  };
}

/** Plan statuses as a room hears them, in the order plans move through them. */
const STATUS_WORDS: Record<string, string> = { done: 'done', 'in progress': 'under way', planned: 'planned', 'on hold': 'on hold' };

/** "1 initiative done, 3 under way, 1 planned". */
export function initiativesTitle(list: DeckInitiative[]): string {
  const counts = new Map<string, number>();
  for (const a of list) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const statuses = [...Object.keys(STATUS_WORDS).filter((s) => counts.has(s)), ...[...counts.keys()].filter((s) => !(s in STATUS_WORDS))];
  return statuses
    .map((s, i) => {
      const n = counts.get(s)!;
      return `${formatCount(n)}${i === 0 ? (n === 1 ? ' initiative' : ' initiatives') : ''} ${STATUS_WORDS[s] ?? s}`;
    })
    .join(', ');
}

function initiativesSlide(list: DeckInitiative[]): DeckSlide {
  const kicker = 'What we are doing';
  if (list.length === 0) return { id: 'initiatives', kicker, title: 'No initiative had started yet', note: 'No top initiative had started by the time of this survey.' };
  return {
    id: 'initiatives',
    kicker,
    title: initiativesTitle(list),
    note: `Our top initiatives: ${list.map((a) => `${a.title} (${a.status}${a.progress !== null && a.status !== 'done' ? `, ${formatPercent(a.progress)} done` : ''})`).join('; ')}.`,
  };
}

function followupSlide(w: WaveModel): DeckSlide {
  const f = w.followup;
  const t = f.total;
  const kicker = 'Closing the loop';
  const lead = w.responseRate !== null && w.invited !== null ? `${formatPercent(w.responseRate)} of the ${formatCount(w.invited)} invited contacts answered.` : null;
  if (!f.hasLog)
    return {
      id: 'followup',
      kicker,
      title: 'Follow-up is not measured yet',
      figures: [],
      lead,
      note: 'No follow-up log was given, so we cannot yet say whether customers who asked for a call heard back.',
    };
  if (t.alerts === 0)
    return { id: 'followup', kicker, title: 'No answer called for a follow-up', figures: [], lead, note: `No answer in ${w.label} called for a follow-up under our rules.` };
  const share = (x: number | null) => (x === null ? '–' : formatPercent(x));
  const of = `of ${formatCount(t.alerts)}`;
  return {
    id: 'followup',
    kicker,
    title:
      t.overdue > 0
        ? `${formatCount(t.overdue)} follow-ups overdue; ${share(t.closedInTimeShare)} closed in time`
        : `No follow-up overdue; ${share(t.closedInTimeShare)} closed in time`,
    figures: [
      { value: formatCount(t.overdue), label: `overdue on ${formatDate(w.asOf)}`, tone: t.overdue > 0 ? 'bad' : 'good' },
      { value: share(t.closedInTimeShare), label: `closed in time (${of})`, tone: 'plain' },
      { value: share(t.followedUpShare), label: `followed up (${of})`, tone: 'plain' },
    ],
    lead,
    note: `Of ${formatCount(t.alerts)} follow-ups the answers called for, ${share(t.followedUpShare)} happened and ${share(t.closedInTimeShare)} were closed in time; ${formatCount(t.overdue)} ${t.overdue === 1 ? 'is' : 'are'} overdue as of ${formatDate(w.asOf)}.`,
  };
}

function closeSlide(letterUrl: string | null): DeckSlide {
  return {
    id: 'close',
    kicker: 'What we tell every customer',
    title: 'Every customer hears what we heard, and what we are doing',
    note: letterUrl
      ? `Every invited customer gets our letter, at ${letterUrl}: scan the code to read what they will read.`
      : 'Every invited customer gets our letter: what we heard, and what we are doing about it.',
  };
}

/**
 * What a component written inside a speaker note says (`<Value of="nps" />` -> "+15",
 * `<Change />` -> "up 10 points, a significant rise"), worded as the briefing words it; any other
 * component says nothing in a note.
 */
export function noteFigure(w: WaveModel, tag: string, attrs: Record<string, string>): string {
  if (tag === 'Change') return w.change ? w.change.words : 'the first wave measured';
  if (tag !== 'Value') return '';
  return valueFigure(w, attrs['of'] ?? '') ?? '–';
}

/** "a", "a and b", "a, b and c". */
function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
