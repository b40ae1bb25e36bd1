/**
 * The embedded DuckDB, opened once per use and closed after. Used to read Parquet files and to
 * compute the cube and extract of big programs (engine/duckdb-engine.ts). Loaded on demand, so
 * a build on the default streaming path never loads the native module.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export interface Engine {
  connection: DuckDBConnection;
  close(): void;
}

/** Opens an in-memory DuckDB; `threads` caps its worker threads (default: DuckDB's, one per core). */
export async function openDuckDb(opts: { threads?: number; memoryLimit?: string; tempDirectory?: string } = {}): Promise<Engine> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const settings: Record<string, string> = {};
  if (opts.threads !== undefined) settings['threads'] = String(opts.threads);
  if (opts.memoryLimit !== undefined) settings['memory_limit'] = opts.memoryLimit;
  if (opts.tempDirectory !== undefined) settings['temp_directory'] = opts.tempDirectory;
  const instance = await DuckDBInstance.create(':memory:', settings);
  const connection = await instance.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A string as a SQL literal. */
export const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Writes a Parquet file's rows to a CSV file (header, comma, RFC 4180 quoting, NULL as empty)
 * so the same validated reader reads both formats: row N of the Parquet file is row N + 1 of
 * the CSV, and every message names the Parquet file.
 */
export async function parquetToCsv(parquet: string, csv: string): Promise<void> {
  const db = await openDuckDb();
  try {
    await db.connection.run(`COPY (SELECT * FROM read_parquet(${literal(parquet)})) TO ${literal(csv)} (FORMAT csv, HEADER true)`);
  } finally {
    db.close();
  }
}
