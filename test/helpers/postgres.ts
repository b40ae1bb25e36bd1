/**
 * A real, throwaway PostgreSQL server for tests, driven through Debian's `postgresql` binaries
 * (initdb, pg_ctl, psql): no npm driver. It listens only on a Unix socket in a fresh temporary
 * folder, trusts every connection and skips fsync, so it is quick to start and touches nothing else.
 *
 * PostgreSQL refuses to run as root, so as root every binary, psql too, runs as the `postgres`
 * system user (`runuser`). `\copy` reads and writes files on the client side, that is as that user:
 * as root, put the files a script reads in a folder it can reach (chmod 0o755 or 0o777, files 0o644),
 * and the files it writes in a folder it may write to (0o777). tempDir() folders are 0o700.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface Postgres {
  socketDir: string;
  port: number;
  /** Runs `script` with psql (stopping at the first error) and returns its output; throws with psql's stderr. */
  psql(script: string, opts?: { cwd?: string }): string;
  /** Stops the server at once and removes its folder; safe to call again. */
  stop(): Promise<void>;
}

const ROOT = '/usr/lib/postgresql';
const asRoot = process.getuid?.() === 0;

/** The newest installed version's bin folder, or null. */
function binDir(): string | null {
  if (!existsSync(ROOT)) return null;
  const versions = readdirSync(ROOT)
    .filter((v) => existsSync(join(ROOT, v, 'bin', 'pg_ctl')) && existsSync(join(ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => parseFloat(b) - parseFloat(a));
  return versions[0] === undefined ? null : join(ROOT, versions[0], 'bin');
}

function psqlPath(bin: string): string | null {
  for (const path of [join(bin, 'psql'), '/usr/bin/psql']) if (existsSync(path)) return path;
  return null;
}

export function postgresAvailable(): boolean {
  const bin = binDir();
  return bin !== null && psqlPath(bin) !== null && (!asRoot || existsSync('/usr/sbin/runuser') || existsSync('/sbin/runuser'));
}

/** The command line for `cmd`, as the postgres user when we are root. */
const as = (cmd: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);

const run = promisify(execFile);

// Servers a crashed test never stopped: stop them when the worker exits rather than leak them.
const running = new Set<string>();
process.once('exit', () => {
  const bin = binDir();
  if (bin) for (const data of running) spawnSync(...as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']), { stdio: 'ignore' });
});

export async function startPostgres(): Promise<Postgres> {
  const bin = binDir();
  const psqlBin = bin && psqlPath(bin);
  if (!bin || !psqlBin) throw new Error(`PostgreSQL not found under ${ROOT}`);
  const base = mkdtempSync(join(tmpdir(), 'chorus-pg-'));
  const data = join(base, 'data');
  const socketDir = join(base, 'socket');
  const log = join(base, 'server.log');
  // The folder's name alone keeps sockets apart, so any port number will do.
  const port = 20_000 + Math.floor(Math.random() * 40_000);
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(base, id('-u'), id('-g'));
  }
  const pgCtl = join(bin, 'pg_ctl');
  const removeBase = () => rmSync(base, { recursive: true, force: true });
  try {
    await run(...as(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']));
    await run(...as('mkdir', ['-m', '0755', socketDir]));
    // Appending keeps the file's owner (postgres when root) and avoids quoting through pg_ctl -o.
    const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
    appendFileSync(
      join(data, 'postgresql.conf'),
      `\nlisten_addresses = ''\nunix_socket_directories = ${quote(socketDir)}\nport = ${port}\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n`,
    );
    running.add(data);
    await run(...as(pgCtl, ['-D', data, '-l', log, '-w', '-t', '30', 'start']));
  } catch (error) {
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '(no server log)';
    if (running.delete(data)) spawnSync(...as(pgCtl, ['-D', data, '-m', 'immediate', 'stop']), { stdio: 'ignore' });
    removeBase();
    // execFile's message already holds the command's stderr; the log says why the server failed.
    throw new Error(`PostgreSQL did not start: ${(error as Error).message}\nserver log:\n${serverLog}`, { cause: error });
  }

  let stopped = false;
  return {
    socketDir,
    port,
    psql(script, opts = {}) {
      const args = ['-h', socketDir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-X', '-q', '-f', '-'];
      const result = spawnSync(...as(psqlBin, args), { input: script, encoding: 'utf8', cwd: opts.cwd ?? process.cwd() });
      if (result.error) throw result.error;
      if (result.status !== 0) throw new Error(`psql failed (exit ${result.status}):\n${result.stderr}`);
      return result.stdout;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      running.delete(data);
      await run(...as(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop'])).catch(() => {});
      removeBase();
    },
  };
}
