/**
 * The analysed model, cached under a key made of every input: each data file's path and
 * bytes, and the pipeline's own source (so a new version of Chorus never serves an old
 * model). Content (MDX) is not an input of the analysis, so a re-build after a narrative
 * edit skips ingest and analysis; any change to the data invalidates the cache.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { filesUnder } from './util/files.ts';
import { fileURLToPath } from 'node:url';
import { runPipeline, type RunOptions } from './run.ts';
import { FileSink } from './records/file-sink.ts';
import { rejectedRowsWriter } from './ingest/rejected-rows.ts';
import { confidentialDigests } from './content/check-identities.ts';
import { mailMergeContacts } from './exports/mail-merge.ts';
import { writeCube } from './cube/write-cube.ts';
import { readModel } from './model/read-model.ts';
import type { SiteModel } from './model/types.ts';

const pipelineDir = resolve(dirname(fileURLToPath(import.meta.url)));

async function hashFile(hash: ReturnType<typeof createHash>, path: string): Promise<void> {
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
}

/** A hex key that changes whenever any data file or the pipeline's code changes. */
export async function inputKey(dataDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const path of await filesUnder(pipelineDir)) {
    hash.update(`code:${relative(pipelineDir, path)}\0`);
    hash.update(await readFile(path));
  }
  for (const path of await filesUnder(dataDir)) {
    hash.update(`\0data:${relative(dataDir, path)}\0`);
    await hashFile(hash, path);
  }
  return hash.digest('hex');
}

/** What one analysis leaves in its folder; pages and exports read it from there. */
export const ANALYSIS_FILES = {
  model: 'model.json',
  /** Every rejected row with its reason (streamed while reading). */
  rejected: 'rejected-rows.csv',
  /** Salted digests of confidential respondents' names and emails, to check stories against. */
  identities: 'identities.json',
  /** Every invited contact, for `npm run mail-merge` only (never published). */
  mailMerge: 'mail-merge.json',
  /** The score cube's CSV files (docs/cube.md). */
  cube: 'cube',
  /** Written last: the folder is complete. */
  complete: 'complete',
} as const;

export interface Analysis {
  /** The folder holding the model, its record shards and the files above. */
  dir: string;
  model: SiteModel;
  identities: string[];
  cached: boolean;
}

export interface AnalyseOptions {
  /** Where analyses are kept: one folder per output, the newest analysis only. */
  workDir: string;
  dataDir: string;
  onProgress?: RunOptions['onProgress'];
}

/**
 * The analysis of the data folder: reused when no input changed since it was made (narrative
 * edits do not touch it), else made afresh by a pipeline run into a new folder, which then
 * replaces the old one.
 */
export async function analyse(opts: AnalyseOptions): Promise<Analysis> {
  const key = (await inputKey(opts.dataDir)).slice(0, 32);
  const dir = join(opts.workDir, `analysis-${key}`);
  const file = (name: keyof typeof ANALYSIS_FILES) => join(dir, ANALYSIS_FILES[name]);
  if (existsSync(file('complete'))) {
    const model = readModel(await readFile(file('model'), 'utf8'), file('model'));
    return { dir, model, identities: JSON.parse(await readFile(file('identities'), 'utf8')) as string[], cached: true };
  }
  await mkdir(opts.workDir, { recursive: true });
  for (const old of (await readdir(opts.workDir)).filter((f) => f.startsWith('analysis-'))) await rm(join(opts.workDir, old), { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const rejected = rejectedRowsWriter(file('rejected'));
  try {
    const { model, ingest, cube } = await runPipeline({
      dataDir: opts.dataDir,
      sink: new FileSink(dir),
      onRejected: rejected.write,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    await rejected.close();
    const identities = confidentialDigests(ingest);
    await writeFile(file('model'), JSON.stringify(model));
    await writeFile(file('identities'), JSON.stringify(identities));
    await writeFile(file('mailMerge'), JSON.stringify(mailMergeContacts(ingest)));
    writeCube(file('cube'), cube, {
      waves: ingest.waves.map((w) => w.id),
      dimensions: ingest.settings.segments.map((s) => s.id),
      attributes: [...ingest.settings.attributes.map((a) => a.id), ...(ingest.settings.overall_satisfaction ? ['overall_satisfaction'] : [])],
    });
    await writeFile(file('complete'), '');
    return { dir, model, identities, cached: false };
  } finally {
    await rejected.close();
  }
}
