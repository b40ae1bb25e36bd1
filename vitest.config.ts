import { defineConfig } from 'vitest/config';

// After each test file, remove the temporary folders its hooks made (test/helpers/temp.ts).
const setupFiles = ['test/setup/remove-temp.ts'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], setupFiles } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          setupFiles,
          // The demo program, built once for every file (inject('demoBuild')).
          globalSetup: ['test/setup/demo-build.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // Builds and a browser: one file at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
