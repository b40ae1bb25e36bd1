/** Where the build reads and writes, from CHORUS_DATA / CHORUS_CONTENT / CHORUS_OUT. */
import { createHash } from 'node:crypto';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Paths {
  data: string;
  content: string;
  out: string;
  internalOut: string;
  customersOut: string;
  /** The score cube's CSV files, beside the sites (never published: it holds confidential cells). */
  cubeOut: string;
  /**
   * This output's working folder (under .chorus/, outside the output so nothing in it is
   * published): the analysis with its model and record shards, and the customer model.
   */
  work: string;
}

export function resolvePaths(env: NodeJS.ProcessEnv = process.env): Paths {
  // npm runs scripts from the project root; relative paths mean the caller's folder.
  const base = env['INIT_CWD'] ?? process.cwd();
  const data = resolve(base, env['CHORUS_DATA'] || 'data');
  // Content goes with its data: for another data folder without CHORUS_CONTENT, the `content`
  // folder beside it (acme/data -> acme/content) if there is one, else none; never the demo's.
  const content = env['CHORUS_CONTENT'] ? resolve(base, env['CHORUS_CONTENT']) : env['CHORUS_DATA'] ? resolve(data, '..', 'content') : resolve(base, 'content');
  const out = resolve(base, env['CHORUS_OUT'] || 'dist');
  const cache = resolve(projectRoot, env['CHORUS_CACHE'] || '.chorus');
  const key = createHash('sha256').update(out).digest('hex').slice(0, 12);
  return { data, content, out, internalOut: resolve(out, 'internal'), customersOut: resolve(out, 'customers'), cubeOut: resolve(out, 'cube'), work: resolve(cache, key) };
}
