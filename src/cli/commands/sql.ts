/**
 * `npm run sql -- [--dialect duckdb|postgres|spark|bigquery|trino|snowflake] [--out file.sql]`:
 * the cube and extract queries for the data folder's program (docs/scale.md), written from its
 * program.yml and the columns its files have, printed or written to a file (npm prints its own
 * banner before a script's output: `--out`, or `npm run -s sql`, keeps it out of the SQL). Run
 * them where the responses live; write their results to cube/ and extract/ of a data folder
 * without responses/.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { loadProgram } from '../../pipeline/config/load-program.ts';
import { cubeScript } from '../../pipeline/sql/cube-queries.ts';
import { DIALECTS, RULES, type Dialect } from '../../pipeline/sql/dialects.ts';
import type { Paths } from '../paths.ts';

/** A CSV file's header, or null when there is no such file. */
function header(path: string): string[] | null {
  try {
    const first = readFileSync(path, 'utf8').split(/\r?\n/, 1)[0] ?? '';
    return (Papa.parse<string[]>(first.replace(/^\uFEFF/, '')).data[0] ?? []).map((h) => h.trim());
  } catch {
    return null;
  }
}

export async function sql(paths: Paths, args: string[]): Promise<number> {
  const at = args.indexOf('--dialect');
  const dialect = (at >= 0 ? args[at + 1] : 'duckdb') as Dialect;
  if (!DIALECTS.includes(dialect)) {
    console.error(`--dialect is one of ${DIALECTS.join(', ')}`);
    return 2;
  }
  const { settings } = await loadProgram(paths.data);
  // The responses table has the columns of the response files (their union), plus wave and row_number.
  let responses: string[] = [];
  try {
    for (const f of readdirSync(join(paths.data, 'responses')).filter((n) => n.endsWith('.csv')))
      responses = [...new Set([...responses, ...(header(join(paths.data, 'responses', f)) ?? [])])];
  } catch {
    // No response files: the program's own column names.
    responses = ['response_id', 'submitted_at', 'contact_id', 'account_id', 'score', 'comment', 'confidential', 'themes'];
  }
  const script = cubeScript(settings, { responses, contacts: header(join(paths.data, 'contacts.csv')), accounts: header(join(paths.data, 'accounts.csv')) }, dialect);
  const text = `-- Chorus cube and record extract for ${settings.program.name}, ${RULES[dialect].name} (npm run sql -- --dialect ${dialect}; docs/scale.md)\n\n${script}`;
  const out = args.indexOf('--out');
  if (out >= 0 && args[out + 1]) {
    const target = resolve(process.env['INIT_CWD'] ?? process.cwd(), args[out + 1]!);
    writeFileSync(target, text);
    console.error(`Wrote the ${RULES[dialect].name} queries to ${target}`);
  } else process.stdout.write(text);
  return 0;
}
