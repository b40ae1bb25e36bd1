/**
 * Representative verbatims are distinct across themes: a comment tagged with two themes
 * represents only one of them, the next best comment standing in for later themes, and a
 * confidential contact's comment never represents any.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distinctVerbatims } from '../../src/pipeline/analysis/theme-figures.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import { tempProgram } from '../helpers/temp-program.ts';

const texts = (chosen: { text: string }[][]) => chosen.map((list) => list.map((c) => c.text));
const c = (text: string) => ({ text });

describe('distinctVerbatims', () => {
  it('gives a shared comment to the earlier theme, and the later one its next best', () => {
    const chosen = distinctVerbatims(
      [
        [c('x'), c('a1'), c('a2')],
        [c('x'), c('b1')],
        [c('b1'), c('x'), c('c1')],
      ],
      2,
    );
    // Round one: A takes x, B (x taken) takes b1, C (b1, x taken) takes c1. Round two: A takes a1; B and C have none left.
    expect(texts(chosen)).toEqual([['x', 'a1'], ['b1'], ['c1']]);
  });

  it('treats words differing only in case and spacing as the same comment, within a theme too', () => {
    const chosen = distinctVerbatims(
      [
        [c('Too slow'), c(' too  SLOW '), c('Reports break')],
        [c('too slow'), c('Exports fail')],
      ],
      3,
    );
    expect(texts(chosen)).toEqual([['Too slow', 'Reports break'], ['Exports fail']]);
  });

  it('never repeats a comment across themes, takes only a theme’s own candidates, and runs short only when all of them are taken', () => {
    const comment = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'A', ' a ');
    fc.assert(
      fc.property(fc.array(fc.array(comment, { maxLength: 8 }), { maxLength: 6 }), fc.integer({ min: 1, max: 4 }), (lists, perTheme) => {
        const candidates = lists.map((l) => l.map(c));
        const chosen = distinctVerbatims(candidates, perTheme);
        const key = (t: string) => t.trim().toLowerCase();
        const all = chosen.flat().map((x) => key(x.text));
        expect(new Set(all).size).toBe(all.length);
        chosen.forEach((list, i) => {
          expect(list.length).toBeLessThanOrEqual(perTheme);
          for (const x of list) expect(candidates[i]).toContain(x);
          if (list.length < perTheme) for (const x of candidates[i]!) expect(all).toContain(key(x.text));
        });
        // The same input, the same choice.
        expect(distinctVerbatims(candidates, perTheme)).toEqual(chosen);
      }),
    );
  });
});

describe('a wave’s themes', () => {
  it('show no comment twice, whatever the comments and their themes', async () => {
    const phrase = ['reports are slow', 'pricing is high', 'support is late', 'reports and pricing both hurt', 'support and reports need work'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ phrase: fc.integer({ min: 0, max: phrase.length - 1 }), score: fc.integer({ min: 0, max: 10 }), confidential: fc.boolean() }), {
          minLength: 1,
          maxLength: 30,
        }),
        async (answers) => {
          const rows = answers.map(
            (a, i) => `r${i},${a.score},C${i},${a.confidential ? 'yes' : 'no'},"Honestly, ${phrase[a.phrase]}${a.confidential ? ' (secret)' : ''}, every week."`,
          );
          const { model } = await runPipeline({
            dataDir: tempProgram({
              'program.yml': 'min_group_size: 1\nmin_comment_group_size: 1\nthemes:\n  Reporting: [report*]\n  Pricing: [pricing]\n  Support: [support]\n',
              'contacts.csv': `contact_id,name\n${answers.map((_, i) => `C${i},Person ${i}`).join('\n')}\n`,
              'responses/w1.csv': `response_id,score,contact_id,confidential,comment\n${rows.join('\n')}\n`,
            }),
          });
          const shown = model.waves[0]!.themes.themes.flatMap((t) => t.verbatims.map((v) => v.text));
          expect(new Set(shown).size).toBe(shown.length);
          expect(shown.join('\n')).not.toContain('secret');
        },
      ),
      { numRuns: 15 },
    );
  });

  it('give a comment tagged with two themes to the theme most asked about, and the next comment to the other', async () => {
    const { model } = await runPipeline({
      dataDir: tempProgram({
        'program.yml': 'min_group_size: 1\nmin_comment_group_size: 1\nthemes:\n  Reporting: [report*]\n  Pricing: [pricing]\n',
        'responses/w1.csv': [
          'response_id,score,comment',
          'r1,2,"Reports are slow and the pricing is far too high."',
          'r2,3,"Every report takes an age to build for us."',
          'r3,4,"Building a report takes the whole morning."',
          'r4,5,"The pricing per seat stops us rolling it out."',
        ].join('\n'),
      }),
    });
    const [first, second] = model.waves[0]!.themes.themes;
    expect(first!.theme).toBe('Reporting');
    expect(first!.verbatims.map((v) => v.text)).toContain('Reports are slow and the pricing is far too high.');
    expect(second!.verbatims.map((v) => v.text)).toEqual(['The pricing per seat stops us rolling it out.']);
  });
});
