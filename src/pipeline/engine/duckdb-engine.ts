/**
 * `CHORUS_ENGINE=duckdb` (or `engine: duckdb` in program.yml): the cube and record extract of a
 * big program computed by embedded DuckDB from the response files (CSV or Parquet), then read
 * by the cube path like a supplied cube. Validation is the row path's, not a copy of it: each
 * column's distinct values (scores, consent answers, ratings, dates: a few hundred, however
 * many rows) are read by the very cell readers ingest uses, and DuckDB joins their verdicts back
 * to the rows. Cross-row checks (duplicate ids, unknown contacts and accounts, a contact at
 * another account) are window functions and joins with the row path's rules and messages. The
 * report counts the same rows read, used, skipped and rejected.
 *
 * What it does not read (survey-tool exports with mapped columns, other encodings, separators
 * or day/month dates, skip rules): it says so and names the default engine.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgramSettings } from '../config/program-schema.ts';
import type { Account, Contact, Wave } from '../ingest/entities.ts';
import { FileTally, type FileReport, type Notice, type RowIssue, type StructuralIssue } from '../ingest/report.ts';
import { ratingColumnsOf } from '../ingest/ingest-program.ts';
import { id, optionalId, readConsent, score as scoreReader, rating as ratingReader, type CellReader } from '../schemas/cells.ts';
import { parseDate } from '../schemas/dates.ts';
import { isImportIdRow, isSubHeaderRow } from '../ingest/tool-rows.ts';
import { canonicalKey, matchHeader } from '../ingest/columns.ts';
import { ACCOUNT_MISMATCH, UNKNOWN_ACCOUNT, UNKNOWN_CONTACT, duplicateResponse, type ReferenceIssue } from '../ingest/reference-issues.ts';
import { responseColumnsFor } from '../schemas/response.ts';
import { cubeQueries } from '../sql/cube-queries.ts';
import type { CubeFiles } from '../ingest/ingest-cube.ts';
import { literal, openDuckDb } from './duckdb.ts';
import type { DuckDBConnection } from '@duckdb/node-api';

export interface EngineResult {
  files: CubeFiles;
  /** Named answers the per-person rule made confidential (their contact chose it in another wave). */
  moved: number;
  reports: FileReport[];
  notices: Notice[];
  structural: StructuralIssue[];
}

const ENGINE_FIX = 'build with the default engine (leave CHORUS_ENGINE unset and remove engine: duckdb from program.yml), which reads every export format';

/** Why the engine cannot read this program as the row path would; null when it can. */
function unsupported(settings: ProgramSettings): string | null {
  if (Object.keys(settings.columns.responses).length > 0) return 'columns.responses maps survey-tool columns';
  if (settings.csv.delimiter !== 'auto' && settings.csv.delimiter !== ',') return 'csv.delimiter is not a comma';
  if (settings.csv.skip_rows_after_header > 0) return 'csv.skip_rows_after_header is set';
  if (settings.responses.ids === 'row_number') return 'responses.ids is row_number';
  return null;
}

/** Reads a cell with an ingest reader: the value, or the problem. */
function verdict<T>(read: CellReader<T>, cell: string): { value: T } | { what: string; fix: string } {
  try {
    return {
      value: read(cell, (what, fix) => {
        throw { what, fix };
      }),
    };
  } catch (e) {
    if (e && typeof e === 'object' && 'what' in e) return e as { what: string; fix: string };
    throw e;
  }
}

async function rows(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

async function columnsOf(c: DuckDBConnection, table: string): Promise<string[]> {
  return (await rows(c, `SELECT column_name FROM information_schema.columns WHERE table_name = ${literal(table)} ORDER BY ordinal_position`)).map((r) => String(r['column_name']));
}

/** A table of one column's distinct values and what the reader makes of them. */
async function mapTable(c: DuckDBConnection, name: string, values: string[], read: (v: string) => { ok: boolean; value: string | null; what: string | null; fix: string | null }) {
  await c.run(`CREATE OR REPLACE TEMP TABLE ${name} (v VARCHAR, ok BOOLEAN, value VARCHAR, what VARCHAR, fix VARCHAR)`);
  for (let i = 0; i < values.length; i += 2000) {
    const batch = values.slice(i, i + 2000).map((v) => {
      const r = read(v);
      return `(${literal(v)}, ${r.ok}, ${r.value === null ? 'NULL' : literal(r.value)}, ${r.what === null ? 'NULL' : literal(r.what)}, ${r.fix === null ? 'NULL' : literal(r.fix)})`;
    });
    if (batch.length > 0) await c.run(`INSERT INTO ${name} VALUES ${batch.join(', ')}`);
  }
}

const distinct = async (c: DuckDBConnection, column: string) => (await rows(c, `SELECT DISTINCT ${column} AS v FROM raw WHERE ${column} IS NOT NULL`)).map((r) => String(r['v']));

export interface EngineOptions {
  dataDir: string;
  settings: ProgramSettings;
  waves: Wave[];
  /** Where the cube and extract files go. */
  workDir: string;
  /** accounts.csv and contacts.csv as ingest read and validated them. */
  accounts: Map<string, Account>;
  contacts: Map<string, Contact>;
  hasContacts: boolean;
  hasAccounts: boolean;
}

export async function duckdbEngine(o: EngineOptions): Promise<EngineResult> {
  const { settings } = o;
  const structural: StructuralIssue[] = [];
  const notices: Notice[] = [];
  const reports: FileReport[] = [];
  /** What the engine returns when it stops on a structural problem: no cube to read. */
  const stopped = (): EngineResult => ({ files: { scores: [], ratings: [], extract: [] }, moved: 0, reports, notices, structural });
  const why = unsupported(settings);
  if (why !== null) {
    structural.push({ file: 'program.yml', message: `the DuckDB engine reads responses in Chorus's own columns, and ${why}`, fix: ENGINE_FIX });
    return stopped();
  }
  mkdirSync(o.workDir, { recursive: true });
  // Bounded, spilling to the work folder: the JavaScript half of the build needs the rest.
  const db = await openDuckDb({ memoryLimit: '3GB', tempDirectory: join(o.workDir, 'spill') });
  const c = db.connection;
  try {
    // The reference tables exactly as ingest validated them (a contact ingest rejected is unknown here too).
    const accountSegs = settings.segments.filter((x) => x.source === 'auto' || x.source === 'account').map((x) => x.column ?? x.id);
    const contactSegs = settings.segments.filter((x) => x.source === 'auto' || x.source === 'contact').map((x) => x.column ?? x.id);
    const load = async (table: string, columns: string[], rowsOf: Iterable<(string | undefined)[]>) => {
      await c.run(`CREATE TABLE ${table} (${columns.map((x) => `${JSON.stringify(x)} VARCHAR`).join(', ')})`);
      const appender = await c.createAppender(table);
      for (const r of rowsOf) {
        for (const v of r)
          if (v === undefined) appender.appendNull();
          else appender.appendVarchar(v);
        appender.endRow();
      }
      appender.closeSync();
    };
    if (o.hasAccounts)
      await load(
        'accounts',
        ['account_id', ...new Set(accountSegs)],
        [...o.accounts.values()].map((a) => [a.id, ...[...new Set(accountSegs)].map((x) => a.segments[x])]),
      );
    // A contact's role is its program.yml role id, which the queries map to itself.
    if (o.hasContacts)
      await load(
        'contacts',
        ['contact_id', 'account_id', 'role', ...new Set(contactSegs)],
        [...o.contacts.values()].map((ct) => [ct.id, ct.accountId, ct.roleId, ...[...new Set(contactSegs)].map((x) => ct.segments[x])]),
      );
    const ratings = ratingColumnsOf(settings);
    const dateOrder = settings.csv.date_format === 'auto' ? 'iso' : settings.csv.date_format;
    await c.run(
      `CREATE TABLE responses (wave VARCHAR, wave_index INTEGER, row_number BIGINT, response_key VARCHAR, response_id VARCHAR, contact_id VARCHAR, account_id VARCHAR, score INTEGER, submitted_at VARCHAR, confidential BOOLEAN, comment VARCHAR, themes VARCHAR)`,
    );
    for (const wave of o.waves) {
      const file = wave.file!;
      const path = join(o.dataDir, file);
      const source = /\.parquet$/i.test(file)
        ? `read_parquet(${literal(path)})`
        : `read_csv(${literal(path)}, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"')`;
      // Spreadsheet row numbers: the header is row 1. A file DuckDB cannot read strictly (another
      // encoding, ragged rows) is the streaming path's to read, which reports such rows one by one.
      try {
        await c.run(`CREATE OR REPLACE TEMP TABLE raw AS SELECT ROW_NUMBER() OVER () + 1 AS row_number, * FROM ${source}`);
      } catch (e) {
        const why = String((e as Error).message)
          .split('\n')[0]!
          .slice(0, 200);
        structural.push({ file, message: `the DuckDB engine cannot read it as plain UTF-8 CSV with one field per header column (${why})`, fix: ENGINE_FIX });
        return stopped();
      }
      const headers = (await columnsOf(c, 'raw')).slice(1);
      // Headers are matched as the streaming path matches them ("Confidential", "Response ID"; segment and rating columns as written).
      const spec = responseColumnsFor(settings.responses.ids);
      const extra = [...settings.segments.filter((s) => s.source === 'auto' || s.source === 'response').map((s) => s.column ?? s.id), ...ratings.map((r) => r.column)];
      const match = matchHeader(
        file,
        headers.map((h) => h.trim()),
        { required: spec.required, optional: [...spec.optional, ...extra.filter((x) => !spec.optional.includes(x) && !spec.required.includes(x))] },
        {},
        'columns.responses',
        Object.fromEntries(extra.map((x) => [x, x])),
      );
      if (match.problems.length > 0) {
        structural.push(...match.problems);
        return stopped();
      }
      notices.push(...match.notices);
      const ignored = match.columns.filter((x) => x.canonical === null && x.header !== '').map((x) => JSON.stringify(x.header));
      if (ignored.length > 0) notices.push({ file, message: `columns not used: ${ignored.join(', ')}` });
      /** Canonical column -> the file's header. */
      const columns = new Map([...match.index].map(([canonical, at]) => [canonical, headers[at]!]));
      const keys = headers.map(canonicalKey);
      const rule = settings.responses.skip.find((r) => keys.includes(canonicalKey(r.column)));
      if (rule) {
        structural.push({
          file,
          message: `it has a "${rule.column}" column, whose rows responses.skip may skip (${rule.reason}); the DuckDB engine does not skip rows`,
          fix: ENGINE_FIX,
        });
        return stopped();
      }
      const firstTwo = await rows(c, `SELECT * EXCLUDE (row_number) FROM raw ORDER BY row_number LIMIT 2`);
      const cellsOf = (r: Record<string, unknown>) => headers.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h])));
      if (firstTwo.some((r, i) => (i === 0 && isSubHeaderRow(cellsOf(r))) || isImportIdRow(cellsOf(r)))) {
        structural.push({ file, message: "it starts with a survey tool's extra header rows", fix: ENGINE_FIX });
        return stopped();
      }
      const text = (col: string) => (columns.has(col) ? `CAST(raw.${JSON.stringify(columns.get(col))} AS VARCHAR)` : 'CAST(NULL AS VARCHAR)');

      // Each column's distinct values, read by ingest's own cell readers.
      await mapTable(c, 'score_map', columns.has('score') ? await distinct(c, text('score')) : [], (v) => {
        const r = verdict(scoreReader, v);
        return 'value' in r ? { ok: true, value: String(r.value), what: null, fix: null } : { ok: false, value: null, ...r };
      });
      const dates = columns.has('submitted_at') ? await distinct(c, text('submitted_at')) : [];
      if (settings.csv.date_format === 'auto' && dates.some((d) => d.trim() !== '' && parseDate(d, 'iso') === null && (parseDate(d, 'dmy') ?? parseDate(d, 'mdy')) !== null)) {
        structural.push({
          file,
          message: 'its dates are written day/month or month/day, which the DuckDB engine does not settle',
          fix: `set csv.date_format to dmy or mdy in program.yml, or ${ENGINE_FIX}`,
        });
        return stopped();
      }
      await mapTable(c, 'date_map', dates, (v) => {
        const d = v.trim() === '' ? null : parseDate(v, dateOrder);
        return { ok: true, value: d, what: null, fix: null };
      });
      const consents = columns.has('confidential') ? await distinct(c, text('confidential')) : [];
      await mapTable(c, 'consent_map', consents, (v) => {
        const said = v.trim() === '' ? null : readConsent(v, settings.csv.confidential_inverted);
        return { ok: true, value: said === null ? 'unclear' : said, what: null, fix: null };
      });
      const present = ratings.filter((r) => columns.has(r.column));
      for (const [k, r] of present.entries()) {
        const read = ratingReader(r.label, r.scale);
        await mapTable(c, `rating_map_${k}`, await distinct(c, text(r.column)), (v) => {
          const x = verdict(read, v);
          return 'value' in x ? { ok: true, value: x.value === undefined ? null : String(x.value), what: null, fix: null } : { ok: false, value: null, ...x };
        });
      }
      const idOk = (col: string, required: boolean) =>
        columns.has(col) ? `(NULLIF(TRIM(${text(col)}), '') IS ${required ? 'NOT NULL' : 'NULL'} OR LENGTH(TRIM(${text(col)})) <= 200)` : required ? 'FALSE' : 'TRUE';
      const blank = (col: string) => `NULLIF(TRIM(${text(col)}), '') IS NULL`;
      const ratingJoins = present.map((r, k) => `LEFT JOIN rating_map_${k} rm${k} ON rm${k}.v = ${text(r.column)}`).join(' ');
      // Cell verdicts: a row is rejected for a cell when its reader rejects it.
      const cellOk = [
        `(NULLIF(TRIM(${text('response_id')}), '') IS NOT NULL AND LENGTH(TRIM(${text('response_id')})) <= 200)`,
        `COALESCE(sm.ok, FALSE)`,
        idOk('contact_id', false),
        idOk('account_id', false),
        ...present.map((_, k) => `(rm${k}.v IS NULL OR rm${k}.ok)`),
      ].join(' AND ');
      const allBlank = headers.map((h) => `NULLIF(TRIM(CAST(raw.${JSON.stringify(h)} AS VARCHAR)), '') IS NULL`).join(' AND ');
      const responseIdExpr = settings.responses.ids === 'per_wave' ? `${literal(`${wave.id}/`)} || TRIM(${text('response_id')})` : `TRIM(${text('response_id')})`;
      await c.run(`CREATE OR REPLACE TEMP TABLE checked AS
        SELECT raw.row_number,
          ${allBlank} AS blank,
          ${headers.map((h) => `COALESCE(LENGTH(CAST(raw.${JSON.stringify(h)} AS VARCHAR)) - LENGTH(REPLACE(CAST(raw.${JSON.stringify(h)} AS VARCHAR), chr(10), '')), 0)`).join(' + ')} AS newlines,
          ${cellOk} AS cell_ok,
          ${responseIdExpr} AS response_id,
          TRIM(${text('response_id')}) AS raw_id,
          NULLIF(TRIM(${text('contact_id')}), '') AS contact_id,
          NULLIF(TRIM(${text('account_id')}), '') AS own_account,
          CAST(sm.value AS INTEGER) AS score,
          dm.value AS submitted_at,
          ${blank('submitted_at')} OR dm.value IS NOT NULL AS date_ok,
          ${columns.has('confidential') ? `COALESCE(cm.value, 'unclear')` : `'named'`} AS consent,
          ${text('comment')} AS comment,
          ${text('themes')} AS themes
          ${present.map((_, k) => `, CAST(rm${k}.value AS DOUBLE) AS ${JSON.stringify(`rating_${k}`)}`).join('')}
          ${settings.segments
            .filter((s) => s.source === 'auto' || s.source === 'response')
            .filter((s) => columns.has(s.column ?? s.id))
            .map((s) => `, NULLIF(TRIM(${text(s.column ?? s.id)}), '') AS ${JSON.stringify(`segment_${s.column ?? s.id}`)}`)
            .join('')}
        FROM raw
        LEFT JOIN score_map sm ON sm.v = ${text('score')}
        LEFT JOIN date_map dm ON dm.v = ${text('submitted_at')}
        LEFT JOIN consent_map cm ON cm.v = ${text('confidential')}
        ${ratingJoins}`);
      // Trailing blank rows are not rows; blank rows between data rows are skipped.
      await c.run(`DELETE FROM checked WHERE blank AND row_number > (SELECT COALESCE(MAX(row_number), 0) FROM checked WHERE NOT blank)`);
      // Cross-row checks, in ingest's order: a duplicate of an earlier used row, then the contact, then the account.
      await c.run(`CREATE OR REPLACE TEMP TABLE judged AS
        SELECT k.*, ${o.hasContacts ? 'ct.account_id' : 'CAST(NULL AS VARCHAR)'} AS contact_account,
          CASE
            WHEN k.contact_id IS NOT NULL AND ${o.hasContacts ? 'ct.contact_id IS NULL' : 'FALSE'} THEN ${literal(UNKNOWN_CONTACT.code)}
            WHEN k.own_account IS NOT NULL AND ${o.hasContacts ? `NULLIF(TRIM(ct.account_id), '') IS NOT NULL AND TRIM(ct.account_id) <> k.own_account` : 'FALSE'} THEN ${literal(ACCOUNT_MISMATCH.code)}
            WHEN COALESCE(${o.hasContacts ? `NULLIF(TRIM(ct.account_id), '')` : 'NULL'}, k.own_account) IS NOT NULL AND ${o.hasAccounts ? `ac.account_id IS NULL` : 'FALSE'} THEN ${literal(UNKNOWN_ACCOUNT.code)}
          END AS reference_problem
        FROM checked k
        ${o.hasContacts ? 'LEFT JOIN contacts ct ON ct.contact_id = k.contact_id' : ''}
        ${o.hasAccounts ? `LEFT JOIN accounts ac ON ac.account_id = COALESCE(${o.hasContacts ? 'ct.account_id' : 'NULL'}, k.own_account)` : ''}
        WHERE NOT k.blank AND k.cell_ok`);
      // A row is used when its cells and references are good and no earlier row of the program used its id.
      await c.run(`CREATE OR REPLACE TEMP TABLE used AS SELECT * FROM judged WHERE reference_problem IS NULL`);
      await c.run(`CREATE OR REPLACE TEMP TABLE firsts AS
        SELECT u.response_id, MIN(u.row_number) AS row_number FROM used u
        WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.response_key = u.response_id) GROUP BY u.response_id`);

      // The report: rejected rows come back to be described, in row order.
      const tally = new FileTally(file);
      tally.report.columns = match.columns;
      // Where each id was first used: an earlier file, or this file's first good row of it.
      await c.run(`CREATE OR REPLACE TEMP TABLE prior AS
        SELECT response_key AS response_id, wave, row_number FROM responses WHERE response_key IN (SELECT response_id FROM judged)
        UNION ALL SELECT response_id, ${literal(wave.id)}, row_number FROM firsts`);
      const rejected = await rows(
        c,
        `SELECT k.row_number, ln.line, k.cell_ok, j.reference_problem, p.wave AS prior_wave, p.row_number AS prior_row,
           p.response_id IS NOT NULL AND (p.wave <> ${literal(wave.id)} OR p.row_number < k.row_number) AS duplicate
         FROM checked k
         LEFT JOIN judged j ON j.row_number = k.row_number
         LEFT JOIN prior p ON p.response_id = j.response_id
         JOIN (SELECT row_number, row_number + COALESCE(SUM(newlines) OVER (ORDER BY row_number ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS line FROM checked) ln ON ln.row_number = k.row_number
         WHERE NOT k.blank AND (NOT k.cell_ok OR j.reference_problem IS NOT NULL OR (p.response_id IS NOT NULL AND (p.wave <> ${literal(wave.id)} OR p.row_number < k.row_number)))
         ORDER BY k.row_number`,
      );
      const blanks = Number((await rows(c, `SELECT COUNT(*) AS n FROM checked WHERE blank`))[0]!['n']);
      const raws = new Map<number, Record<string, unknown>>();
      const badCells = rejected.filter((r) => !r['cell_ok']).map((r) => Number(r['row_number']));
      for (let i = 0; i < badCells.length; i += 1000)
        for (const r of await rows(c, `SELECT * FROM raw WHERE row_number IN (${badCells.slice(i, i + 1000).join(',')})`)) raws.set(Number(r['row_number']), r);
      const byRow = new Map<number, RowIssue[]>();
      for (const r of rejected) {
        const row = Number(r['row_number']);
        const issue = (code: string, column: string | undefined, value: string | undefined, message: string, fix: string): RowIssue => {
          // The line where the row starts: later than its row number after fields holding line breaks.
          const i: RowIssue = { file, row, line: Number(r['line']), code, message, fix };
          if (column !== undefined) i.column = columns.get(column) ?? column;
          if (value !== undefined && column !== undefined && !spec.identity.includes(column)) i.value = value;
          return i;
        };
        let issues: RowIssue[];
        if (!r['cell_ok']) issues = cellIssues(raws.get(row)!, (canonical) => columns.get(canonical), present, issue);
        else {
          // The reference problem, or the duplicate it first is (ingest checks the id first), worded as ingest words it.
          const where = r['duplicate'] ? o.waves.find((w) => w.id === r['prior_wave'])!.file! : '';
          const ref = r['duplicate']
            ? duplicateResponse(`${where}, row ${Number(r['prior_row'])}`, where !== file && settings.responses.ids === 'unique')
            : (({ 'contact_id.unknown': UNKNOWN_CONTACT, 'account_id.mismatch': ACCOUNT_MISMATCH } as Record<string, ReferenceIssue>)[String(r['reference_problem'])] ??
              UNKNOWN_ACCOUNT);
          issues = [issue(ref.code, ref.column, undefined, ref.message, ref.fix)];
        }
        byRow.set(row, issues);
      }
      for (const [, issues] of [...byRow].sort((a, b) => a[0] - b[0])) tally.rejected(issues);
      // The used rows, into the program's responses table (ids used by a later file are duplicates there).
      const segmentColumns = settings.segments.filter((s) => (s.source === 'auto' || s.source === 'response') && columns.has(s.column ?? s.id)).map((s) => s.column ?? s.id);
      const ratingNames = present.map((r) => r.column);
      for (const s of segmentColumns) await c.run(`ALTER TABLE responses ADD COLUMN IF NOT EXISTS ${JSON.stringify(s)} VARCHAR`);
      for (const r of ratingNames) await c.run(`ALTER TABLE responses ADD COLUMN IF NOT EXISTS ${JSON.stringify(r)} DOUBLE`);
      const insertCols = [
        'wave',
        'wave_index',
        'row_number',
        'response_key',
        'response_id',
        'contact_id',
        'account_id',
        'score',
        'submitted_at',
        'confidential',
        'comment',
        'themes',
        ...segmentColumns,
        ...ratingNames,
      ];
      await c.run(`INSERT INTO responses (${insertCols.map((x) => JSON.stringify(x)).join(', ')})
        SELECT ${literal(wave.id)}, ${wave.index}, u.row_number, u.response_id, u.raw_id, u.contact_id, COALESCE(NULLIF(TRIM(u.contact_account), ''), u.own_account), u.score, u.submitted_at,
          u.consent <> 'named', u.comment, u.themes
          ${segmentColumns.map((s) => `, u.${JSON.stringify(`segment_${s}`)}`).join('')}${present.map((_, k) => `, u.${JSON.stringify(`rating_${k}`)}`).join('')}
        FROM used u JOIN firsts f ON f.response_id = u.response_id AND f.row_number = u.row_number`);
      const counts = (
        await rows(
          c,
          `SELECT COUNT(*) AS used, COUNT(*) FILTER (WHERE consent = 'unclear') AS unclear, COUNT(*) FILTER (WHERE NOT date_ok) AS undated, MIN(CASE WHEN NOT date_ok THEN row_number END) AS first_undated FROM used u JOIN firsts f USING (response_id, row_number)`,
        )
      )[0]!;
      const used = Number(counts['used']);
      tally.report.rows += used + blanks;
      tally.report.used += used;
      tally.report.skipped += blanks;
      reports.push(tally.finish());
      const undated = Number(counts['undated']);
      if (undated > 0) {
        const example = String((await rows(c, `SELECT CAST(submitted_at AS VARCHAR) AS v FROM raw WHERE row_number = ${Number(counts['first_undated'])}`))[0]!['v']);
        notices.push({
          file,
          message: `${undated.toLocaleString('en-US')} response${undated === 1 ? ' has a' : 's have a'} submitted date that is not a date (e.g. ${JSON.stringify(example.length > 40 ? `${example.slice(0, 40)}…` : example)}): kept, without a date`,
        });
      }
      const unclear = Number(counts['unclear']);
      if (unclear > 0)
        notices.push({
          file,
          confidential: true,
          message: `${unclear.toLocaleString('en-US')} answer${unclear === 1 ? '' : 's'} to the confidentiality question ${unclear === 1 ? 'was' : 'were'} blank or unreadable: counted as confidential, never as consent to be named (write true/false, yes/no or 1/0)`,
        });
    }
    // The cube and the extract, by the same queries a warehouse runs (docs/scale.md).
    const responseColumns = await columnsOf(c, 'responses');
    // The responses table holds consent as read (inversion applied), so the queries must not invert it again.
    const q = cubeQueries(
      { ...settings, csv: { ...settings.csv, confidential_inverted: false } },
      { responses: responseColumns, contacts: o.hasContacts ? await columnsOf(c, 'contacts') : null, accounts: o.hasAccounts ? await columnsOf(c, 'accounts') : null },
      'duckdb',
    );
    // A table, not a view: the ratings query reads it once per attribute.
    await c.run(`CREATE TEMP TABLE answers AS ${q.answers}`);
    const files: CubeFiles = { scores: [join(o.workDir, 'scores.csv')], ratings: [], extract: [join(o.workDir, 'extract.csv')] };
    await c.run(`COPY (${q.scores}) TO ${literal(files.scores[0]!)} (FORMAT csv, HEADER true)`);
    if (q.ratings) {
      files.ratings.push(join(o.workDir, 'ratings.csv'));
      await c.run(`COPY (${q.ratings}) TO ${literal(files.ratings[0]!)} (FORMAT csv, HEADER true)`);
    }
    await c.run(`COPY (${q.extract}) TO ${literal(files.extract[0]!)} (FORMAT csv, HEADER true)`);
    const moved = Number((await rows(c, `SELECT COUNT(*) AS n FROM answers WHERE confidential AND NOT own_choice`))[0]!['n']);
    return { files, moved, reports, notices, structural };
  } finally {
    db.close();
  }
}

/** Every cell problem of a rejected row, by ingest's readers, in the schema's order. */
function cellIssues(
  raw: Record<string, unknown>,
  headerOf: (canonical: string) => string | undefined,
  ratings: { column: string; label: string; scale: readonly [number, number] }[],
  issue: (code: string, column: string | undefined, value: string | undefined, message: string, fix: string) => RowIssue,
): RowIssue[] {
  const cell = (c: string) => {
    const h = headerOf(c);
    return h === undefined || raw[h] === null || raw[h] === undefined ? undefined : String(raw[h]);
  };
  const out: RowIssue[] = [];
  const check = (column: string, read: CellReader<unknown>) => {
    const v = cell(column);
    const r = verdict(read, v as string);
    if (!('value' in r)) out.push(issue(`${column}.invalid`, column, v, r.what, r.fix));
  };
  for (const r of ratings) check(r.column, ratingReader(r.label, r.scale));
  check('response_id', id('response id'));
  check('score', scoreReader);
  check('contact_id', optionalId('contact id'));
  check('account_id', optionalId('account id'));
  return out;
}
