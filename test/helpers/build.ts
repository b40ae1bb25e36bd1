/** Runs the real CLI (`npm run build|check` does the same) in a child process. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { removeLater, tempDir } from './temp.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  out: string;
}

/** The analysis cache folder runCli gives a build writing to `out`: beside it. */
export const cacheFor = (out: string) => join(out, '..', `${relative(tmpdir(), out).replace(/\W/g, '_')}-cache`);

/**
 * Runs `command` on a data folder (the demo's unless `data` is given). Without `out`, writes to a
 * fresh temporary folder; that folder and the cache beside `out` are removed after the test
 * (after the test file, when called from a hook; see temp.ts).
 */
export function runCli(command: 'build' | 'check' | 'init', env: { data?: string; out?: string; content?: string; secret?: string } = {}, args: string[] = []): CliRun {
  const out = env.out ?? tempDir('chorus-out-');
  removeLater(cacheFor(out));
  const r = spawnSync(process.execPath, [join(projectRoot, 'src/cli/main.ts'), command, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      INIT_CWD: projectRoot,
      CHORUS_OUT: out,
      CHORUS_CACHE: cacheFor(out),
      ...(env.data ? { CHORUS_DATA: env.data } : { CHORUS_DATA: join(projectRoot, 'data') }),
      // Without a content folder, the build takes the one beside the data folder.
      CHORUS_CONTENT: env.content ?? '',
      CHORUS_ACCOUNT_SECRET: env.secret ?? '',
    },
    maxBuffer: 64 << 20,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, out };
}

/** Every file under `dir`, as [path relative to dir, contents]. */
export function filesUnder(dir: string): [string, Buffer][] {
  const out: [string, Buffer][] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push([relative(dir, p), readFileSync(p)]);
    }
  };
  walk(dir);
  return out;
}
