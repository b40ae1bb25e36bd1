/**
 * Any output folder works, including one whose path begins with the project's own path as a
 * string (project at ~/chorus, site at ~/chorus-site): Astro once took such a folder for one inside
 * the project, wrote its render chunks there and could not import their packages.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { runCli, projectRoot } from '../helpers/build.ts';

// A sibling of the project; the build's cache folder goes beside the site, inside it too.
const sibling = `${projectRoot}-site-${randomBytes(4).toString('hex')}`;
afterAll(() => rmSync(sibling, { recursive: true, force: true }));

describe('CHORUS_OUT', () => {
  it('builds into a folder outside the project whose path starts with the project’s path', () => {
    const run = runCli('build', { out: join(sibling, 'site') });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(run.out, 'internal', 'index.html'))).toBe(true);
    expect(existsSync(join(run.out, 'customers', 'index.html'))).toBe(true);
    expect(existsSync(join(run.out, 'internal', '.prerender'))).toBe(false);
  });
});
