/**
 * Runs an Astro build whose result lands in any folder, then moves it to `config.outDir`.
 *
 * Astro writes the server chunks it renders pages with into the output folder when it thinks that
 * folder is inside the working directory, and imports them from there; their bare package imports
 * only resolve when the chunks sit inside the project (beside node_modules). Its test is a string
 * prefix (`/x/chorus-site` "starts with" `/x/chorus`) and depends on the working directory, so a
 * sibling folder sharing the project's name broke the build. Building into a fresh folder under the
 * project's own `.chorus/` (with the project as working directory) keeps the chunks inside the
 * project whatever the output folder is; the finished site is then moved into place.
 */
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { AstroInlineConfig } from 'astro';
import { projectRoot } from './paths.ts';

export async function buildAstroSite(astroBuild: typeof import('astro').build, config: AstroInlineConfig & { outDir: string }): Promise<void> {
  const target = resolve(config.outDir);
  await mkdir(join(projectRoot, '.chorus'), { recursive: true });
  const staging = await mkdtemp(join(projectRoot, '.chorus', 'astro-build-'));
  const cwd = process.cwd();
  try {
    process.chdir(projectRoot);
    await astroBuild({ ...config, outDir: staging });
    await rm(target, { recursive: true, force: true });
    await mkdir(dirname(target), { recursive: true });
    // A rename where it can; a copy across file systems (EXDEV).
    await rename(staging, target).catch(() => cp(staging, target, { recursive: true }));
  } finally {
    process.chdir(cwd);
    await rm(staging, { recursive: true, force: true });
  }
}
