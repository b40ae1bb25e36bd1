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

  it('takes at most five plans with a priority, in priority order, and reads their progress', () => {
    const plans = [7, 3, undefined, 1, 5, 2, 4].map((priority, i) => plan(`p${i}`, priority === undefined ? {} : { priority }));
    expect(topInitiatives(plans).map((p) => p.data.priority)).toEqual([1, 2, 3, 4, 5]);
    expect(progressOf(plan('x', { progress: 40 }))).toBe(0.4);
    expect(progressOf(plan('x', { status: 'done' }))).toBe(1);
    expect(progressOf(plan('x', { tasks: [{ done: true }, { done: false }, { done: false }, { done: true }] as unknown as ActionEntry['data']['tasks'] }))).toBe(0.5);
    expect(progressOf(plan('x', {}))).toBeNull();
  });
});
