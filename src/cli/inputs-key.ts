/**
 * Keys for what a build can keep from the last one: a hash over named files and folders (path
 * and bytes), so any change to them makes a new key.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { filesUnder } from '../pipeline/util/files.ts';
import { projectRoot } from './paths.ts';

/** Hashes every file under each of `roots` (a file or a folder; missing ones count as empty). */
export async function filesKey(roots: readonly { label: string; path: string }[]): Promise<string> {
  const hash = createHash('sha256');
  for (const root of roots) {
    const under = await filesUnder(root.path);
    for (const f of under.length > 0 ? under : [root.path]) {
      const bytes = await readFile(f).catch(() => null);
      if (bytes === null) continue;
      hash.update(`\0${root.label}:${relative(root.path, f)}\0`);
      hash.update(bytes);
    }
  }
  return hash.digest('hex');
}

const code = (...paths: string[]) => paths.map((p) => ({ label: p, path: join(projectRoot, p) }));

/**
 * What a chart's SVG depends on besides its spec: the rendering code and the packages it uses.
 * Charts are kept per analysis under this key (src/site/charts/render.ts).
 */
export const chartRendererKey = async () => (await filesKey(code('src/site/charts', 'package-lock.json'))).slice(0, 16);

/**
 * Everything the customer site is built from: the customer model (its figures, and the account
 * keys the secret made), the content it reads (letters, published plans, stories), and the code
 * and packages that render it. A rebuild after editing only what customers never see (a
 * briefing, say) finds the same key.
 */
export const customerInputsKey = (customerModelFile: string, contentDir: string) =>
  filesKey([
    { label: 'model', path: customerModelFile },
    ...['letters', 'actions', 'stories'].map((c) => ({ label: `content/${c}`, path: join(contentDir, c) })),
    ...code('src/customer', 'src/shared', 'src/pipeline', 'public', 'astro.config.mjs', 'package-lock.json'),
  ]);

/** The built customer site as it is on disk: kept only when it is exactly what was written. */
export const siteKey = (dir: string) => filesKey([{ label: 'site', path: dir }]);
