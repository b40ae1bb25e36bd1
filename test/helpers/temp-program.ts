/** Writes a data folder into a fresh temporary directory for one test. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function tempProgram(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-test-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}
