/**
 * The analysed model, cached under a key made of every input: each data file's path and
 * bytes, and the pipeline's own source (so a new version of Chorus never serves an old
 * model). Content (MDX) is not an input of the analysis, so a re-build after a narrative
 * edit skips ingest and analysis; any change to the data invalidates the cache.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { filesUnder } from './util/files.ts';
import { fileURLToPath } from 'node:url';

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
