/** The internal site's exports/: summary.json, one CSV per table, the queue's CSV files and the rejected rows. */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { summaryJson, tableCsvs } from '../pipeline/exports/summary.ts';
import { ANALYSIS_FILES, type Analysis } from '../pipeline/cache.ts';

export async function writeExports(analysis: Analysis, internalOut: string): Promise<void> {
  const dir = join(internalOut, 'exports');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'summary.json'), summaryJson(analysis.model));
  for (const [name, text] of Object.entries(tableCsvs(analysis.model))) await writeFile(join(dir, name), text);
  for (const name of analysis.model.queueFiles) await copyFile(join(analysis.dir, 'exports', name), join(dir, name));
  await copyFile(join(analysis.dir, ANALYSIS_FILES.rejected), join(dir, 'rejected-rows.csv'));
}
