/**
 * What a briefing's MDX narrative shows, read once (src/pipeline/content/narrative.ts): the
 * stories it quotes, the cards it places, the figures it states and the sections it draws, and
 * `npm run check`'s warning when it quotes a story twice.
 */
import { describe, expect, it } from 'vitest';
import { emptyNarrative, readNarrative, repeatedQuotes } from '../../src/pipeline/content/narrative.ts';
import { repeatedQuoteWarnings } from '../../src/pipeline/content/check-content.ts';
import { contentWarnings, formatContentWarning } from '../../src/pipeline/content/check-references.ts';
import type { SiteModel } from '../../src/pipeline/model/types.ts';
import { tempProgram } from '../helpers/temp-program.ts';

describe('readNarrative', () => {
  it('lists the quotes, cards, figures and sections a narrative shows, in order', () => {
    const n = readNarrative(
      [
        '## Where we stand',
        '',
        '<Nps />',
        '',
        'Our score is <Value of="nps" />, <Change />; <Value of="revenueAtRisk" /> is at risk.',
        '',
        '<Quote story="b-story" />',
        '<Metric name="tickets" />',
        '<Metric name="arr" />',
        '<Metric name="tickets" />',
        '<Trend metrics={["tickets"]} />',
        '<Segments dimension="region" />',
        '<Segments dimension="plan" />',
        '<Themes limit={3} />',
        '<Quote story="a-story" />',
        '<Initiatives />',
      ].join('\n'),
    );
    expect(n.readable).toBe(true);
    expect(n.quotes.map((q) => q.story)).toEqual(['b-story', 'a-story']);
    expect(n.quotes.map((q) => q.line)).toEqual([7, 15]);
    expect(n.cards).toEqual({ nps: true, metrics: ['tickets', 'arr'], finance: false });
    expect(n.figures.sort()).toEqual(['change', 'n', 'nps', 'revenueAtRisk']);
    expect(n.sections).toEqual({ trend: true, themes: true, benchmarks: false, drivers: false, cohorts: false, initiatives: true, followUp: false, segments: ['region', 'plan'] });
  });

  it('counts what a card shows: <Finance /> states revenue at risk and potential growth', () => {
    const n = readNarrative('<Finance />\n\n<Benchmarks />\n\n<Cohorts />\n\n<FollowUp />\n\n<Drivers />\n');
    expect(n.cards.finance).toBe(true);
    expect(n.figures.sort()).toEqual(['potentialGrowth', 'revenueAtRisk']);
    expect(n.sections).toMatchObject({ benchmarks: true, cohorts: true, followUp: true, drivers: true, trend: false });
  });

  it('does not count what never reaches the page: speaker notes, code, comments, another wave, a component of the file’s own', () => {
    const n = readNarrative(
      [
        'import Trend from "./my-trend.astro";',
        '',
        '<Notes>',
        'Say <Value of="potentialGrowth" /> aloud. <Quote story="in-notes" />',
        '</Notes>',
        '',
        '```mdx',
        '<Quote story="in-code" />',
        '```',
        '',
        'A comment {/* <Nps /> */} and `<Finance />` in code.',
        '',
        '<Nps wave={previous} />',
        '',
        '<Trend />',
      ].join('\n'),
    );
    expect(n).toEqual(emptyNarrative());
  });

  it('reads a name written as a string literal, and skips one it cannot know before the build', () => {
    const n = readNarrative('<Quote story={"a-story"} />\n\n<Quote story={pick()} />\n\n<Value of={\'n\'} />\n\n<Value of="not-a-figure" />\n');
    expect(n.quotes.map((q) => q.story)).toEqual(['a-story']);
    expect(n.figures).toEqual(['n']);
  });

  it('counts lines in the text it is given, frontmatter included', () => {
    const n = readNarrative('---\ntitle: T\nstory: s\n---\n\nText.\n\n<Quote story="s" />\n');
    expect(n.quotes).toEqual([{ story: 's', line: 8 }]);
  });

  it('knows nothing of MDX it cannot parse', () => {
    const n = readNarrative('<Quote story="a" \n\nunclosed {');
    expect(n.readable).toBe(false);
    expect(n.quotes).toEqual([]);
  });

  it('finds each story quoted more than once, with the lines of its repeats', () => {
    const n = readNarrative('<Quote story="a" />\n\n<Quote story="b" />\n\n<Quote story="a" />\n\nText <Quote story="a" />\n');
    expect(repeatedQuotes(n)).toEqual([{ story: 'a', first: 1, repeats: [5, 7] }]);
    expect(repeatedQuotes(readNarrative('<Quote story="a" />\n\n<Quote story="b" />\n'))).toEqual([]);
  });
});

describe('a story quoted twice', () => {
  it('is a warning at the repeat’s line, naming the story and its first line', () => {
    const text = '---\ntitle: T\n---\n\n<Quote story="acme-praise" />\n\nMore.\n\n<Quote story="acme-praise" />\n';
    const [w, ...rest] = repeatedQuoteWarnings('content/briefings/w1.mdx', text);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ id: 'repeated-quote', file: 'content/briefings/w1.mdx', line: 9 });
    expect(formatContentWarning(w!)).toMatch(
      /^content\/briefings\/w1\.mdx:9: <Quote story="acme-praise"> quotes a story the narrative already quoted on line 5\. Fix: .+ \[repeated-quote\]$/,
    );
  });

  it('is reported by npm run check’s content warnings for a briefing, and only there', async () => {
    const story = '---\ntitle: A story\nquote: Great.\ncustomer: Acme\n---\n';
    const twice = '---\ntitle: T\n---\n\n<Quote story="s" />\n\n<Quote story="s" />\n';
    const content = tempProgram({ 'stories/s.md': story, 'briefings/w1.mdx': twice, 'briefings/w2.mdx': '---\ntitle: T\n---\n\n<Quote story="s" />\n' });
    const model = { waves: ['w1', 'w2'].map((id) => ({ id, label: id, change: null, segments: [], metrics: [], attributes: [] })) } as unknown as SiteModel;
    const warnings = await contentWarnings(model, content);
    expect(warnings.map((w) => `${w.id} ${w.file}:${w.line}`)).toEqual(['repeated-quote content/briefings/w1.mdx:7']);
  });
});
