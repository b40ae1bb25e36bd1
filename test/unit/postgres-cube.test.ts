/**
 * The project's cube and extract queries on a real PostgreSQL (Debian's, started for this file
 * on a Unix socket and stopped after): loaded from the demo's CSV files with psql's \copy, the
 * cube PostgreSQL computes builds the same summary.json and model as the row path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runPipeline } from '../../src/pipeline/run.ts';
import { summaryJson } from '../../src/pipeline/exports/summary.ts';
import { postgresAvailable, startPostgres, type Postgres } from '../helpers/postgres.ts';
import { dirtyWarehouseProgram, postgresCube } from '../helpers/warehouse.ts';

const DEMO = join(import.meta.dirname, '..', '..', 'data');

describe.skipIf(!postgresAvailable())('the cube computed by PostgreSQL', () => {
  let pg: Postgres;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await pg?.stop();
  });

  it('builds the same summary.json and model as the rows', async () => {
    const rows = await runPipeline({ dataDir: DEMO, engine: 'streaming' });
    const cube = await runPipeline({ dataDir: await postgresCube(pg, DEMO) });
    expect(cube.ingest.input).toBe('cube');
    expect(summaryJson(cube.model)).toBe(summaryJson(rows.model));
    expect(JSON.stringify({ ...cube.model, ingest: null })).toBe(JSON.stringify({ ...rows.model, ingest: null }));
  }, 120_000);

  it('leaves out the rows ingest rejects (unknown contacts and accounts, duplicate ids, scores and ratings off their scale)', async () => {
    const dir = dirtyWarehouseProgram();
    const rows = await runPipeline({ dataDir: dir, engine: 'streaming' });
    const cube = await runPipeline({ dataDir: await postgresCube(pg, dir) });
    expect(JSON.stringify({ ...cube.model, ingest: null })).toBe(JSON.stringify({ ...rows.model, ingest: null }));
  }, 120_000);
});
