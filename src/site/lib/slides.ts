/**
 * The speaker notes of a presented briefing. Every slide has a default note, worked out from the
 * data (deck.ts); notes written in the briefing's MDX as <Notes>…</Notes> replace a slide's
 * default. Each goes to the slide of the component placed before it (after <Trend /> it belongs
 * to the trend slide; after a <Quote> of the opening story, to the story slide), or to the slide
 * named by <Notes slide="asks">; notes before any component go to the headline.
 */
import { SLIDES, type SlideId } from '../../pipeline/content/briefing-components.ts';

export { SLIDES };
export type { SlideId };

/** The slide a component's content is on (a <Quote> is on the story slide only when it quotes the opening story). */
const COMPONENT_SLIDE: Record<string, SlideId> = {
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

/** The words a component inside a note stands for (`<Value of="nps" />` -> "+15"): its tag and attributes. */
export type InlineFigure = (tag: string, attrs: Record<string, string>) => string;

/**
 * Speaker notes by slide, in the order written. `openingStory` is the story the deck opens
 * with: a <Quote> of it moves the notes after it to the story slide; a <Quote> of any other
 * story sits inside the narrative, and its notes stay with the slide before it. A component
 * inside a note (`<Value of="n" />`) is replaced by the words `inline` gives it.
 */
export function notesBySlide(mdx: string, openingStory: string | null = null, inline: InlineFigure = () => ''): Map<SlideId, string[]> {
  const out = new Map<SlideId, string[]>();
  let current: SlideId = 'headline';
  const token = /<Notes(?:\s+slide=["']([a-z]+)["'])?\s*>([\s\S]*?)<\/Notes>|<([A-Z][A-Za-z]*)\b([^>]*)/g;
  for (const m of mdx.matchAll(token)) {
    if (m[3] !== undefined) {
      const quoted = m[3] === 'Quote' ? /\bstory=["']([^"']+)["']/.exec(m[4] ?? '')?.[1] : undefined;
      current = quoted !== undefined ? (quoted === openingStory ? 'story' : current) : (COMPONENT_SLIDE[m[3]] ?? current);
      continue;
    }
    const slide = (SLIDES as readonly string[]).includes(m[1] ?? '') ? (m[1] as SlideId) : current;
    const text = (m[2] ?? '')
      .replace(/<([A-Z][A-Za-z]*)\b([^>]*?)\/?>/g, (_, tag: string, attrs: string) =>
        inline(tag, Object.fromEntries([...attrs.matchAll(/(\w+)=["']([^"']*)["']/g)].map((a) => [a[1]!, a[2]!]))),
      )
      .replace(/\s+/g, ' ')
      .trim();
    if (text) out.set(slide, [...(out.get(slide) ?? []), text]);
  }
  return out;
}

/**
 * Each slide's notes: the briefing's own for the slide when it has any (they replace the
 * default), else the slide's default note.
 */
export function slideNotes(slides: readonly { id: SlideId; note: string }[], written: Map<SlideId, string[]>): string[][] {
  return slides.map((s) => {
    const own = written.get(s.id) ?? [];
    return own.length > 0 ? own : [s.note];
  });
}
