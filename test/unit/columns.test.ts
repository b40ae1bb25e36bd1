import { describe, expect, it } from 'vitest';
import { matchHeader, canonicalKey } from '../../src/pipeline/ingest/columns.ts';

const spec = { required: ['response_id', 'score'], optional: ['comment', 'submitted_at'] };

describe('matchHeader', () => {
  it('reads headers that spell the canonical name differently', () => {
    expect(canonicalKey('  Response ID ')).toBe('response_id');
    const m = matchHeader('f.csv', ['Response-ID', 'SCORE'], spec, {}, 'columns.responses');
    expect(m.problems).toEqual([]);
    expect([...m.index]).toEqual([
      ['response_id', 0],
      ['score', 1],
    ]);
  });

  it('follows the mapping, case- and spacing-insensitively, with "…" as a prefix', () => {
    const headers = ['ID', 'How likely are you to recommend Acme to a friend or colleague?', 'Why?'];
    const m = matchHeader('f.csv', headers, spec, { response_id: 'id', score: 'How likely are you  to recommend…', comment: ['Reason', 'why?'] }, 'columns.responses');
    expect(m.problems).toEqual([]);
    expect(m.columns.map((c) => c.canonical)).toEqual(['response_id', 'score', 'comment']);
  });

  it('knows common survey-tool headers, but only when exactly one header fits', () => {
    const m = matchHeader('f.csv', ['ResponseId', 'NPS', 'Comments', 'RecordedDate'], spec, {}, 'columns.responses');
    expect(m.columns.map((c) => c.canonical)).toEqual(['response_id', 'score', 'comment', 'submitted_at']);
    const two = matchHeader('f.csv', ['response_id', 'score', 'Feedback', 'Comments'], spec, {}, 'columns.responses');
    expect(two.index.has('comment')).toBe(false);
  });

  it('reports a missing required column with the header it saw and the setting to fix it', () => {
    const m = matchHeader('f.csv', ['id', 'rating of us'], spec, {}, 'columns.responses');
    expect(m.problems.map((p) => p.column)).toEqual(['response_id', 'score']);
    expect(m.problems[1]!.message).toContain('"rating of us"');
    expect(m.problems[1]!.fix).toContain('columns.responses.score');
  });

  it('refuses two columns that could both be the score', () => {
    const m = matchHeader('f.csv', ['response_id', 'Score', 'score'], spec, {}, 'columns.responses');
    expect(m.problems).toHaveLength(1);
    expect(m.problems[0]!.message).toMatch(/2 columns could be "score"/);
  });
});
