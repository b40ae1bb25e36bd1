/**
 * Global setup of the e2e project: builds the demo program once, for every test file that
 * reads the demo's sites or exports (`inject('demoBuild')`), and removes it after the run.
 * It is built with a fixed account secret so the customer site has its per-account pages.
 * Tests must only read the build; a test that needs another program or another build of
 * this one makes its own with runCli.
 */
import type { TestProject } from 'vitest/node';
import { runCli, type CliRun } from '../helpers/build.ts';
import { removePending } from '../helpers/temp.ts';

export interface DemoBuild extends CliRun {
  /** The CHORUS_ACCOUNT_SECRET it was built with. */
  secret: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoBuild: DemoBuild;
  }
}

const DEMO_SECRET = 'test-secret-1';

export default function setup(project: TestProject) {
  const run = runCli('build', { secret: DEMO_SECRET });
  project.provide('demoBuild', { ...run, secret: DEMO_SECRET });
  // runCli's folders, made outside a test, wait for removePending.
  return removePending;
}
