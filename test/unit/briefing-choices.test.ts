/** What a briefing chooses to tell: worked on small hand-made programs and plans. */
import { describe, expect, it } from 'vitest';
import { openingStory, progressOf, significantSegments, topInitiatives, type ActionEntry, type StoryEntry } from '../../src/pipeline/content/briefing-choices.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import { tempProgram } from '../helpers/temp-program.ts';

const plan = (id: string, data: Partial<ActionEntry['data']>): ActionEntry => ({
  id,
  data: { status: 'in progress', tasks: [], answers: [], segments: [], ...data } as unknown as ActionEntry['data'],
});
const story = (id: string, wave?: string): StoryEntry => ({ id, data: { wave } as unknown as StoryEntry['data'] });

describe('briefing choices', () => {
  it('tells the segment values beyond noise, strongest first, and leaves out those within noise', async () => {
    // 40 answers each: A all promoters (+100), B all detractors (−100), C half and half (0, level with the rest's ~0).
    const rows = ['A', 'B', 'C'].flatMap((v) => Array.from({ length: 40 }, (_, i) => `${v}${i},${v === 'A' ? 10 : v === 'B' ? 0 : i % 2 ? 10 : 0},${v}`));
    const { model } = await runPipeline({
      dataDir: tempProgram({ 'program.yml': 'segments:\n  - id: team\n', 'responses/w1.csv': `response_id,score,team\n${rows.join('\n')}\n` }),
    });
    const w = model.waves[0]!;
    expect(significantSegments(w, 'higher').map((f) => [f.value, f.nps, f.n])).toEqual([['A', 100, 40]]);
    expect(significantSegments(w, 'lower').map((f) => [f.value, f.nps])).toEqual([['B', -100]]);
  });

  it('opens with the named story, else the first of the wave by id, else none', () => {
    const stories = [story('b-story', 'w1'), story('a-story', 'w1'), story('c-story', 'w2')];
    const wave = { id: 'w1' } as Parameters<typeof openingStory>[1];
    expect(openingStory(stories, wave)?.id).toBe('a-story');
    expect(openingStory(stories, wave, 'c-story')?.id).toBe('c-story');
    expect(openingStory(stories, wave, 'missing')).toBeNull();
    expect(openingStory(stories, { id: 'w3' } as typeof wave)).toBeNull();
  });

  it('never opens with a story the narrative quotes: the named one gives way to the best other story of the wave', () => {
    const told = (id: string, data: Partial<StoryEntry['data']>): StoryEntry => ({ id, data: { wave: 'w1', ...data } as unknown as StoryEntry['data'] });
    const stories = [
      told('named', { score: 10 }),
      told('a-plain', {}),
      told('b-critic', { score: 3 }),
      told('c-video', { score: 10, video: 'https://v.example/c' }),
      told('d-other-wave', { wave: 'w2' }),
    ];
    const rise = { id: 'w1', change: { delta: 9, significant: true } } as Parameters<typeof openingStory>[1];
    const fall = { id: 'w1', change: { delta: -9, significant: true } } as typeof rise;
    const level = { id: 'w1', change: { delta: -2, significant: false } } as typeof rise;
    // Not quoted: the named story opens, whatever else the wave has.
    expect(openingStory(stories, rise, 'named', ['a-plain'])?.id).toBe('named');
    // Quoted: a video first, then a story agreeing with the change, then by id.
    expect(openingStory(stories, rise, 'named', ['named'])?.id).toBe('c-video');
    expect(openingStory(stories, rise, 'named', ['named', 'c-video'])?.id).toBe('a-plain');
    expect(openingStory(stories, fall, 'named', ['named', 'c-video'])?.id).toBe('b-critic');
    expect(openingStory(stories, level, 'named', ['named', 'c-video'])?.id).toBe('a-plain');
    // Without a name, the same ranking, and quoted stories never open.
    expect(openingStory(stories, fall, undefined, new Set(['c-video', 'b-critic']))?.id).toBe('a-plain');
    // Every story of the wave quoted: none opens (another wave's never does); a missing name stays none.
    expect(openingStory(stories, rise, 'named', ['named', 'a-plain', 'b-critic', 'c-video'])).toBeNull();
    expect(openingStory(stories, rise, 'missing', ['named'])).toBeNull();
  });

  it('takes at most five plans with a priority, in priority order, and reads their progress', () => {
    const plans = [7, 3, undefined, 1, 5, 2, 4].map((priority, i) => plan(`p${i}`, priority === undefined ? {} : { priority }));
    expect(topInitiatives(plans, null).map((p) => p.data.priority)).toEqual([1, 2, 3, 4, 5]);
    expect(progressOf(plan('x', { progress: 40 }), null)).toBe(0.4);
    expect(progressOf(plan('x', { status: 'done' }), null)).toBe(1);
    expect(progressOf(plan('x', { tasks: [{ done: true }, { done: false }, { done: false }, { done: true }] as unknown as ActionEntry['data']['tasks'] }), null)).toBe(0.5);
    expect(progressOf(plan('x', {}), null)).toBeNull();
  });
});
