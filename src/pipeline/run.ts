/**
 * The whole pipeline: ingest -> validate -> aggregate -> the page model.
 * No Astro here; the CLI and the tests call it.
 */
import { ingestProgram, type IngestResult } from './ingest/ingest-program.ts';
import { WaveAccumulator } from './model/wave-accumulator.ts';
import { buildModel } from './model/build-model.ts';
import type { SiteModel } from './model/types.ts';
import type { RowIssue } from './ingest/report.ts';

export interface RunOptions {
  dataDir: string;
  onRejected?: (issues: RowIssue[]) => void;
  onProgress?: (file: string, bytesRead: number, totalBytes: number, rows: number) => void;
}

export interface RunResult {
  model: SiteModel;
  ingest: IngestResult;
}

export async function runPipeline(opts: RunOptions): Promise<RunResult> {
  const acc = new WaveAccumulator();
  const ingest = await ingestProgram({
    dataDir: opts.dataDir,
    onResponse: acc.add,
    ...(opts.onRejected ? { onRejected: opts.onRejected } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  return { model: buildModel(ingest, acc), ingest };
}
