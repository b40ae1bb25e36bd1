/** Record shards and queue files: bounded, read back as written, refused from another version. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { FileSink } from '../../src/pipeline/records/file-sink.ts';
import { readAccountRecords, readOwnerRecords } from '../../src/pipeline/records/read-records.ts';
import { QUEUE_HEADER } from '../../src/pipeline/records/queue-csv.ts';
import { RECORDS_VERSION } from '../../src/pipeline/records/types.ts';
import { readModel, ModelError } from '../../src/pipeline/model/read-model.ts';
import { MODEL_VERSION, type QueueItem } from '../../src/pipeline/model/types.ts';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'chorus-records-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const item = (id: string, comment: string | null = null): QueueItem => ({
  responseId: id,
  rule: 'detractor',
  ruleLabel: 'Recover',
  owner: 'Ann',
  notify: [],
  method: 'call',
  documentation: 'log',
  oversight: 'CX',
  score: 2,
  category: 'detractor',
  account: null,
  contact: null,
  comment,
  submittedAt: null,
  dueDate: null,
  status: 'not started',
  closedAt: null,
  daysToClose: null,
  closedInTime: false,
  overdue: false,
  daysOverdue: 0,
});

describe('queue files', () => {
  it('splits the queue into files of at most the part size, each with the header, in order', () => {
    const dir = temp();
    const sink = new FileSink(dir, 3);
    sink.queue(
      'w1',
      ['a', 'b', 'c', 'd'].map((id) => item(id)),
    );
    sink.queue(
      'w2',
      ['e', 'f', 'g'].map((id) => item(id, id === 'f' ? '=HYPERLINK("x")' : 'line one\nline two')),
    );
    expect(sink.queueFiles()).toEqual(['queue.csv', 'queue-2.csv', 'queue-3.csv']);
    const parsed = sink.queueFiles().map((f) => Papa.parse<Record<string, string>>(readFileSync(join(dir, 'exports', f), 'utf8'), { header: true, skipEmptyLines: true }));
    expect(parsed.map((p) => p.data.length)).toEqual([3, 3, 1]);
    for (const p of parsed) expect(p.meta.fields).toEqual(QUEUE_HEADER);
    expect(parsed.flatMap((p) => p.data.map((r) => `${r['wave']}:${r['response_id']}`))).toEqual(['w1:a', 'w1:b', 'w1:c', 'w1:d', 'w2:e', 'w2:f', 'w2:g']);
    // comments keep their line breaks; a formula is neutralised for spreadsheets
    const rows = parsed.flatMap((p) => p.data);
    expect(rows.find((r) => r['response_id'] === 'e')!['comment']).toBe('line one\nline two');
    expect(rows.find((r) => r['response_id'] === 'f')!['comment']).toBe(`'=HYPERLINK("x")`);
  });

  it('writes a header-only queue.csv when no wave raised an alert', () => {
    const dir = temp();
    const sink = new FileSink(dir);
    sink.queue('w1', []);
    expect(sink.queueFiles()).toEqual(['queue.csv']);
    expect(readFileSync(join(dir, 'exports', 'queue.csv'), 'utf8')).toBe(QUEUE_HEADER.join(',') + '\n');
  });
});

describe('shards', () => {
  it('reads back what was written, and nothing for a page without records', () => {
    const dir = temp();
    const sink = new FileSink(dir);
    const account = { version: RECORDS_VERSION as typeof RECORDS_VERSION, accountId: 'A/1', waves: [{ wave: 'w1', answers: [], total: 0 }] };
    sink.account('a-1', account);
    sink.owner('ann', { version: RECORDS_VERSION, owner: 'Ann', wave: 'w1', open: [item('r1')], total: 7 });
    expect(readAccountRecords(dir, 'a-1')).toEqual(account);
    expect(readOwnerRecords(dir, 'ann')!.total).toBe(7);
    expect(readAccountRecords(dir, 'nobody')).toBeNull();
    expect(readdirSync(join(dir, 'records', 'accounts'))).toEqual(['a-1.json']);
  });

  it('refuses a shard from another version with a plain instruction', () => {
    const dir = temp();
    new FileSink(dir).account('a', { version: RECORDS_VERSION, accountId: 'A', waves: [] });
    writeFileSync(join(dir, 'records', 'accounts', 'a.json'), JSON.stringify({ version: RECORDS_VERSION + 1, accountId: 'A', waves: [] }));
    expect(() => readAccountRecords(dir, 'a')).toThrow(/another version of Chorus.*run the build again/);
  });
});

describe('reading the model', () => {
  it('names a version mismatch, a cut-short file and a wrong shape', () => {
    expect(() => readModel(JSON.stringify({ version: MODEL_VERSION - 1 }), 'm.json')).toThrow(
      new ModelError(`m.json was written by another version of Chorus (model version ${MODEL_VERSION - 1}; this one reads ${MODEL_VERSION}): run the build again`),
    );
    expect(() => readModel('{"version": 3, "wav', 'm.json')).toThrow(/not a readable model/);
    expect(() => readModel(JSON.stringify({ version: MODEL_VERSION, program: { name: 'x' } }), 'm.json')).toThrow(/at program\.company/);
  });
});

describe('caps', () => {
  it('lists at most the capped number on a page, with the true total, while every answer counts in the figures', async () => {
    const { runPipeline } = await import('../../src/pipeline/run.ts');
    const { MemorySink, ACCOUNT_ANSWERS_CAP, OWNER_OPEN_CAP } = await import('../../src/pipeline/records/types.ts');
    const { tempProgram } = await import('../helpers/temp-program.ts');
    const n = OWNER_OPEN_CAP + 10;
    const data = tempProgram({
      'accounts.csv': 'account_id,name,owner\nA1,Acme,Ann\n',
      'contacts.csv': 'contact_id,account_id,name\n' + Array.from({ length: n }, (_, i) => `C${i},A1,Person ${i}`).join('\n') + '\n',
      'responses/w1.csv': 'response_id,score,contact_id,comment,submitted_at\n' + Array.from({ length: n }, (_, i) => `r${i},${i % 7},C${i},too slow,2026-01-01`).join('\n') + '\n',
    });
    dirs.push(join(data, '..'));
    const sink = new MemorySink();
    const { model } = await runPipeline({ dataDir: data, sink });
    const a = model.waves[0]!.accounts[0]!;
    expect(a.responses).toBe(n);
    expect(a.answersListed).toBe(n);
    const shard = sink.accounts.get(a.slug)!.waves[0]!;
    expect([shard.answers.length, shard.total]).toEqual([ACCOUNT_ANSWERS_CAP, n]);
    // the lowest scores first: 510 scores cycling 0–6 hold 73 of each of 0, 1 and 2, so the 250 listed end among the 3s
    expect(shard.answers.filter((x) => x.score === 3)).toHaveLength(ACCOUNT_ANSWERS_CAP - 3 * 73);
    expect(shard.answers.map((x) => x.score)).toEqual([...shard.answers.map((x) => x.score)].sort((x, y) => x - y));
    const owner = sink.owners.get('ann')!;
    expect([owner.open.length, owner.total]).toEqual([OWNER_OPEN_CAP, n]);
    expect(model.waves[0]!.followup.byOwner).toEqual([expect.objectContaining({ owner: 'Ann', open: n })]);
  });
});
