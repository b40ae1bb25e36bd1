import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextArena } from '../../src/pipeline/util/text-arena.ts';
import { AnswerStore, type NewAnswer } from '../../src/pipeline/analysis/answer-store.ts';

describe('TextArena', () => {
  it('gives back every text it keeps, whatever its characters, across chunk boundaries', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { maxLength: 400 }), (texts) => {
        const arena = new TextArena();
        const ids = texts.map((t) => arena.add(t));
        expect(ids).toEqual(texts.map((_, i) => i));
        expect(ids.map((i) => arena.get(i))).toEqual(texts);
      }),
      { numRuns: 40 },
    );
    // Texts larger than a chunk, and enough of them to fill several chunks.
    const arena = new TextArena();
    const big = '✓ long comment '.repeat(1_200_000);
    const texts = [big, 'short', big + '!', ...Array.from({ length: 1000 }, (_, i) => `note ${i} 🙂`)];
    const ids = texts.map((t) => arena.add(t));
    expect(ids.map((i) => arena.get(i))).toEqual(texts);
  });
});

const answer = (over: Partial<NewAnswer>): NewAnswer => ({
  responseId: 'r1',
  waveIndex: 0,
  score: 9,
  submittedAt: '2026-03-04',
  confidential: false,
  contactId: 'c1',
  accountId: 'a1',
  roleId: 'user',
  comment: 'Great support',
  themes: ['support'],
  cell: 3,
  ratingsAt: -1,
  person: true,
  ...over,
});

describe('AnswerStore', () => {
  it('gives back what each answer came in with', () => {
    const store = new AnswerStore();
    const a = store.add(answer({}));
    const b = store.add(
      answer({
        responseId: 'r2',
        waveIndex: 2,
        score: 3,
        submittedAt: undefined,
        contactId: undefined,
        accountId: undefined,
        roleId: undefined,
        comment: undefined,
        themes: [],
        cell: -1,
        person: false,
      }),
    );
    const c = store.add(answer({ responseId: 'r3', contactId: 'c1', themes: ['support'] }));
    expect([a, b, c]).toEqual([0, 1, 2]);
    expect([store.responseId(a), store.responseId(b)]).toEqual(['r1', 'r2']);
    expect(store.answer(a)).toEqual({ contactId: 'c1', roleId: 'user', score: 9, comment: 'Great support', submittedAt: '2026-03-04', confidential: false });
    expect(store.answer(b)).toEqual({ contactId: undefined, roleId: undefined, score: 3, comment: undefined, submittedAt: undefined, confidential: false });
    expect([store.wave.get(b), store.cell.get(a), store.cell.get(b), store.person.get(a), store.person.get(b)]).toEqual([2, 3, -1, 1, 0]);
    // One contact, one number; one list of themes, one array.
    expect(store.contactNumber(c)).toBe(store.contactNumber(a));
    expect(store.contactNumber(b)).toBe(-1);
    expect(store.themes(c)).toBe(store.themes(a));
    expect(store.themes(b)).toEqual([]);
  });

  it('keeps no comment of a confidential answer, and flags that it had one', () => {
    const store = new AnswerStore();
    const i = store.add(answer({ confidential: true, comment: 'Sarah in billing was rude' }));
    expect(store.comment(i)).toBeUndefined();
    expect(store.hasComment.get(i)).toBe(1);
    expect(store.answer(i).confidential).toBe(true);
  });

  it('finds the positions of the answers a follow-up log names, and only those', () => {
    const store = new AnswerStore();
    for (const id of ['r1', 'r2', 'é-3', 'r4']) store.add(answer({ responseId: id }));
    expect(store.positionsOf(new Set(['é-3', 'r1', 'not-an-answer']))).toEqual(
      new Map([
        ['r1', 0],
        ['é-3', 2],
      ]),
    );
    expect(store.positionsOf(new Set()).size).toBe(0);
  });
});
