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

export interface RunOptions {
  dataDir: string;
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
  const ingest = await ingestProgram({
    dataDir: opts.dataDir,
    program,
    onResponse: collector.add,
    cube: collector,
    ...(opts.onRejected ? { onRejected: opts.onRejected } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  // Per person: a confidential choice in any wave holds for every answer the contact gave.
  const unmovable: string[] = [];
  const moved = collector.applyConfidentialContacts(ingest.confidentialContacts, (responseId) => unmovable.push(responseId));
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
