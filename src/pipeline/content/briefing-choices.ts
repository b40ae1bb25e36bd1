/**
 * What a briefing (and its deck) tells, chosen from the model and the content: which story
 * opens it, which segment values stand out beyond noise, which plans are the top initiatives
 * and how far along each is. Pure, so pages only render the choice and tests pin it down.
 */
import type { SegmentDimension, WaveModel } from '../model/types.ts';
import type { Action, Story } from './schemas.ts';

/** Collection entries as the pages use them, typed by the pipeline's schemas. */
export interface StoryEntry {
  id: string;
  data: Story;
}
export interface ActionEntry {
  id: string;
  data: Action;
}

/** The story named by the briefing, else the first of the wave (by id), else none. */
export function openingStory(stories: StoryEntry[], wave: WaveModel, named?: string): StoryEntry | null {
  if (named) return stories.find((s) => s.id === named) ?? null;
  return [...stories].filter((s) => s.data.wave === wave.id).sort((a, b) => (a.id < b.id ? -1 : 1))[0] ?? null;
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

/** The top initiatives: plans with a priority, in order, at most five. */
export function topInitiatives(actions: ActionEntry[]): ActionEntry[] {
  return actions.filter((a) => a.data.priority !== undefined).sort((a, b) => a.data.priority! - b.data.priority!).slice(0, 5);
}

/** Share of a plan done: its stated progress, else the share of its tasks done. */
export function progressOf(a: ActionEntry): number | null {
  if (a.data.progress !== undefined) return a.data.progress / 100;
  if (a.data.status === 'done') return 1;
  if (a.data.tasks.length === 0) return null;
  return a.data.tasks.filter((t) => t.done).length / a.data.tasks.length;
}
