/**
 * Writes a data folder for one test: `<fresh temporary directory>/data`, so the folder beside
 * it (where a build looks for content) is empty unless the test writes one.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function tempProgram(files: Record<string, string | Buffer>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'chorus-test-')), 'data');
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}
