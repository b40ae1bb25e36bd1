import { describe, expect, it } from 'vitest';
import { notesBySlide, slideNotes } from '../../src/site/lib/slides.ts';

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

  it('takes notes after a quote of the opening story to the story slide, and leaves notes after any other quote where they were', () => {
    const mdx = `<Quote story="opening" />
<Notes>Let the quote land.</Notes>
<Trend />
<Quote story="another" />
<Notes>Thank the team.</Notes>`;
    expect(Object.fromEntries(notesBySlide(mdx, 'opening'))).toEqual({ story: ['Let the quote land.'], trend: ['Thank the team.'] });
    expect(Object.fromEntries(notesBySlide(mdx, null))).toEqual({ headline: ['Let the quote land.'], trend: ['Thank the team.'] });
  });
});

describe('notes with figures', () => {
  it('words a component written inside a note, and drops the ones that say nothing', () => {
    const inline = (tag: string, attrs: Record<string, string>) => (tag === 'Value' ? `[${attrs['of']}]` : '');
    const notes = notesBySlide('<Notes><Value of="confidentialShare" /> asked for confidentiality<Foo/>; NPS <Value of=\'nps\'/>.</Notes>', null, inline);
    expect(notes.get('headline')).toEqual(['[confidentialShare] asked for confidentiality; NPS [nps].']);
  });
});

describe('slideNotes', () => {
  it("gives each slide the briefing's own notes when it has some, and its default note otherwise", () => {
    const slides = [
      { id: 'headline' as const, note: 'NPS is +15 from 806 answers.' },
      { id: 'trend' as const, note: 'Over 4 waves, NPS from +18 to +15.' },
      { id: 'close' as const, note: 'Every customer gets the letter.' },
    ];
    const written = notesBySlide('<Trend />\n<Notes>Point at the Q2 dip.</Notes>\n<Notes>Then at Q3.</Notes>\n<Notes slide="asks">Not a slide of this deck.</Notes>');
    expect(slideNotes(slides, written)).toEqual([['NPS is +15 from 806 answers.'], ['Point at the Q2 dip.', 'Then at Q3.'], ['Every customer gets the letter.']]);
    expect(slideNotes(slides, new Map())).toEqual(slides.map((s) => [s.note]));
  });
});
