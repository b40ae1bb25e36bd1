/**
 * Writes a data folder for one test: `<fresh temporary directory>/data`, so the folder beside
 * it (where a build looks for content) is empty unless the test writes one. The temporary
 * directory is removed after the test (see temp.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from './temp.ts';

export function tempProgram(files: Record<string, string | Buffer>): string {
  const dir = join(tempDir('chorus-test-'), 'data');
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}
