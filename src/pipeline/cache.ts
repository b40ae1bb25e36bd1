/**
 * The analysed model, cached under a key made of every input: each data file's path and
 * bytes, and the pipeline's own source (so a new version of Chorus never serves an old
 * model). Content (MDX) is not an input of the analysis, so a re-build after a narrative
 * edit skips ingest and analysis; any change to the data invalidates the cache.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { hashTrees } from './util/files.ts';
import { fileURLToPath } from 'node:url';
import { runPipeline, type RunOptions } from './run.ts';
import { FileSink } from './records/file-sink.ts';
import { rejectedRowsWriter } from './ingest/rejected-rows.ts';
import { confidentialDigests } from './content/check-identities.ts';
import { mailMergeContacts } from './exports/mail-merge.ts';
import { writeCube } from './cube/write-cube.ts';
import { ratingIdsOf } from './ingest/ingest-program.ts';
import { readModel } from './model/read-model.ts';
import type { SiteModel } from './model/types.ts';
import type { IngestReport } from './ingest/report.ts';
import { ANALYSIS_FILES, CURRENT } from './analysis-folder.ts';

export { ANALYSIS_FILES, CURRENT };

const pipelineDir = resolve(dirname(fileURLToPath(import.meta.url)));

/** A hex key that changes whenever any data file or the pipeline's code changes. */
export const inputKey = (dataDir: string): Promise<string> =>
  hashTrees([
    { label: 'code', path: pipelineDir },
    { label: 'data', path: dataDir },
  ]);

export interface Analysis {
  /** The folder holding the model, its record shards and the files above. */
  dir: string;
  model: SiteModel;
  /** The ingest report with every count (the model's leaves out what would count confidential answers). */
  report: IngestReport;
  identities: string[];
  cached: boolean;
}

export interface AnalyseOptions {
  /** Where analyses are kept: one folder per output (the one in use and the one before it). */
  workDir: string;
  dataDir: string;
  onProgress?: RunOptions['onProgress'];
}

/**
 * The analysis of the data folder: reused when no input changed since it was made (narrative
 * edits do not touch it), else made afresh by a pipeline run. A new analysis is written into a
 * temporary folder and renamed into place whole, so no reader ever sees half of one; old
 * analyses are removed only once a newer one is in use (see `useAnalysis`).
 */
export async function analyse(opts: AnalyseOptions): Promise<Analysis> {
  const key = (await inputKey(opts.dataDir)).slice(0, 32);
  const dir = join(opts.workDir, `analysis-${key}`);
  const read = async (): Promise<Analysis> => ({
    dir,
    model: readModel(await readFile(join(dir, ANALYSIS_FILES.model), 'utf8'), join(dir, ANALYSIS_FILES.model)),
    report: JSON.parse(await readFile(join(dir, ANALYSIS_FILES.report), 'utf8')) as IngestReport,
    identities: JSON.parse(await readFile(join(dir, ANALYSIS_FILES.identities), 'utf8')) as string[],
    cached: true,
  });
  if (existsSync(join(dir, ANALYSIS_FILES.complete))) return read();
  await mkdir(opts.workDir, { recursive: true });
  const tmp = await mkdtemp(join(opts.workDir, `tmp-analysis-${key}-`));
  const file = (name: keyof typeof ANALYSIS_FILES) => join(tmp, ANALYSIS_FILES[name]);
  const rejected = rejectedRowsWriter(file('rejected'));
  try {
    const { model, ingest, cube } = await runPipeline({
      dataDir: opts.dataDir,
      sink: new FileSink(tmp),
      onRejected: rejected.write,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    await rejected.close();
    const identities = confidentialDigests(ingest);
    await writeFile(file('model'), JSON.stringify(model));
    await writeFile(file('report'), JSON.stringify(ingest.report));
    await writeFile(file('identities'), JSON.stringify(identities));
    await writeFile(file('mailMerge'), JSON.stringify(mailMergeContacts(ingest)));
    writeCube(file('cube'), cube, {
      waves: ingest.waves.map((w) => w.id),
      dimensions: ingest.settings.segments.map((s) => s.id),
      attributes: ratingIdsOf(ingest.settings),
    });
    await writeFile(file('complete'), '');
    // Another command may have finished the same analysis meanwhile: then keep theirs.
    if (existsSync(join(dir, ANALYSIS_FILES.complete))) return read();
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    return { dir, model, report: ingest.report, identities, cached: false };
  } catch (e) {
    // A failed run leaves its rejected rows where the report says they are.
    await rejected.close();
    await copyFile(file('rejected'), join(opts.workDir, ANALYSIS_FILES.rejected)).catch(() => {});
    throw e;
  } finally {
    await rejected.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Points the working folder's `current` at `dir` (written whole: a reader sees the old name or
 * the new one), then removes the analyses no one should need: every one but this and the one it
 * replaces, which a command started a moment earlier may still be reading.
 */
export async function useAnalysis(workDir: string, dir: string): Promise<void> {
  const pointer = join(workDir, CURRENT);
  const previous = await readFile(pointer, 'utf8').catch(() => '');
  const tmp = `${pointer}.${process.pid}.tmp`;
  await writeFile(tmp, basename(dir));
  await rename(tmp, pointer);
  const keep = new Set([basename(dir), previous.trim()]);
  for (const name of await readdir(workDir)) {
    if (name.startsWith('analysis-') && !keep.has(name)) await rm(join(workDir, name), { recursive: true, force: true });
  }
}
