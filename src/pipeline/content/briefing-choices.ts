/**
 * What a briefing (and its deck) tells, chosen from the model and the content: which story
 * opens it, which segment values stand out beyond noise, which plans are the top initiatives
 * and how far along each was on the wave's date. Pure, so pages only render the choice and tests pin it down.
 */
import type { SegmentDimension, WaveModel } from '../model/types.ts';
import type { Action, Story } from './schemas.ts';
import { planAsOf, type PlanAsOf } from './plan-as-of.ts';

/** Collection entries as the pages use them, typed by the pipeline's schemas. */
export interface StoryEntry {
  id: string;
  data: Story;
}
export interface ActionEntry {
  id: string;
  data: Action;
}

/**
 * The story a briefing opens with: the one it names, else the best of the wave; none when the
 * named story does not exist. A story in `exclude` (those its narrative quotes) never opens it,
 * so no quote is told twice: a named story the narrative quotes gives way to the best other
 * story of the wave. Best: one with a video, then one whose score agrees with the wave's
 * significant change (a detractor's or passive's in a fall, a promoter's in a rise), then by id.
 */
export function openingStory(stories: StoryEntry[], wave: WaveModel, named?: string, exclude: Iterable<string> = []): StoryEntry | null {
  const excluded = new Set(exclude);
  if (named) {
    const story = stories.find((s) => s.id === named);
    if (!story) return null;
    if (!excluded.has(named)) return story;
  }
  const change = wave.change?.significant ? Math.sign(wave.change.delta) : 0;
  const agrees = (s: StoryEntry) => change !== 0 && s.data.score !== undefined && (change > 0 ? s.data.score >= 9 : s.data.score <= 8);
  const rank = (s: StoryEntry) => (s.data.video ? 0 : 2) + (agrees(s) ? 0 : 1);
  const candidates = stories.filter((s) => s.data.wave === wave.id && !excluded.has(s.id));
  return candidates.sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1))[0] ?? null;
}

export interface SegmentFinding {
  dimension: SegmentDimension;
  value: string;
  nps: number;
  n: number;
  words: string;
  lift: number | null;
  delta: number;
}

/** Segment values whose gap to the rest is significant, strongest first. */
export function significantSegments(w: WaveModel, direction: 'higher' | 'lower'): SegmentFinding[] {
  const out: SegmentFinding[] = [];
  for (const d of w.segments) {
    for (const v of d.values) {
      const f = v.figures;
      if (f.suppressed || !f.gap?.significant) continue;
      if ((direction === 'higher') !== f.gap.delta > 0) continue;
      out.push({ dimension: d, value: v.value, nps: f.nps, n: f.n, words: f.gap.words, lift: f.promoterLift, delta: f.gap.delta });
    }
  }
  return out.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.value < b.value ? -1 : 1));
}

/** A plan as it stood on a wave's date: its entry, with its status, progress, tasks and result then. */
export type InitiativeAsOf = ActionEntry & PlanAsOf;

/**
 * The top initiatives as of a wave's date (`asOf`; null: as they stand now): plans with a
 * priority that had started by then, in order, at most five, each with its status, progress
 * and result on that day.
 */
export function topInitiatives(actions: ActionEntry[], asOf: string | null): InitiativeAsOf[] {
  return actions
    .filter((a) => a.data.priority !== undefined)
    .flatMap((a) => {
      const then = planAsOf(a.data, asOf);
      return then ? [{ ...a, ...then }] : [];
    })
    .sort((a, b) => a.data.priority! - b.data.priority! || (a.id < b.id ? -1 : 1))
    .slice(0, 5);
}

/** Share of a plan done on `asOf` (null: now): see planAsOf. Null when nothing says, or when it had not started. */
export function progressOf(a: ActionEntry, asOf: string | null): number | null {
  return planAsOf(a.data, asOf)?.progress ?? null;
}
