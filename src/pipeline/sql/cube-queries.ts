/**
 * The cube and extract queries (docs/scale.md), written from a program's settings for one SQL
 * dialect. They read three tables in Chorus's own column format (`responses` with a `wave` and
 * a `row_number` column, `contacts`, `accounts`) and compute exactly what the row path computes:
 *
 * - `answers`: each response with its account (the contact's, else its own), role id (contacts'
 *   role through program.yml's aliases), segment values (by each dimension's source), whether
 *   it is its contact's first answer in the wave, and confidentiality per person (a blank or
 *   NULL answer is confidential; whoever chose confidentiality in any wave is confidential in all);
 * - `scores`: the cells (wave × account × role × confidential × segments) with `people`,
 *   `score_0` … `score_10`, `dated` and `last_submitted`;
 * - `ratings`: per cell and rated attribute, the tallies of cube/cube.ts's RATING_FIELDS;
 * - `extract`: every answer that carries more than its score (named, or with a contact, an
 *   account, a comment or themes), in answer order.
 */
import type { ProgramSettings } from '../config/program-schema.ts';
import { ratingColumnsOf, ratingIdsOf, roleKey } from '../ingest/ingest-program.ts';
import { NOT_KNOWN, lowRating } from '../cube/cube.ts';
import { RULES, ident, str, type Dialect } from './dialects.ts';
import { segmentColumn } from '../schemas/cube-input.ts';

/** The columns each input table has (segment and rating columns are looked up only where they are). */
export interface TableColumns {
  responses: readonly string[];
  contacts: readonly string[] | null;
  accounts: readonly string[] | null;
}

export interface CubeQueries {
  /** The shared first step, a view (or CTE body) named `answers`. */
  answers: string;
  scores: string;
  ratings: string | null;
  extract: string;
}

/** The queries for a program; each of scores, ratings and extract reads the `answers` view. */
export function cubeQueries(settings: ProgramSettings, tables: TableColumns, d: Dialect): CubeQueries {
  const q = (id: string) => ident(d, id);
  const lit = (s: string) => str(d, s);
  const { text, float } = RULES[d];
  const has = (table: readonly string[] | null, column: string) => table !== null && table.includes(column);
  const blankToNull = (expr: string) => `NULLIF(TRIM(CAST(${expr} AS ${text})), '')`;

  const has_ = (col: string) => has(tables.responses, col);
  const contactJoin = tables.contacts !== null && has_('contact_id') && has(tables.contacts, 'contact_id');
  const ownAccount = has_('account_id') ? blankToNull('r.account_id') : null;
  const contactAccount = contactJoin && has(tables.contacts, 'account_id') ? blankToNull('c.account_id') : null;
  const account = contactAccount && ownAccount ? `COALESCE(${contactAccount}, ${ownAccount})` : (contactAccount ?? ownAccount);
  // Role ids from contacts.csv's free text, as ingest maps them.
  const roleCases: string[] = [];
  for (const [id, r] of Object.entries(settings.roles)) for (const name of new Set([id, r.label, ...r.aliases].map(roleKey))) roleCases.push(`WHEN ${lit(name)} THEN ${lit(id)}`);
  const roleText = RULES[d].dashesToSpace(`LOWER(TRIM(c.role))`);
  const role = contactJoin && has(tables.contacts, 'role') && roleCases.length > 0 ? `CASE ${roleText} ${roleCases.join(' ')} END` : `CAST(NULL AS ${text})`;

  const segments = settings.segments.map((s) => {
    const col = s.column ?? s.id;
    const from: string[] = [];
    if ((s.source === 'auto' || s.source === 'response') && has(tables.responses, col)) from.push(blankToNull(`r.${q(col)}`));
    if ((s.source === 'auto' || s.source === 'contact') && contactJoin && has(tables.contacts, col)) from.push(blankToNull(`c.${q(col)}`));
    if ((s.source === 'auto' || s.source === 'account') && account !== null && has(tables.accounts, col)) from.push(blankToNull(`a.${q(col)}`));
    return { column: q(segmentColumn(s.id)), expr: `COALESCE(${[...from, lit(NOT_KNOWN)].join(', ')})` };
  });
  const ids = ratingIdsOf(settings);
  const ratings = ratingColumnsOf(settings).map((c, k) => ({
    id: ids[k]!,
    column: c.column,
    lo: c.scale[0],
    hi: c.scale[1],
    low: lowRating(c.scale),
  }));
  const present = ratings.filter((r) => has(tables.responses, r.column));

  const responseId = settings.responses.ids === 'per_wave' ? `r.wave || '/' || TRIM(CAST(r.response_id AS ${text}))` : `TRIM(CAST(r.response_id AS ${text}))`;
  // One row per id (ingest keeps the first; a warehouse's keys are unique), contacts of known accounts only.
  const accountsTable = `(SELECT * FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY t.account_id ORDER BY t.account_id) AS one FROM accounts t) u WHERE u.one = 1)`;
  const knownAccount =
    tables.accounts !== null && has(tables.accounts, 'account_id') && has(tables.contacts, 'account_id')
      ? ` AND (t.account_id IS NULL OR t.account_id IN (SELECT account_id FROM accounts))`
      : '';
  const contactsTable = `(SELECT * FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY t.contact_id ORDER BY t.contact_id) AS one FROM contacts t WHERE TRUE${knownAccount}) u WHERE u.one = 1)`;
  const joins = [
    contactJoin ? `LEFT JOIN ${contactsTable} c ON c.contact_id = r.contact_id` : '',
    tables.accounts !== null && has(tables.accounts, 'account_id') && account !== null ? `LEFT JOIN ${accountsTable} a ON a.account_id = ${account}` : '',
  ].filter(Boolean);
  // The rows ingest would reject: a score that is not a whole number from 0 to 10, a rating off its scale, an unknown
  // contact or account, a contact's answer under another account.
  const scoreText = `TRIM(CAST(r.score AS ${text}))`;
  const scoreValue = `CASE ${Array.from({ length: 11 }, (_, k) => `WHEN ${scoreText} IN ('${k}', '${k}.0') THEN ${k}`).join(' ')} END`;
  const valid = [`${scoreValue} IS NOT NULL`, `NULLIF(TRIM(CAST(r.response_id AS ${text})), '') IS NOT NULL`];
  for (const r of present) {
    const x = `CAST(r.${q(r.column)} AS ${float})`;
    valid.push(`(r.${q(r.column)} IS NULL OR (${x} BETWEEN ${r.lo} AND ${r.hi} AND ${x} = FLOOR(${x})))`);
  }
  if (contactJoin) valid.push(`(r.contact_id IS NULL OR c.contact_id IS NOT NULL)`);
  if (contactAccount && ownAccount) valid.push(`(${contactAccount} IS NULL OR ${ownAccount} IS NULL OR ${contactAccount} = ${ownAccount})`);
  if (tables.accounts !== null && has(tables.accounts, 'account_id') && account !== null) valid.push(`(${account} IS NULL OR a.account_id IS NOT NULL)`);
  // A contact's own answer, read as ingest reads it: yes/true/1 (or no/false/0 when csv.confidential_inverted says the
  // column asks "may we name you?"); blank, NULL or anything else is confidential (it fails safe).
  const said = `LOWER(TRIM(CAST(r.confidential AS ${text})))`;
  const inverted = settings.csv.confidential_inverted;
  const yes = `${said} IN ('true', 't', '1', 'yes', 'y')`;
  const no = `${said} IN ('false', 'f', '0', 'no', 'n')`;
  const own = has_('confidential') ? `CASE WHEN ${inverted ? yes : no} THEN FALSE ELSE TRUE END` : 'FALSE';
  const answers = `SELECT
    r.wave AS wave,
    r.row_number AS row_number,
    ${responseId} AS response_id,
    ${has_('contact_id') ? blankToNull('r.contact_id') : `CAST(NULL AS ${text})`} AS contact_id,
    ${account ?? `CAST(NULL AS ${text})`} AS account_id,
    ${role} AS role,
    ${scoreValue} AS score,
    ${has_('submitted_at') ? `CAST(SUBSTR(CAST(r.submitted_at AS ${text}), 1, 10) AS DATE)` : 'CAST(NULL AS DATE)'} AS submitted_at,
    ${has_('comment') ? 'r.comment' : `CAST(NULL AS ${text})`} AS comment,
    ${has_('themes') ? 'r.themes' : `CAST(NULL AS ${text})`} AS themes,
    ${own} AS own_choice${segments.map((s) => `,\n    ${s.expr} AS ${s.column}`).join('')}${present.map((r) => `,\n    CAST(r.${q(r.column)} AS ${float}) AS ${q(`rating_${r.id}`)}`).join('')}
  FROM responses r
  ${joins.join('\n  ')}
  WHERE ${valid.join('\n    AND ')}`;
  // The first good row of an id is used; later ones are duplicates (ingest's order: waves, then rows).
  const firstOfId = `SELECT y.* FROM (SELECT z.*, ROW_NUMBER() OVER (PARTITION BY z.response_id ORDER BY z.wave, z.row_number) AS id_rank FROM (${answers.replace(/\n/g, '\n  ')}) z) y WHERE y.id_rank = 1`;
  const person = `SELECT x.*,
    CASE WHEN x.contact_id IS NOT NULL AND MAX(CASE WHEN x.own_choice THEN 1 ELSE 0 END) OVER (PARTITION BY x.contact_id) = 1 THEN TRUE ELSE x.own_choice END AS confidential,
    CASE WHEN x.contact_id IS NULL OR ROW_NUMBER() OVER (PARTITION BY x.wave, x.contact_id ORDER BY x.row_number) = 1 THEN 1 ELSE 0 END AS first_answer
  FROM (${firstOfId}) x`;

  const keys = ['wave', 'account_id', 'role', 'confidential', ...segments.map((s) => s.column)];
  const scores = `SELECT ${keys.join(', ')},
  SUM(first_answer) AS people,
  ${Array.from({ length: 11 }, (_, s) => `SUM(CASE WHEN score = ${s} THEN 1 ELSE 0 END) AS score_${s}`).join(',\n  ')},
  COUNT(submitted_at) AS dated,
  CAST(MAX(submitted_at) AS ${text}) AS last_submitted
FROM answers
GROUP BY ${keys.join(', ')}
ORDER BY ${keys.join(', ')}`;

  const category = (name: string, lo: number, hi: number, x: string, low: number) => [
    `SUM(CASE WHEN score BETWEEN ${lo} AND ${hi} THEN 1 ELSE 0 END) AS ${name}_n`,
    `SUM(CASE WHEN score BETWEEN ${lo} AND ${hi} THEN ${x} ELSE 0 END) AS ${name}_sum`,
    `SUM(CASE WHEN score BETWEEN ${lo} AND ${hi} AND ${x} <= ${low} THEN 1 ELSE 0 END) AS ${name}_low`,
  ];
  const ratingSql =
    present.length === 0
      ? null
      : present
          .map((r) => {
            const x = q(`rating_${r.id}`);
            return `SELECT ${keys.join(', ')}, ${lit(r.id)} AS attribute,
  ${[...category('detractor', 0, 6, x, r.low), ...category('passive', 7, 8, x, r.low), ...category('promoter', 9, 10, x, r.low)].join(',\n  ')},
  COUNT(*) AS n,
  SUM(${x}) AS sum_rating,
  SUM(score) AS sum_score,
  SUM(${x} * ${x}) AS sum_rating_sq,
  SUM(score * score) AS sum_score_sq,
  SUM(${x} * score) AS sum_rating_score
FROM answers
WHERE ${x} IS NOT NULL
GROUP BY ${keys.join(', ')}`;
          })
          .join('\nUNION ALL\n') + `\nORDER BY ${[...keys, 'attribute'].join(', ')}`;

  const extract = `SELECT wave, response_id, contact_id, account_id, role, score, confidential,
  CAST(submitted_at AS ${text}) AS submitted_at, comment, themes
FROM answers
WHERE NOT confidential OR contact_id IS NOT NULL OR account_id IS NOT NULL
  OR NULLIF(TRIM(comment), '') IS NOT NULL OR NULLIF(TRIM(themes), '') IS NOT NULL
ORDER BY wave, row_number`;

  return { answers: person, scores, ratings: ratingSql, extract };
}

/**
 * One script of three statements, each ending in `;`, each reading `answers` as a common table
 * expression: no view to create, so it runs where the input tables are temporary (Spark) or
 * qualified by dataset (BigQuery).
 */
export function cubeScript(settings: ProgramSettings, tables: TableColumns, d: Dialect): string {
  return scriptStatements(settings, tables, d)
    .map((x) => `-- ${x.label}\n${x.sql};`)
    .join('\n\n')
    .concat('\n');
}

/** The script's statements (without their `;`), each with the file its result goes to. */
export function scriptStatements(settings: ProgramSettings, tables: TableColumns, d: Dialect): { label: string; file: string; sql: string }[] {
  const c = cubeQueries(settings, tables, d);
  const withAnswers = (sql: string) => `WITH answers AS (\n${c.answers}\n)\n${sql}`;
  return [
    { label: 'cube: scores, to cube/scores.csv or .parquet', file: 'cube/scores', sql: withAnswers(c.scores) },
    ...(c.ratings ? [{ label: 'cube: ratings, to cube/ratings.csv or .parquet', file: 'cube/ratings', sql: withAnswers(c.ratings) }] : []),
    { label: 'record extract, to extract/answers.csv or .parquet', file: 'extract/answers', sql: withAnswers(c.extract) },
  ];
}
