import { describe, expect, it } from 'vitest';
import { notesBySlide } from '../../src/site/lib/slides.ts';

describe('notesBySlide', () => {
  it('gives each note to the slide of the component before it, or the one it names', () => {
    const mdx = `Intro <Notes>Open warmly.</Notes>

<Trend />

Text <Notes>
  Point at the Q2 dip.
</Notes>

<Themes limit={3} />
<Notes slide="close">Thank the team.</Notes>
<Notes>Read one comment aloud.</Notes>`;
    const n = notesBySlide(mdx);
    expect(Object.fromEntries(n)).toEqual({
      headline: ['Open warmly.'],
      trend: ['Point at the Q2 dip.'],
      close: ['Thank the team.'],
      asks: ['Read one comment aloud.'],
    });
  });
});
