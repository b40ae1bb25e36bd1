/** Reads one page's record shard, checking it was written by this version of the pipeline. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_VERSION, type AccountRecords, type OwnerRecords } from './types.ts';

function read<T extends { version: number }>(file: string): T | null {
  if (!existsSync(file)) return null;
  const value = JSON.parse(readFileSync(file, 'utf8')) as T;
  if (value.version !== RECORDS_VERSION)
    throw new Error(`${file} was written by another version of Chorus (records version ${value.version}, this one reads ${RECORDS_VERSION}): run the build again`);
  return value;
}

export const readAccountRecords = (dir: string, slug: string) => read<AccountRecords>(join(dir, 'records', 'accounts', `${slug}.json`));
export const readOwnerRecords = (dir: string, slug: string) => read<OwnerRecords>(join(dir, 'records', 'owners', `${slug}.json`));
