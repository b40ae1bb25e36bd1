/**
 * Reading exports as survey tools write them: ids that restart per export or are missing, the
 * rows a CX team does not count, tags separated by commas, dates in every form, consent in
 * European languages, and waves that lose (nearly) all of their rows.
 */
import { describe, expect, it } from 'vitest';
import { ingestProgram } from '../../src/pipeline/ingest/ingest-program.ts';
import { StructuralError, type RowIssue } from '../../src/pipeline/ingest/report.ts';
import type { IngestedResponse } from '../../src/pipeline/ingest/entities.ts';
import { tempProgram } from '../helpers/temp-program.ts';

async function ingest(files: Record<string, string>) {
  const responses: IngestedResponse[] = [];
  const rejected: RowIssue[] = [];
  const result = await ingestProgram({ dataDir: tempProgram(files), onResponse: (r) => responses.push(r), onRejected: (i) => rejected.push(...i) });
  return {
    result,
    responses,
    rejected,
    notices: result.report.notices.map((n) => `${n.file}: ${n.message}`),
    file: (name: string) => result.report.files.find((f) => f.file === name)!,
  };
}

async function structural(files: Record<string, string>) {
  const err = await ingestProgram({ dataDir: tempProgram(files), onResponse: () => {} }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StructuralError);
  return (err as StructuralError).issues;
}

describe('response ids', () => {
  const twoExports = { 'responses/2026-01.csv': 'ID,score\n1,9\n2,3\n3,8\n', 'responses/2026-02.csv': 'ID,score\n1,10\n2,10\n' };

  it('fails a wave whose ids all repeat an earlier export, and says which setting fixes it', async () => {
    const issues = await structural({ ...twoExports, 'program.yml': 'columns:\n  responses:\n    response_id: ID\n' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'responses/2026-02.csv' });
    expect(issues[0]!.message).toMatch(/^2 of its 2 rows were rejected, most \(2\) for this: .*already used/);
    expect(issues[0]!.fix).toMatch(/responses\.ids: per_wave/);
  });

  it('keys ids by wave under responses.ids: per_wave', async () => {
    const { responses } = await ingest({ ...twoExports, 'program.yml': 'responses:\n  ids: per_wave\ncolumns:\n  responses:\n    response_id: ID\n' });
    expect(responses.map((r) => r.responseId)).toEqual(['2026-01/1', '2026-01/2', '2026-01/3', '2026-02/1', '2026-02/2']);
  });

  it('still rejects an id repeated within one export under per_wave', async () => {
    const { rejected } = await ingest({ 'responses/w1.csv': 'response_id,score\n1,9\n2,8\n2,7\n', 'program.yml': 'responses:\n  ids: per_wave\n' });
    expect(rejected.map((i) => [i.row, i.code])).toEqual([[4, 'response_id.duplicate']]);
  });

  it('numbers the rows of an export without ids under responses.ids: row_number', async () => {
    const files = { 'responses/w1.csv': 'Timestamp,How likely are you to recommend us?\n8/20/2025 14:03:11,9\n8/21/2025 09:00:00,6\n' };
    const missing = await structural(files);
    expect(missing[0]!.message).toMatch(/required column "response_id" is missing/);
    expect(missing[0]!.fix).toMatch(/responses\.ids: row_number/);
    const { responses } = await ingest({ ...files, 'program.yml': 'responses:\n  ids: row_number\ncolumns:\n  responses:\n    score: How likely are you to recommend us?\n' });
    expect(responses.map((r) => [r.responseId, r.score, r.submittedAt])).toEqual([
      ['w1/2', 9, '2025-08-20'],
      ['w1/3', 6, '2025-08-21'],
    ]);
  });
});

describe('rows a CX team does not count', () => {
  const qualtrics =
    'ResponseId,Status,Finished,score\nR_1,IP Address,True,9\nR_2,Survey Preview,True,0\nR_3,IP Address,False,2\nR_4,Spam,True,1\nR_5,IP Address,1,7\nR_6,IP Address,0,3\n';

  it('skips survey previews, spam and unfinished responses by default, and counts them as skipped', async () => {
    const { responses, file, notices } = await ingest({ 'responses/w1.csv': qualtrics });
    expect(responses.map((r) => r.responseId)).toEqual(['R_1', 'R_5']);
    expect(file('responses/w1.csv')).toMatchObject({ rows: 6, used: 2, skipped: 4, rejected: 0 });
    expect(notices).toContain('responses/w1.csv: 2 rows skipped as survey previews, tests or spam (column "Status"; responses.skip in program.yml)');
    expect(notices).toContain('responses/w1.csv: 2 rows skipped as unfinished responses (column "Finished"; responses.skip in program.yml)');
  });

  it('counts every row with responses.skip: [], and follows rules of its own', async () => {
    expect((await ingest({ 'responses/w1.csv': qualtrics, 'program.yml': 'responses:\n  skip: []\n' })).responses).toHaveLength(6);
    const own = await ingest({
      'responses/w1.csv': 'response_id,score,Source\nr1,9,web\nr2,9,Internal test\nr3,5,email\n',
      'program.yml': 'responses:\n  skip:\n    - { column: source, values: [internal test], reason: internal tests }\n',
    });
    expect(own.responses.map((r) => r.responseId)).toEqual(['r1', 'r3']);
    expect(own.notices).toContain('responses/w1.csv: 1 row skipped as internal tests (column "Source"; responses.skip in program.yml)');
  });

  it("skips SurveyMonkey's second header row", async () => {
    const { responses, file } = await ingest({
      'responses/w1.csv': 'Respondent ID,Collector ID,How likely are you to recommend us?,Why?\n,,Response,Open-Ended Response\n114,44,9,Great\n',
      'program.yml': 'columns:\n  responses:\n    response_id: Respondent ID\n    score: How likely are you to recommend us?\n',
    });
    expect(responses.map((r) => [r.responseId, r.score])).toEqual([['114', 9]]);
    expect(file('responses/w1.csv')).toMatchObject({ rows: 2, used: 1, skipped: 1 });
  });

  it('fails a wave that is all previews rather than building a wave of nothing', async () => {
    const issues = await structural({ 'responses/w1.csv': 'ResponseId,Status,score\nR_1,Survey Preview,9\nR_2,Survey Test,5\n' });
    expect(issues[0]!.message).toMatch(/none of its 2 rows is an answer to count/);
  });
});

describe('tags', () => {
  it('splits on the separator responses.tags_separator names', async () => {
    const files = { 'responses/w1.csv': 'response_id,score,Tags\nr1,9,"support,mobile app"\nr2,3,"pricing, support"\n' };
    expect((await ingest(files)).responses.map((r) => r.themes)).toEqual([['support,mobile app'], ['pricing, support']]);
    const split = await ingest({ ...files, 'program.yml': 'responses:\n  tags_separator: ","\n' });
    expect(split.responses.map((r) => r.themes)).toEqual([
      ['support', 'mobile app'],
      ['pricing', 'support'],
    ]);
  });

  it('ignores the tags column when columns.responses.themes is false', async () => {
    const { responses } = await ingest({ 'responses/w1.csv': 'response_id,score,Tags\nr1,9,support\n', 'program.yml': 'columns:\n  responses:\n    themes: false\n' });
    expect(responses[0]!.themes).toEqual([]);
  });
});

describe('dates as exports write them', () => {
  it('settles month first from a day over 12, and reads two-digit years', async () => {
    const { responses, notices } = await ingest({ 'responses/w1.csv': 'response_id,score,submitted_at\nr1,9,8/4/25 10:00\nr2,9,8/20/25 14:03:11\n' });
    expect(responses.map((r) => r.submittedAt)).toEqual(['2025-08-04', '2025-08-20']);
    expect(notices.some((n) => /dates read month first/.test(n))).toBe(true);
  });

  it('settles day first from a day over 12', async () => {
    const { responses } = await ingest({
      'responses/w1.csv': 'response_id;score;Datum\nr1;9;04.08.2025\nr2;9;20.08.2025\n',
      'program.yml': 'columns:\n  responses:\n    submitted_at: Datum\n',
    });
    expect(responses.map((r) => r.submittedAt)).toEqual(['2025-08-04', '2025-08-20']);
  });

  it('stops on dates that could be read either way, unless csv.date_format says', async () => {
    const files = { 'responses/w1.csv': 'response_id,score,submitted_at\nr1,9,03/04/2026\n' };
    expect((await structural(files))[0]!.fix).toMatch(/csv\.date_format/);
    expect((await ingest({ ...files, 'program.yml': 'csv:\n  date_format: dmy\n' })).responses[0]!.submittedAt).toBe('2026-04-03');
  });

  it('reads Excel serial numbers and Unix seconds and milliseconds', async () => {
    const { responses } = await ingest({ 'responses/w1.csv': 'response_id,score,responded\nr1,9,46082\nr2,9,1724162591\nr3,9,1724162591123\n' });
    // 46082 days after 1899-12-30 is 2026-03-01; 1724162591 s after 1970 is 2024-08-20T14:03:11Z.
    expect(responses.map((r) => r.submittedAt)).toEqual(['2026-03-01', '2024-08-20', '2024-08-20']);
  });

  it('keeps a response whose optional date cannot be read, undated, and counts it', async () => {
    const { responses, rejected, notices } = await ingest({ 'responses/w1.csv': 'response_id,score,submitted_at\nr1,9,not recorded\nr2,9,2026-02-30\nr3,5,2026-02-03\n' });
    expect(rejected).toEqual([]);
    expect(responses.map((r) => r.submittedAt)).toEqual([undefined, undefined, '2026-02-03']);
    expect(notices).toContain('responses/w1.csv: 2 responses have a submitted date that is not a date (e.g. "not recorded"): kept, without a date');
  });
});

describe('consent', () => {
  it('reads yes and no in the main European languages, and fails safe on anything else', async () => {
    const { responses } = await ingest({
      'responses/w1.csv': 'response_id,score,confidential\nr1,9,Ja\nr2,9,Nein\nr3,9,Oui\nr4,9,non\nr5,9,Sí\nr6,9,nee\nr7,9,"Yes, No"\nr8,9,"No, you may name me"\nr9,9,anonymous\n',
    });
    expect(responses.map((r) => [r.responseId, r.confidential])).toEqual([
      ['r1', true],
      ['r2', false],
      ['r3', true],
      ['r4', false],
      ['r5', true],
      ['r6', false],
      ['r7', true], // contradictory: confidential
      ['r8', false],
      ['r9', true],
    ]);
  });

  it('under confidential_inverted, reads yes as named and blank, no or unclear as confidential', async () => {
    const { responses } = await ingest({
      'responses/w1.csv': 'response_id,score,Darf Ihr Name weitergegeben werden?\nr1,9,Ja\nr2,9,Nein\nr3,9,\nr4,9,vielleicht\nr5,9,Anonym\n',
      'program.yml': 'columns:\n  responses:\n    confidential: Darf Ihr Name weitergegeben werden?\ncsv:\n  confidential_inverted: true\n',
    });
    expect(responses.map((r) => r.confidential)).toEqual([false, true, true, true, true]);
  });
});
