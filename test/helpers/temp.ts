/**
 * Temporary folders the tests make, removed when they are done with: at the end of the test
 * that made one, or, when made outside a test (a beforeAll hook, a global setup), by
 * `removePending()`, which test/setup/remove-temp.ts runs after each test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

const pending = new Set<string>();

const remove = (path: string) => rmSync(path, { recursive: true, force: true });

/** Removes `path` (if it exists by then) when the running test finishes, else with `removePending()`. */
export function removeLater(path: string): void {
  try {
    onTestFinished(() => remove(path));
  } catch {
    // Not inside a test: a hook or a global setup.
    pending.add(path);
  }
}

/** A fresh folder under the system's temporary folder, removed as `removeLater` says. */
export function tempDir(prefix = 'chorus-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  removeLater(dir);
  return dir;
}

/** Removes every folder registered outside a test. */
export function removePending(): void {
  for (const path of pending) remove(path);
  pending.clear();
}
