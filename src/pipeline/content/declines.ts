/**
 * Which significant negative changes a wave's briefing reports, and which action plans answer
 * each. The briefing page lists them; `npm run check` warns about those no plan answers.
 */
import type { WaveModel } from '../model/types.ts';
import type { Action } from './schemas.ts';
import { planStart } from './plan-as-of.ts';
import { formatNps, formatPeriod, type PeriodWave } from '../util/format.ts';

/** What matching needs of an action plan: its id, the fields that say what it answers, and the dates that say when it started (none: always there). */
export interface PlanRef {
  id: string;
  data: Pick<Action, 'answers' | 'segments'> & Partial<Pick<Action, 'started' | 'history' | 'tasks'>>;
}

export interface Decline<P extends PlanRef = PlanRef> {
  what: string;
  words: string;
  /** The segment value that fell; null for the wave's own NPS. */
  segment: { dimension: string; value: string } | null;
  plans: P[];
}

/**
 * Every significant negative change the briefing reports: the wave's NPS against the wave
 * before, and each segment value's NPS against its own in the wave before. Each is matched to
 * the action plans that answer it: plans whose `answers` name the wave, or that name the segment,
 * and that had started by the wave's date (a plan started later is not on that wave's pages).
 * `waves` name the wave before by its label (without them, a wave id reads like one: "Q1 2026").
 */
export function declines<P extends PlanRef>(w: WaveModel, all: readonly P[], waves: readonly PeriodWave[] = []): Decline<P>[] {
  const out: Decline<P>[] = [];
  const actions = all.filter((a) => {
    const start = planStart({ started: a.data.started, history: a.data.history, tasks: a.data.tasks ?? [] });
    return w.asOf === null || start === null || start <= w.asOf;
  });
  if (w.change?.significant && w.change.delta < 0) {
    out.push({ what: `NPS since ${formatPeriod(w.change.against, waves)}`, words: w.change.words, segment: null, plans: actions.filter((a) => a.data.answers.includes(w.id)) });
  }
  for (const d of w.segments) {
    for (const v of d.values) {
      const f = v.figures;
      if (f.suppressed || !f.change?.significant || f.change.delta >= 0) continue;
      out.push({
        what: `${d.label}: ${v.value}`,
        words: `NPS ${formatNps(f.nps)}, ${f.change.words} since ${formatPeriod(f.change.against, waves)}`,
        segment: { dimension: d.id, value: v.value },
        plans: actions.filter((a) => a.data.answers.includes(w.id) || a.data.segments.some((x) => x.dimension === d.id && x.value === v.value)),
      });
    }
  }
  return out;
}
