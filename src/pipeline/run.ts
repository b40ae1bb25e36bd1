/**
 * The whole pipeline: ingest -> validate -> collect -> analyse -> the page model.
 * No Astro here; the CLI and the tests call it.
 */
import { ingestProgram, type IngestResult } from './ingest/ingest-program.ts';
import { Collector } from './analysis/collector.ts';
import { buildModel } from './analysis/build-model.ts';
import { loadProgram } from './config/load-program.ts';
import type { SiteModel } from './model/types.ts';
import { StructuralError, type RowIssue } from './ingest/report.ts';
import type { RecordSink } from './records/types.ts';
import type { ScoreCube } from './cube/cube.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCubeInput } from './ingest/ingest-cube.ts';
import type { LoadedProgram } from './config/load-program.ts';

export interface RunOptions {
  dataDir: string;
  /** What reads the response files; default: CHORUS_ENGINE, else program.yml's `engine`. */
  engine?: 'streaming' | 'duckdb';
  /** Where per-response records go (account answers, owners' alerts, the queue CSV); memory when not given. */
  sink?: RecordSink;
  onRejected?: (issues: RowIssue[]) => void;
  onProgress?: (file: string, bytesRead: number, totalBytes: number, rows: number) => void;
}

export interface RunResult {
  model: SiteModel;
  ingest: IngestResult;
  /** The score cube every figure was summed from. */
  cube: ScoreCube;
}

export async function runPipeline(opts: RunOptions): Promise<RunResult> {
  // The collector needs the settings before the first response streams past.
  const program = await loadProgram(opts.dataDir);
  const collector = new Collector(program.settings);
  const engine = opts.engine ?? engineOf(process.env['CHORUS_ENGINE']) ?? program.settings.engine;
  const work = engine === 'duckdb' && findCubeInput(opts.dataDir) === null ? mkdtempSync(join(tmpdir(), 'chorus-duckdb-')) : null;
  try {
    return await run(opts, program, collector, work);
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

function engineOf(value: string | undefined): 'streaming' | 'duckdb' | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'duckdb' || value === 'streaming') return value;
  throw new StructuralError([{ file: 'CHORUS_ENGINE', message: `"${value}" is not an engine`, fix: 'set CHORUS_ENGINE to duckdb or streaming, or leave it unset' }]);
}

async function run(opts: RunOptions, program: LoadedProgram, collector: Collector, work: string | null): Promise<RunResult> {
  const ingest = await ingestProgram({
    dataDir: opts.dataDir,
    program,
    ...(work !== null ? { duckdb: { workDir: work } } : {}),
    onResponse: collector.add,
    cube: collector,
    ...(opts.onRejected ? { onRejected: opts.onRejected } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  // Per person: a confidential choice in any wave holds for every answer the contact gave.
  const unmovable: string[] = [];
  const moved = collector.applyConfidentialContacts(ingest.confidentialContacts, (responseId) => unmovable.push(responseId)) + ingest.movedByEngine;
  if (unmovable.length > 0)
    throw new StructuralError([
      {
        file: 'extract/',
        message: `${unmovable.length.toLocaleString('en-US')} answer${unmovable.length === 1 ? ' is' : 's are'} named in the extract though ${unmovable.length === 1 ? 'its respondent' : 'their respondents'} chose confidentiality in another wave (e.g. response ${unmovable[0]})`,
        fix: 'compute confidential per person, as the queries in docs/scale.md do: whoever chose confidentiality in any wave is confidential in every wave, in the cube and in the extract',
      },
    ]);
  if (moved > 0)
    ingest.report.notices.push({
      file: 'responses',
      confidential: true,
      message: `${moved.toLocaleString('en-US')} answer${moved === 1 ? '' : 's'} given under a name came from people who chose confidentiality in another wave: counted as confidential everywhere`,
    });
  return { model: buildModel(ingest, collector, opts.sink), ingest, cube: collector.cube };
}
