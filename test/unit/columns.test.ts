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

  it('knows common survey-tool headers, and among several takes the preferred one and says so', () => {
    const m = matchHeader('f.csv', ['ResponseId', 'NPS', 'Comments', 'RecordedDate'], spec, {}, 'columns.responses');
    expect(m.columns.map((c) => c.canonical)).toEqual(['response_id', 'score', 'comment', 'submitted_at']);
    // Qualtrics writes StartDate, EndDate and RecordedDate: the recorded date is when the answer was submitted.
    const qualtrics = matchHeader('f.csv', ['StartDate', 'EndDate', 'ResponseId', 'RecordedDate', 'Q1'], spec, { score: 'Q1' }, 'columns.responses');
    expect(qualtrics.index.get('submitted_at')).toBe(3);
    expect(qualtrics.notices.map((n) => n.message)).toEqual([expect.stringMatching(/"submitted_at" is read from "RecordedDate", not "EndDate"/)]);
    const two = matchHeader('f.csv', ['response_id', 'score', 'Feedback', 'Comments'], spec, {}, 'columns.responses');
    expect(two.index.get('comment')).toBe(3);
    // Two headers that read the same cannot be told apart.
    const same = matchHeader('f.csv', ['response_id', 'score', 'Comments', 'comments '], spec, {}, 'columns.responses');
    expect(same.problems.map((p) => p.message)).toEqual([expect.stringMatching(/2 columns could be "comment"/)]);
  });

  it('refuses a mapping to a header the file does not have, naming the headers it has', () => {
    const m = matchHeader('f.csv', ['response_id', 'Score', 'Tags'], spec, { score: 'How likely…' }, 'columns.responses');
    expect(m.problems).toHaveLength(1);
    expect(m.problems[0]!.message).toMatch(/columns\.responses\.score is "How likely…", but the file has no such column \(its header reads "response_id", "Score", "Tags"\)/);
    // It never falls back to the column named like the canonical one.
    expect(m.index.has('score')).toBe(false);
  });

  it('leaves a column mapped to false unread', () => {
    const m = matchHeader('f.csv', ['response_id', 'score', 'Tags'], { required: ['response_id', 'score'], optional: ['themes'] }, { themes: false }, 'columns.responses');
    expect(m.problems).toEqual([]);
    expect(m.index.has('themes')).toBe(false);
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
