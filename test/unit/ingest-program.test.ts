import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingestProgram } from '../../src/pipeline/ingest/ingest-program.ts';
import { StructuralError, formatRowIssue, type RowIssue } from '../../src/pipeline/ingest/report.ts';
import type { IngestedResponse } from '../../src/pipeline/ingest/entities.ts';
import { tempProgram } from '../helpers/temp-program.ts';

async function ingest(files: Record<string, string>) {
  const responses: IngestedResponse[] = [];
  const rejected: RowIssue[] = [];
  const result = await ingestProgram({ dataDir: tempProgram(files), onResponse: (r) => responses.push(r), onRejected: (i) => rejected.push(...i) });
  return { result, responses, rejected, file: (name: string) => result.report.files.find((f) => f.file === name)! };
}

async function structural(files: Record<string, string>) {
  const err = await ingestProgram({ dataDir: tempProgram(files), onResponse: () => {} }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StructuralError);
  return (err as StructuralError).issues;
}

describe('ingestProgram', () => {
  it('builds from nothing but one responses file', async () => {
    const { result, responses } = await ingest({ 'responses/2026-Q1.csv': 'response_id,score\nr1,10\nr2,0\n' });
    expect(result.waves.map((w) => w.id)).toEqual(['2026-Q1']);
    expect(responses.map((r) => r.score)).toEqual([10, 0]);
    expect(result.report.totals).toEqual({ rows: 2, used: 2, rejected: 0, skipped: 0 });
  });

  it('reads a survey tool export through a column mapping', async () => {
    const { responses, file } = await ingest({
      'program.yml':
        'columns:\n  responses:\n    response_id: "Response ID"\n    score: "How likely are you to recommend…"\n    comment: Comments\n    confidential: "May we share your name?"\ncsv:\n  confidential_inverted: true\n',
      'responses/w1.csv':
        '\uFEFF Response ID ;How likely are you to recommend Acme to a colleague?;Comments;May we share your name?;Browser\r\n' +
        'a;9;"Great; really";Yes;Firefox\r\nb;4;;No;Chrome\r\n',
    });
    expect(responses.map((r) => [r.responseId, r.score, r.comment, r.confidential])).toEqual([
      ['a', 9, 'Great; really', false],
      ['b', 4, undefined, true],
    ]);
    expect(file('responses/w1.csv').columns.map((c) => c.canonical)).toEqual(['response_id', 'score', 'comment', 'confidential', null]);
  });

  it('skips Qualtrics question-text and import-id rows', async () => {
    const { responses, file, result } = await ingest({
      'responses/w1.csv': 'ResponseId,Q1_NPS\nResponse ID,How likely...?\n"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}"\nR_1,8\n',
      'program.yml': 'columns:\n  responses:\n    score: Q1_NPS\n',
    });
    expect(responses.map((r) => r.responseId)).toEqual(['R_1']);
    expect(file('responses/w1.csv')).toMatchObject({ rows: 3, used: 1, skipped: 2, rejected: 0 });
    expect(result.report.notices.some((n) => /question text/.test(n.message))).toBe(true);
  });

  it('rejects bad rows with file, row, column, value and fix, all at once', async () => {
    const { rejected, file } = await ingest({
      'responses/w1.csv': 'response_id,score,submitted_at,confidential\nr1,11,2026-01-05,no\nr2,,2026-01-05,no\nr3,5,2026-02-30,no\nr6,7,,no\nr4,8,,maybe\nr5,9\nr6,8,,no\n',
    });
    // r4's unreadable confidentiality answer does not reject it: it counts as confidential (see below);
    // nor does r3's impossible date: the date is optional, so r3 is kept undated
    expect(file('responses/w1.csv')).toMatchObject({ rows: 7, used: 3, rejected: 4 });
    const byRow = Object.fromEntries(rejected.map((i) => [i.row, i]));
    expect(byRow[2]).toMatchObject({ column: 'score', value: '11', code: 'score.invalid' });
    expect(byRow[3]).toMatchObject({ column: 'score', code: 'score.invalid' });
    expect(byRow[4]).toBeUndefined();
    expect(byRow[6]).toBeUndefined();
    expect(byRow[7]).toMatchObject({ code: 'row.fields' });
    expect(byRow[8]).toMatchObject({ code: 'response_id.duplicate', column: 'response_id' });
    expect(byRow[8]!.value).toBeUndefined();
    expect(byRow[8]!.message).toMatch(/row 5/);
    for (const i of rejected) expect(formatRowIssue(i)).toMatch(/^responses\/w1\.csv, row \d+.*Fix: .+/);
  });

  it('never echoes identity values (ids) in messages, only the row and column', async () => {
    const { rejected } = await ingest({
      'accounts.csv': 'account_id,name\nA1,Acme\n',
      'contacts.csv': 'contact_id,account_id,name,email\nC1,A1,Jane Roe,jane@acme.example\n',
      'responses/w1.csv': 'response_id,score,contact_id,confidential\nsecret-1,11,C1,yes\nsecret-2,5,C404,yes\nopen-3,5,C404,no\nsecret-4,5,C1,perhaps\nok-5,9,,no\n',
    });
    expect(JSON.stringify(rejected)).not.toMatch(/secret-|C1|C404/);
    expect(rejected.find((i) => i.row === 2)).toMatchObject({ column: 'score', value: '11' });
    expect(rejected.find((i) => i.row === 4)).toMatchObject({ column: 'contact_id', code: 'contact_id.unknown' });
    expect(rejected.find((i) => i.row === 5)).toBeUndefined();
  });

  it('reads a blank or unreadable confidentiality answer as confidential, never as consent, and counts them', async () => {
    const { responses, result } = await ingest({
      'responses/w1.csv': 'response_id,score,confidential\nr1,9,no\nr2,9,\nr3,9,maybe\nr4,9,yes\nr5,9,  \n',
      // no confidentiality question at all: nobody chose it
      'responses/w2.csv': 'response_id,score\nt1,9\n',
    });
    expect(responses.map((r) => [r.responseId, r.confidential])).toEqual([
      ['r1', false],
      ['r2', true],
      ['r3', true],
      ['r4', true],
      ['r5', true],
      ['t1', false],
    ]);
    const notices = result.report.notices.filter((n) => /confidentiality question/.test(n.message));
    expect(notices.map((n) => n.file)).toEqual(['responses/w1.csv']);
    expect(notices[0]!.message).toMatch(/^3 answers to the confidentiality question were blank or unreadable: counted as confidential/);
  });

  it('reads a blank "may we share your name?" as no', async () => {
    const { responses } = await ingest({
      'responses/w1.csv': 'response_id,score,may_we_name_you\ns1,9,yes\ns2,9,\ns3,9,no\n',
      'program.yml': 'columns:\n  responses:\n    confidential: may_we_name_you\ncsv:\n  confidential_inverted: true\n',
    });
    expect(responses.map((r) => [r.responseId, r.confidential])).toEqual([
      ['s1', false],
      ['s2', true],
      ['s3', true],
    ]);
  });

  it('never echoes contacts.csv identities (the contact may be a confidential respondent)', async () => {
    const { rejected } = await ingest({
      'contacts.csv': 'contact_id,name,email\nC1,Jane Roe,jane@@acme\n',
      'responses/w1.csv': 'response_id,score\nr1,9\n',
    });
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ column: 'email', code: 'email.invalid' });
    expect(rejected[0]!.value).toBeUndefined();
  });

  it('checks responses against accounts and contacts', async () => {
    const { responses, rejected } = await ingest({
      'accounts.csv': 'account_id,name,region\nA1,Acme,EMEA\nA2,Globex,APAC\n',
      'contacts.csv': 'contact_id,account_id,role\nC1,A1,Decision Maker\nC2,A2,end-user\n',
      'program.yml': 'segments:\n  - id: region\n',
      'responses/w1.csv': 'response_id,score,contact_id,account_id\nr1,9,C1,\nr2,9,C1,A2\nr3,9,,A9\nr4,3,C2,A2\nr5,6,,\n',
    });
    expect(responses.map((r) => [r.responseId, r.accountId, r.roleId, r.segments['region']])).toEqual([
      ['r1', 'A1', 'decision_maker', 'EMEA'],
      ['r4', 'A2', 'user', 'APAC'],
      ['r5', undefined, undefined, undefined],
    ]);
    expect(rejected.map((i) => [i.row, i.code])).toEqual([
      [3, 'account_id.mismatch'],
      [4, 'account_id.unknown'],
    ]);
  });

  it('finds response ids duplicated across waves and checks follow-ups against responses', async () => {
    const { rejected, result } = await ingest({
      'program.yml': 'waves:\n  - id: w2\n  - id: w1\n',
      'responses/w1.csv': 'response_id,score\nr1,9\nr3,7\n',
      'responses/w2.csv': 'response_id,score\nr1,9\nr2,5\n',
      'followups.csv': 'response_id,status,opened_at,closed_at\nr1,closed,2026-01-02,2026-01-03\nr9,open,,\nr2,done,2026-01-05,2026-01-01\nr2,closed,2026-01-05,\n',
    });
    expect(result.waves.map((w) => w.id)).toEqual(['w2', 'w1']);
    expect(rejected.map((i) => [i.file, i.row, i.code])).toEqual([
      ['responses/w1.csv', 2, 'response_id.duplicate'],
      ['followups.csv', 3, 'response_id.unknown'],
      ['followups.csv', 4, 'closed_at.invalid'],
      ['followups.csv', 5, 'closed_at.invalid'],
    ]);
    expect(result.followups).toHaveLength(1);
  });

  it("does not count a rejected row's id as taken", async () => {
    const { responses, rejected } = await ingest({
      'contacts.csv': 'contact_id\nC1\n',
      'responses/w1.csv': 'response_id,score,contact_id\nr1,9,C404\nr1,8,C1\nr1,7,C1\n',
      'followups.csv': 'response_id,status\nr1,open\n',
    });
    expect(responses.map((r) => r.score)).toEqual([8]);
    expect(rejected.map((i) => [i.row, i.code])).toEqual([
      [2, 'contact_id.unknown'],
      [4, 'response_id.duplicate'],
    ]);
    expect(rejected[1]!.message).toMatch(/row 3\)/);
  });

  it('counts blank rows as skipped and ignores trailing blank lines', async () => {
    const { file } = await ingest({ 'responses/w1.csv': 'response_id,score\nr1,9\n,\n\nr2,8\n\n\n' });
    expect(file('responses/w1.csv')).toMatchObject({ rows: 4, used: 2, skipped: 2, rejected: 0 });
  });

  it('stops on structural problems, listing all of them', async () => {
    const issues = await structural({
      'program.yml': 'min_group_sise: 3\n',
      'responses/w1.csv': 'id;value\n1;2\n',
      'responses/w2.csv': 'response_id,score\nr1,\n',
      'invitations/w3.csv': 'contact_id\nC1\n',
      'accounts.csv': 'name\nAcme\n',
    });
    const text = issues.map((i) => `${i.file}: ${i.message} / ${i.fix}`).join('\n');
    expect(text).toMatch(/program\.yml: unknown setting min_group_sise/);
    expect(text).toMatch(/responses\/w1\.csv: the required column "response_id" is missing/);
    expect(text).toMatch(/invitations\/w3\.csv: there is no wave "w3"/);
    expect(text).toMatch(/accounts\.csv: the required column "account_id" is missing/);
  });

  it('hints at the separator when the header reads as one column', async () => {
    const issues = await structural({ 'program.yml': 'csv:\n  delimiter: ","\n', 'responses/w1.csv': 'response_id;score\nr1;9\n' });
    expect(issues[0]!.fix).toMatch(/separated by ";"/);
  });

  it('fails when there is no responses folder, or no usable response', async () => {
    expect((await structural({ 'accounts.csv': 'account_id\nA1\n' }))[0]!.file).toBe('responses/');
    expect((await structural({ 'responses/w1.csv': 'response_id,score\nr1,12\n' }))[0]!.message).toMatch(
      /1 of its 1 rows were rejected, most \(1\) for this: .*score is not a whole number/,
    );
  });

  it('counts add up for any mix of valid, invalid and blank rows', async () => {
    const rowKind = fc.constantFrom('valid', 'badScore', 'emptyId', 'blank', 'dup', 'extraField');
    await fc.assert(
      fc.asyncProperty(fc.array(rowKind, { minLength: 1, maxLength: 40 }), async (kinds) => {
        const lines = ['response_id,score,comment'];
        kinds.forEach((k, i) => {
          if (k === 'valid') lines.push(`r${i},${i % 11},"multi\nline, ${i}"`);
          if (k === 'badScore') lines.push(`r${i},${11 + i},x`);
          if (k === 'emptyId') lines.push(`,5,x`);
          if (k === 'blank') lines.push(',,');
          if (k === 'dup') lines.push(`dup,5,x`);
          if (k === 'extraField') lines.push(`r${i},5,x,y`);
        });
        lines.push('r-last,9,');
        // A wave with 90% of its rows rejected stops the build (waveLoss); its report still holds the counts.
        const outcome = await ingestProgram({ dataDir: tempProgram({ 'responses/w1.csv': lines.join('\n') + '\n' }), onResponse: () => {} }).catch((e: unknown) => e);
        const report = outcome instanceof StructuralError ? outcome.report! : (outcome as Awaited<ReturnType<typeof ingestProgram>>).report;
        const f = report.files.find((x) => x.file === 'responses/w1.csv')!;
        const dups = kinds.filter((k) => k === 'dup').length;
        // trailing blank rows are not rows; blanks before the final valid row are.
        const count = (kind: string) => kinds.filter((k) => k === kind).length;
        expect(outcome instanceof StructuralError).toBe(f.rejected >= 0.9 * (f.used + f.rejected));
        expect(f.rows).toBe(kinds.length + 1);
        expect(f.used).toBe(count('valid') + Math.min(dups, 1) + 1);
        expect(f.skipped).toBe(count('blank'));
        // the first "dup" row is used, the others are duplicates
        expect(f.rejected).toBe(count('badScore') + count('emptyId') + count('extraField') + Math.max(dups - 1, 0));
      }),
      // The first example stops the build (ten rejected rows, one used): the counts must still add up.
      { numRuns: 40, examples: [[Array.from({ length: 10 }, () => 'badScore' as const)]] },
    );
  });
});
