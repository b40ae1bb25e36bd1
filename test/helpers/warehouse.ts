/**
 * A warehouse's part of the cube path, for tests: loads a data folder's CSV files into a real SQL
 * engine (embedded DuckDB, or a throwaway PostgreSQL), runs the project's cube and extract
 * queries there (src/pipeline/sql/), and writes a new data folder holding the results in cube/
 * and extract/ beside the reference files, without responses/: what a CX team gets from its
 * warehouse and builds from.
 */
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { loadProgram } from '../../src/pipeline/config/load-program.ts';
import { scriptStatements, type TableColumns } from '../../src/pipeline/sql/cube-queries.ts';
import { literal, openDuckDb } from '../../src/pipeline/engine/duckdb.ts';
import type { Postgres } from './postgres.ts';
import { tempDir } from './temp.ts';
import { tempProgram } from './temp-program.ts';

const header = (path: string) => (Papa.parse<string[]>(readFileSync(path, 'utf8').split(/\r?\n/, 1)[0]!).data[0] ?? []).map((h) => h.trim());
const waveFiles = (dataDir: string) =>
  readdirSync(join(dataDir, 'responses'))
    .filter((f) => f.endsWith('.csv'))
    .sort();

/** A new data folder with the reference files of `dataDir` and empty cube/ and extract/ folders. */
function cubeFolder(dataDir: string): string {
  const out = join(tempDir('chorus-cube-'), 'data');
  mkdirSync(join(out, 'cube'), { recursive: true });
  mkdirSync(join(out, 'extract'), { recursive: true });
  for (const f of readdirSync(dataDir)) if (f !== 'responses') cpSync(join(dataDir, f), join(out, f), { recursive: true });
  return out;
}

function tables(dataDir: string): TableColumns {
  const responses = [...new Set(waveFiles(dataDir).flatMap((f) => header(join(dataDir, 'responses', f))))];
  const has = (f: string) => readdirSync(dataDir).includes(f);
  return { responses, contacts: has('contacts.csv') ? header(join(dataDir, 'contacts.csv')) : null, accounts: has('accounts.csv') ? header(join(dataDir, 'accounts.csv')) : null };
}

/** The cube and extract computed by DuckDB, written as CSV or Parquet. */
export async function duckdbCube(dataDir: string, format: 'csv' | 'parquet' = 'csv'): Promise<string> {
  const out = cubeFolder(dataDir);
  const { settings } = await loadProgram(dataDir);
  const t = tables(dataDir);
  const db = await openDuckDb();
  const c = db.connection;
  try {
    const read = (path: string) => `read_csv(${literal(path)}, all_varchar = true, header = true)`;
    await c.run(
      `CREATE TABLE responses AS ${waveFiles(dataDir)
        .map((f) => `SELECT ${literal(f.replace(/\.csv$/, ''))} AS wave, ROW_NUMBER() OVER () AS row_number, * FROM ${read(join(dataDir, 'responses', f))}`)
        .join(' UNION ALL BY NAME ')}`,
    );
    if (t.contacts) await c.run(`CREATE TABLE contacts AS SELECT * FROM ${read(join(dataDir, 'contacts.csv'))}`);
    if (t.accounts) await c.run(`CREATE TABLE accounts AS SELECT * FROM ${read(join(dataDir, 'accounts.csv'))}`);
    // The statements `npm run sql` prints, each written where docs/scale.md says.
    for (const s of scriptStatements(settings, t, 'duckdb'))
      await c.run(`COPY (${s.sql}) TO ${literal(join(out, `${s.file}.${format}`))} (FORMAT ${format}${format === 'csv' ? ', HEADER true' : ''})`);
  } finally {
    db.close();
  }
  return out;
}

/** The cube and extract computed by PostgreSQL from the same CSV files, loaded with psql's \copy. */
export async function postgresCube(pg: Postgres, dataDir: string): Promise<string> {
  const out = cubeFolder(dataDir);
  // psql's \copy runs as the server's user: let it read the inputs and write the results.
  for (const dir of [join(out, '..'), out, join(out, 'cube'), join(out, 'extract')]) chmodSync(dir, 0o777);
  const staged = join(tempDir('chorus-pg-in-'), 'in');
  cpSync(dataDir, staged, { recursive: true });
  for (const dir of [join(staged, '..'), staged, join(staged, 'responses')]) chmodSync(dir, 0o755);
  const { settings } = await loadProgram(dataDir);
  const t = tables(dataDir);
  const q = (id: string) => `"${id.replace(/"/g, '""')}"`;
  const textTable = (name: string, columns: readonly string[]) => `CREATE TABLE ${name} (${columns.map((c) => `${q(c)} text`).join(', ')});`;
  const copyIn = (table: string, columns: readonly string[], path: string) => `\\copy ${table} (${columns.map(q).join(', ')}) FROM ${literal(path)} CSV HEADER`;
  // A fresh schema per program, so one server serves several.
  const script: string[] = [
    'DROP SCHEMA IF EXISTS program CASCADE; CREATE SCHEMA program; SET search_path TO program;',
    `CREATE TABLE responses (wave text, row_number bigint, ${t.responses.map((c) => `${q(c)} text`).join(', ')});`,
  ];
  for (const f of waveFiles(dataDir)) {
    const columns = header(join(staged, 'responses', f));
    script.push(
      `DROP TABLE IF EXISTS stage; CREATE TABLE stage (n bigint GENERATED ALWAYS AS IDENTITY, ${columns.map((c) => `${q(c)} text`).join(', ')});`,
      copyIn('stage', columns, join(staged, 'responses', f)),
      `INSERT INTO responses (wave, row_number, ${columns.map(q).join(', ')}) SELECT ${literal(f.replace(/\.csv$/, ''))}, n, ${columns.map(q).join(', ')} FROM stage;`,
    );
  }
  for (const name of ['contacts', 'accounts'] as const) {
    const columns = t[name];
    if (columns) script.push(textTable(name, columns), copyIn(name, columns, join(staged, `${name}.csv`)));
  }
  // The statements `npm run sql -- --dialect postgres` prints; \copy takes its query on one line.
  for (const s of scriptStatements(settings, t, 'postgres')) script.push(`\\copy (${s.sql.replace(/\s+/g, ' ')}) TO ${literal(join(out, `${s.file}.csv`))} CSV HEADER`);
  pg.psql(script.join('\n'));
  return out;
}

/** Rows a warehouse may hold that ingest rejects: the queries leave them out as ingest does. */
export function dirtyWarehouseProgram(): string {
  const answers = (w: number) =>
    [
      ...Array.from({ length: 24 }, (_, i) => `w${w}r${i},C${(i + w) % 12},${(i * 5 + w) % 11},${i % 4 === 0},${1 + (i % 5)}`),
      `w${w}r1,C1,10,false,5`,
      `dup,C2,0,false,1`,
      `x${w}a,C99,9,false,4`,
      `x${w}b,C3,11,false,4`,
      `x${w}c,C4,7,false,6`,
      `x${w}d,C13,8,false,3`,
    ].join('\n');
  return tempProgram({
    'program.yml': 'min_group_size: 2\nsegments:\n  - { id: region, source: account }\nattributes:\n  - { id: support, label: Support, column: rating_support, scale: [1, 5] }\n',
    'accounts.csv': 'account_id,name,region\nA0,Zero,EMEA\nA1,One,APAC\nA2,Two,EMEA\n',
    'contacts.csv': `contact_id,account_id,name\n${Array.from({ length: 12 }, (_, i) => `C${i},A${i % 3},P${i}`).join('\n')}\nC13,A9,Nobody\n`,
    'responses/2026-Q1.csv': `response_id,contact_id,score,confidential,rating_support\n${answers(1)}\n`,
    'responses/2026-Q2.csv': `response_id,contact_id,score,confidential,rating_support\n${answers(2)}\n`,
  });
}
