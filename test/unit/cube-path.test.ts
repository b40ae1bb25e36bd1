/**
 * The cube path (docs/scale.md): a cube and extract computed by SQL, read as CSV or Parquet, and
 * the DuckDB engine, each build the very model the row path builds from the same files, so every
 * figure, every withheld figure and every list is the same; input that cannot be the program's
 * stops the build or rejects its rows instead of changing a figure.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline, type RunResult } from '../../src/pipeline/run.ts';
import { summaryJson } from '../../src/pipeline/exports/summary.ts';
import { StructuralError } from '../../src/pipeline/ingest/report.ts';
import { writeCube } from '../../src/pipeline/cube/write-cube.ts';
import { ratingIdsOf } from '../../src/pipeline/ingest/ingest-program.ts';
import { dirtyWarehouseProgram, duckdbCube } from '../helpers/warehouse.ts';
import { tempProgram } from '../helpers/temp-program.ts';

const DEMO = join(import.meta.dirname, '..', '..', 'data');

/** The model without the ingest report (which names the files read, which differ by path). */
const figures = (r: RunResult) => JSON.stringify({ ...r.model, ingest: null });

let rows: RunResult | undefined;
const rowPath = async () => (rows ??= await runPipeline({ dataDir: DEMO, engine: 'streaming' }));

describe('the cube path on the demo program', () => {
  it('a cube and extract computed by DuckDB (CSV) build the same model and summary.json as the rows', async () => {
    const a = await rowPath();
    const b = await runPipeline({ dataDir: await duckdbCube(DEMO, 'csv') });
    expect(b.ingest.input).toBe('cube');
    expect(summaryJson(b.model)).toBe(summaryJson(a.model));
    expect(figures(b)).toBe(figures(a));
  }, 60_000);

  it('the same from Parquet files', async () => {
    const a = await rowPath();
    const b = await runPipeline({ dataDir: await duckdbCube(DEMO, 'parquet') });
    expect(b.ingest.report.files.some((f) => f.file.endsWith('.parquet'))).toBe(true);
    expect(summaryJson(b.model)).toBe(summaryJson(a.model));
  }, 60_000);

  it('the cube `npm run build -- --cube` writes reads back with the extract', async () => {
    const a = await rowPath();
    const dir = await duckdbCube(DEMO, 'csv');
    // Replace the SQL's cube by the one the row path wrote (per-wave files, the build's own format).
    const s = a.ingest.settings;
    rmSync(join(dir, 'cube'), { recursive: true });
    writeCube(join(dir, 'cube'), a.cube, {
      waves: a.ingest.waves.map((w) => w.id),
      dimensions: s.segments.map((d) => d.id),
      attributes: ratingIdsOf(s),
    });
    const b = await runPipeline({ dataDir: dir });
    expect(summaryJson(b.model)).toBe(summaryJson(a.model));
  }, 60_000);

  it('CHORUS_ENGINE=duckdb builds the same model, with the same ingest report', async () => {
    const a = await rowPath();
    const b = await runPipeline({ dataDir: DEMO, engine: 'duckdb' });
    expect(summaryJson(b.model)).toBe(summaryJson(a.model));
    expect(figures(b)).toBe(figures(a));
    expect(b.ingest.report).toEqual(a.ingest.report);
  }, 60_000);
});

describe('the cube queries on programs shaped unlike the demo', () => {
  const same = async (dir: string) => {
    const a = await runPipeline({ dataDir: dir, engine: 'streaming' });
    for (const format of ['csv', 'parquet'] as const) expect(summaryJson((await runPipeline({ dataDir: await duckdbCube(dir, format) })).model)).toBe(summaryJson(a.model));
    expect(summaryJson((await runPipeline({ dataDir: dir, engine: 'duckdb' })).model)).toBe(summaryJson(a.model));
  };

  it('nothing but response ids and scores', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `r${i},${(i * 7) % 11}`);
    await same(
      tempProgram({ 'responses/2026-Q1.csv': `response_id,score\n${lines.join('\n')}\n`, 'responses/2026-Q2.csv': `response_id,score\n${lines.map((l) => `q${l}`).join('\n')}\n` }),
    );
  }, 60_000);

  it('contacts without account ids on the answers, ids per wave, segments from contacts and answers, roles by alias', async () => {
    const contacts = Array.from({ length: 30 }, (_, i) => `C${i},A${i % 6},Person ${i},${['CEO', 'end-user', 'Champion', ''][i % 4]},${['north', 'south'][i % 2]}`);
    const answers = (wave: number) =>
      Array.from(
        { length: 30 },
        (_, i) =>
          `${i + 1},C${(i * (wave + 2)) % 30},${(i * 3 + wave) % 11},${i % 5 === 0 ? '' : i % 3 === 0 ? 'true' : 'false'},${['web', '', 'phone'][i % 3]},${i % 4 === 0 ? 'Too expensive for us' : ''}`,
      );
    await same(
      tempProgram({
        'program.yml':
          'responses: { ids: per_wave }\nsegments:\n  - { id: area, source: contact }\n  - { id: channel }\nthemes:\n  pricing: [expensive]\nroles:\n  exec: { label: Executive, aliases: [ceo], decision_maker: true, weight: 2 }\n  user: { label: User, aliases: [end user] }\naccount_weighting: role\nmin_group_size: 2\n',
        'accounts.csv': `account_id,name\n${Array.from({ length: 6 }, (_, i) => `A${i},Account ${i}`).join('\n')}\n`,
        'contacts.csv': `contact_id,account_id,name,role,area\n${contacts.join('\n')}\n`,
        'responses/2026-Q1.csv': `response_id,contact_id,score,confidential,channel,comment\n${answers(1).join('\n')}\n`,
        'responses/2026-Q2.csv': `response_id,contact_id,score,confidential,channel,comment\n${answers(2).join('\n')}\n`,
      }),
    );
  }, 60_000);
});

describe('the cube queries with awkward names (found by review)', () => {
  it('segment ids with capitals and dashes, roles written with runs of dashes', async () => {
    const contacts = Array.from({ length: 16 }, (_, i) => `C${i},A${i % 4},P${i},${['Decision--Maker', 'end__user', 'USER', 'Influencer'][i % 4]},${['North', 'South'][i % 2]}`);
    const answers = Array.from({ length: 32 }, (_, i) => `r${i},C${i % 16},${(i * 7) % 11},false`);
    const dir = tempProgram({
      'program.yml':
        'min_group_size: 2\naccount_weighting: role\nsegments:\n  - { id: Sales-Area, column: area, source: contact }\n  - { id: Tier.2, column: tier, source: account }\n',
      'accounts.csv': `account_id,name,tier\n${Array.from({ length: 4 }, (_, i) => `A${i},Acc ${i},${['Gold', 'Silver'][i % 2]}`).join('\n')}\n`,
      'contacts.csv': `contact_id,account_id,name,role,area\n${contacts.join('\n')}\n`,
      'responses/2026-Q1.csv': `response_id,contact_id,score,confidential\n${answers.join('\n')}\n`,
    });
    const a = await runPipeline({ dataDir: dir, engine: 'streaming' });
    expect(a.model.waves[0]!.segments.map((x) => x.values.length)).toEqual([2, 2]);
    expect(figures(await runPipeline({ dataDir: await duckdbCube(dir) }))).toBe(figures(a));
    expect(figures(await runPipeline({ dataDir: dir, engine: 'duckdb' }))).toBe(figures(a));
  }, 60_000);
});

describe('the cube queries leave out what ingest rejects', () => {
  it('unknown contacts, a contact at an unknown account, duplicate ids, a score of 11, a rating off its scale', async () => {
    const dir = dirtyWarehouseProgram();
    const a = await runPipeline({ dataDir: dir, engine: 'streaming' });
    expect(a.ingest.report.totals.rejected).toBeGreaterThanOrEqual(10);
    // The figures, not the ingest report: the warehouse's rejected rows never reach the cube's files.
    expect(figures(await runPipeline({ dataDir: await duckdbCube(dir) }))).toBe(figures(a));
  }, 60_000);
});

describe('the cube queries decide consent as ingest does', () => {
  it('an inverted consent column ("may we name you?"), blank answers and yes/no words', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `r${i},C${i % 20},${(i * 7) % 11},${['true', 'false', '', 'yes', 'no'][i % 5]},Price feedback number ${i} is here`);
    const dir = tempProgram({
      'program.yml': 'csv: { confidential_inverted: true }\nthemes:\n  pricing: [price]\nmin_group_size: 2\n',
      'contacts.csv': `contact_id,name\n${Array.from({ length: 20 }, (_, i) => `C${i},Person ${i}`).join('\n')}\n`,
      'responses/2026-Q1.csv': `response_id,contact_id,score,confidential,comment\n${lines.join('\n')}\n`,
    });
    const a = await runPipeline({ dataDir: dir, engine: 'streaming' });
    expect(summaryJson((await runPipeline({ dataDir: await duckdbCube(dir) })).model)).toBe(summaryJson(a.model));
    expect(summaryJson((await runPipeline({ dataDir: dir, engine: 'duckdb' })).model)).toBe(summaryJson(a.model));
  }, 60_000);
});

/** A small program with every kind of bad row the row path knows. */
function hostileProgram(): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return tempProgram({
    'program.yml': [
      'min_group_size: 3',
      'segments:',
      '  - { id: region, source: account }',
      '  - { id: channel, source: response }',
      'attributes:',
      '  - { id: support, label: Support, column: rating_support, scale: [1, 5] }',
      'themes:',
      '  pricing: [price*, expensive]',
      '',
    ].join('\n'),
    'accounts.csv': 'account_id,name,region\nA1,Alpha,EMEA\nA2,Beta,APAC\nA3,Gamma,EMEA\n',
    'contacts.csv': 'contact_id,account_id,name,role\nC1,A1,Ann,Decision maker\nC2,A1,Bob,User\nC3,A2,Cy,User\nC4,A3,Di,Influencer\nC5,,Ed,User\nC6,A9,Fay,User\n',
    'responses/2026-Q1.csv': [
      'response_id,submitted_at,contact_id,account_id,score,comment,confidential,channel,rating_support',
      `r1,2026-01-05,C1,A1,9,${q('Great "value", though the price is high')},false,web,5`,
      'r2,2026-01-06,C2,,6,,true,email,2',
      'r3,not a date,C3,A2,10 - Extremely likely,,Ja,web,',
      'r4,2026-02-30,C4,A3,7,Expensive licences,,web,6',
      'r5,2026-01-07,C9,,8,,false,web,3',
      'r6,2026-01-07,C4,A1,8,,false,web,3',
      'r7,2026-01-08,,A9,5,,false,web,3',
      'r1,2026-01-09,C2,A1,3,,false,web,1',
      ',2026-01-09,C2,A1,3,,false,web,1',
      ',,,,,,,,',
      'r8,2026-01-10,C3,,eleven,,false,web,9',
      'r9,2026-01-10,C3,,7.5,,false,web,1',
      `r10,2026-01-11T10:00:00Z,,A2,2,${q('Too expensive,\nand slow')},no,phone,1`,
      'r5,2026-01-12,C1,A1,4,,yes,web,2',
      `${'x'.repeat(201)},2026-01-12,C1,A1,4,,yes,web,2`,
      '',
      '',
    ].join('\n'),
    'responses/2026-Q2.csv': [
      'response_id,submitted_at,contact_id,score,comment,confidential,channel,rating_support',
      'r1,2026-04-01,C1,8,,false,web,4',
      'r11,2026-04-02,C2,0,Pricing is unfair,false,web,1',
      'r12,2026-04-02,C5,9,,false,email,5',
      'r13,2026-04-03,C3,10,,FALSE,web,5',
      'r14,2026-04-03,C4,6,,1,web,2',
      'r15,2026-04-04,,3,prices!,0,web,',
    ].join('\n'),
  });
}

describe('the DuckDB engine reads hostile rows as the row path does', () => {
  it('the same rows used, skipped and rejected, with the same reasons, notices and figures', async () => {
    const dir = hostileProgram();
    const a = await runPipeline({ dataDir: dir, engine: 'streaming' });
    const b = await runPipeline({ dataDir: dir, engine: 'duckdb' });
    const files = (r: RunResult) => r.ingest.report.files.filter((f) => f.file.startsWith('responses/'));
    // The row path rejects at least a duplicate, an unknown contact, a bad score and an empty id.
    const codes = files(a).flatMap((f) => f.reasons.map((x) => x.code));
    expect(codes).toEqual(
      expect.arrayContaining(['response_id.duplicate', 'contact_id.unknown', 'score.invalid', 'response_id.invalid', 'account_id.unknown', 'rating_support.invalid']),
    );
    expect(files(b)).toEqual(files(a));
    expect(b.ingest.report.notices).toEqual(a.ingest.report.notices);
    expect(b.ingest.report.totals).toEqual(a.ingest.report.totals);
    expect(summaryJson(b.model)).toBe(summaryJson(a.model));
    expect(figures(b)).toBe(figures(a));
  }, 60_000);

  it('headers as survey tools write them, padded ids and contacts ingest rejects (found by review)', async () => {
    const dir = tempProgram({
      'program.yml': 'min_group_size: 2\nthemes:\n  pricing: [price]\n',
      'accounts.csv': 'account_id,name,arr\nA1,Alpha,1000\nA2,Beta,lots\n',
      'contacts.csv': 'Contact ID,Account ID,Name,Email,Role\n C1 ,A1,Ann,ann@example.com,User\nC2,A1,Bob,not an email,User\nC3,A2,Cy,cy@example.com,User\n',
      'responses/2026-Q1.csv': [
        'Response ID,Contact ID,Score,Comments,Confidential',
        'r1, C1 ,3,The price went up again this year,Yes',
        'r2,C2,9,Fair price for what we get,No',
        'r3,C3,6,Too high a price for a small team,No',
        'r4,,8,,No',
      ].join('\n'),
    });
    const a = await runPipeline({ dataDir: dir, engine: 'streaming' });
    const b = await runPipeline({ dataDir: dir, engine: 'duckdb' });
    expect(b.ingest.report.files).toEqual(a.ingest.report.files);
    expect(summaryJson(b.model)).toBe(summaryJson(a.model));
    expect(figures(b)).toBe(figures(a));
    // The confidential answer is never quoted: the header "Confidential" was read.
    expect(JSON.stringify(b.model)).not.toContain('went up again');
  }, 60_000);

  it('refuses what it cannot read as the row path would, and names the default engine', async () => {
    const dir = tempProgram({
      'program.yml': 'columns:\n  responses: { score: "How likely" }\n',
      'responses/2026-Q1.csv': 'response_id,How likely\nr1,9\n',
    });
    const err = await runPipeline({ dataDir: dir, engine: 'duckdb' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StructuralError);
    expect((err as StructuralError).issues[0]!.fix).toMatch(/default engine/);
    const dates = tempProgram({ 'responses/2026-Q1.csv': 'response_id,submitted_at,score\nr1,03/04/2026,9\nr2,13/04/2026,9\n' });
    const e2 = await runPipeline({ dataDir: dates, engine: 'duckdb' }).catch((e: unknown) => e);
    expect((e2 as StructuralError).issues[0]!.message).toMatch(/day\/month/);
  }, 60_000);
});

describe('a cube without its record extract', () => {
  it('builds every score figure, says the records are missing, and claims no figure it cannot know', async () => {
    const a = await rowPath();
    const dir = await duckdbCube(DEMO, 'csv');
    rmSync(join(dir, 'extract'), { recursive: true });
    const b = await runPipeline({ dataDir: dir });
    expect(b.model.withoutRecords).toBe(true);
    expect(a.model.withoutRecords).toBe(false);
    const scores = (r: RunResult) => r.model.waves.map((w) => [w.figures, w.change, w.segments, w.portfolio, w.attributes]);
    expect(JSON.stringify(scores(b))).toBe(JSON.stringify(scores(a)));
    expect(b.model.waves.every((w) => w.responseRate === null)).toBe(true);
  }, 60_000);
});

describe('a supplied cube that cannot be the program stops the build or loses its rows', () => {
  it('an extract whose named answers differ from the cube stops the build', async () => {
    const dir = await duckdbCube(DEMO, 'csv');
    const path = join(dir, 'extract', 'answers.csv');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    const named = lines.findIndex((l, i) => i > 0 && l.includes(',false,'));
    writeFileSync(path, [...lines.slice(0, named), ...lines.slice(named + 1)].join('\n') + '\n');
    const err = await runPipeline({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StructuralError);
    expect((err as StructuralError).issues.map((i) => i.message).join('\n')).toMatch(/named answers of wave .* are not the cube's/);
  }, 60_000);

  it('a cube not computed per person (a named answer of a contact confidential elsewhere) stops the build', async () => {
    const dir = tempProgram({
      'cube/scores.csv':
        'wave,account_id,role,confidential,people,score_0,score_1,score_2,score_3,score_4,score_5,score_6,score_7,score_8,score_9,score_10\nW1,,,false,1,0,0,0,0,0,0,0,0,0,1,0\nW2,,,true,1,0,0,0,0,0,0,0,0,1,0,0\n',
      'extract/answers.csv': 'wave,response_id,contact_id,score,confidential\nW1,r1,C1,9,false\nW2,r2,C1,8,true\n',
    });
    const err = await runPipeline({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StructuralError);
    expect((err as StructuralError).issues[0]!.fix).toMatch(/per person/);
  });

  it('bad cells, unknown waves and attributes are rejected rows naming file, row and column; the rest builds', async () => {
    const dir = tempProgram({
      'program.yml': 'attributes:\n  - { id: support, label: Support, scale: [1, 5] }\n',
      'cube/scores.csv': [
        'wave,account_id,role,confidential,people,score_0,score_1,score_2,score_3,score_4,score_5,score_6,score_7,score_8,score_9,score_10',
        'W1,,,false,2,0,0,0,0,0,0,0,0,0,1,1',
        'W1,,,true,x,0,0,0,0,0,0,0,0,0,1,1',
        'W1,,,maybe,1,0,0,0,0,0,0,0,0,0,1,0',
      ].join('\n'),
      'cube/ratings.csv': [
        'wave,account_id,role,confidential,attribute,detractor_n,detractor_sum,detractor_low,passive_n,passive_sum,passive_low,promoter_n,promoter_sum,promoter_low,n,sum_rating,sum_score,sum_rating_sq,sum_score_sq,sum_rating_score',
        'W1,,,false,support,0,0,0,0,0,0,2,9,0,2,9,19,41,181,86',
        'W1,,,false,speed,0,0,0,0,0,0,2,9,0,2,9,19,41,181,86',
        'W9,,,false,support,0,0,0,0,0,0,2,9,0,2,9,19,41,181,86',
      ].join('\n'),
      'extract/answers.csv': 'wave,response_id,score,confidential\nW1,r1,9,false\nW1,r2,10,false\nW9,r3,10,false\n',
    });
    const r = await runPipeline({ dataDir: dir });
    const file = (name: string) => r.ingest.report.files.find((f) => f.file === name)!;
    expect(file('cube/scores.csv')).toMatchObject({ rows: 3, used: 1, rejected: 2 });
    expect(file('cube/scores.csv').issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'people'],
      [4, 'confidential'],
    ]);
    expect(file('cube/ratings.csv').issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'attribute.unknown'],
      [4, 'wave.unknown'],
    ]);
    expect(file('extract/answers.csv').issues.map((i) => [i.row, i.code])).toEqual([[4, 'wave.unknown']]);
    expect(r.model.waves.map((w) => w.figures?.n)).toEqual([2]);
    expect(r.ingest.report.totals).toMatchObject({ rows: 2, used: 2 });
  });
});
