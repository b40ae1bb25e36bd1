/**
 * Keys for what a build can keep from the last one (hashes of named files and folders, see
 * hashTrees), so any change to them makes a new key.
 */
import { join } from 'node:path';
import { hashTrees } from '../pipeline/util/files.ts';
import { projectRoot } from './paths.ts';

const code = (...paths: string[]) => paths.map((p) => ({ label: p, path: join(projectRoot, p) }));

/**
 * What a chart's SVG depends on besides its spec: the rendering code and the packages it uses.
 * Charts are kept per analysis under this key (src/site/charts/render.ts).
 */
export const chartRendererKey = async () => (await hashTrees(code('src/site/charts', 'src/shared/design', 'package-lock.json'))).slice(0, 16);

/**
 * Everything the customer site is built from: the customer model (its figures, and the account
 * keys the secret made), the content it reads (letters, published plans, stories), and the code
 * and packages that render it. A rebuild after editing only what customers never see (a
 * briefing, say) finds the same key.
 */
export const customerInputsKey = (customerModelFile: string, contentDir: string) =>
  hashTrees([
    { label: 'model', path: customerModelFile },
    ...['letters', 'actions', 'stories'].map((c) => ({ label: `content/${c}`, path: join(contentDir, c) })),
    ...code('src/customer', 'src/shared', 'src/pipeline', 'public', 'astro.config.mjs', 'package-lock.json'),
  ]);

/** The built customer site as it is on disk: kept only when it is exactly what was written. */
export const siteKey = (dir: string) => hashTrees([{ label: 'site', path: dir }]);
