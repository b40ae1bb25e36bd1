/**
 * The presentation of a briefing: which slides there are, and which speaker notes go with
 * each. Notes are written in the briefing's MDX as <Notes>…</Notes>; each goes to the slide of
 * the component placed before it (after <Trend /> it belongs to the trend slide), or to the
 * slide named by <Notes slide="asks">; notes before any component go to the headline.
 */
import { SLIDES, type SlideId } from '../../pipeline/content/briefing-components.ts';

export { SLIDES };
export type { SlideId };

const COMPONENT_SLIDE: Record<string, SlideId> = {
  Quote: 'story',
  Nps: 'headline',
  Value: 'headline',
  Change: 'headline',
  Trend: 'trend',
  Metric: 'business',
  Finance: 'business',
  Benchmarks: 'business',
  Segments: 'promoters',
  Cohorts: 'promoters',
  Drivers: 'drivers',
  Themes: 'asks',
  Initiatives: 'initiatives',
  FollowUp: 'followup',
};

/** Speaker notes by slide, in the order written. */
export function notesBySlide(mdx: string): Map<SlideId, string[]> {
  const out = new Map<SlideId, string[]>();
  let current: SlideId = 'headline';
  const token = /<Notes(?:\s+slide=["']([a-z]+)["'])?\s*>([\s\S]*?)<\/Notes>|<([A-Z][A-Za-z]*)\b/g;
  for (const m of mdx.matchAll(token)) {
    if (m[3] !== undefined) {
      current = COMPONENT_SLIDE[m[3]] ?? current;
      continue;
    }
    const slide = (SLIDES as readonly string[]).includes(m[1] ?? '') ? (m[1] as SlideId) : current;
    const text = (m[2] ?? '').replace(/\s+/g, ' ').trim();
    if (text) out.set(slide, [...(out.get(slide) ?? []), text]);
  }
  return out;
}
