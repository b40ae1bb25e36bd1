/**
 * Everything the customer site is built from, as one key: the customer model (its data, the
 * account keys the secret made), the content it reads (letters, published plans, stories), and
 * the code and packages that render it. A rebuild after editing only what customers never see
 * (a briefing, say) finds the same key and keeps the customer site as it is.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { filesUnder } from '../pipeline/util/files.ts';
import { projectRoot } from './paths.ts';

/** The content collections the customer pages read (src/customer, src/shared/content.ts). */
const CUSTOMER_CONTENT = ['letters', 'actions', 'stories'];
const CODE = ['src/customer', 'src/shared', 'src/pipeline', 'public', 'astro.config.mjs', 'package-lock.json'];

export async function customerInputsKey(customerModelFile: string, contentDir: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(customerModelFile));
  const files = [...(await Promise.all(CUSTOMER_CONTENT.map((c) => filesUnder(join(contentDir, c))))).flat().map((f) => ({ f, name: `content:${relative(contentDir, f)}` }))];
  for (const c of CODE) {
    const path = join(projectRoot, c);
    const under = await filesUnder(path);
    for (const f of under.length > 0 ? under : [path]) files.push({ f, name: `code:${relative(projectRoot, f)}` });
  }
  for (const { f, name } of files) {
    const bytes = await readFile(f).catch(() => null);
    if (bytes === null) continue;
    hash.update(`\0${name}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}
