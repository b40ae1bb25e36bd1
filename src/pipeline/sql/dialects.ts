/**
 * What differs between the SQL engines the cube queries are written for. The queries use only
 * what all of them share (CASE, COALESCE, NULLIF, TRIM, window functions, GROUP BY); the rest
 * is here: type names, identifier quoting, string concatenation.
 */
export const DIALECTS = ['duckdb', 'postgres', 'spark', 'bigquery', 'trino', 'snowflake'] as const;
export type Dialect = (typeof DIALECTS)[number];

export interface DialectRules {
  /** Shown in the docs and the generated file's header. */
  name: string;
  text: string;
  float: string;
  /** Quotes an identifier that is not a plain lower-case name. */
  quote: (id: string) => string;
  /** Each run of '_' and '-' in a text as one space (how ingest folds role names). */
  dashesToSpace: (expr: string) => string;
}

const doubleQuoted = (id: string) => `"${id.replace(/"/g, '""')}"`;
const backticked = (id: string) => `\`${id.replace(/`/g, '\\`')}\``;

export const RULES: Record<Dialect, DialectRules> = {
  duckdb: { name: 'DuckDB', text: 'VARCHAR', float: 'DOUBLE', quote: doubleQuoted, dashesToSpace: (x) => `regexp_replace(${x}, '[_-]+', ' ', 'g')` },
  postgres: { name: 'PostgreSQL', text: 'VARCHAR', float: 'DOUBLE PRECISION', quote: doubleQuoted, dashesToSpace: (x) => `regexp_replace(${x}, '[_-]+', ' ', 'g')` },
  spark: { name: 'Spark SQL (Databricks)', text: 'STRING', float: 'DOUBLE', quote: backticked, dashesToSpace: (x) => `regexp_replace(${x}, '[_-]+', ' ')` },
  bigquery: { name: 'BigQuery', text: 'STRING', float: 'FLOAT64', quote: backticked, dashesToSpace: (x) => `REGEXP_REPLACE(${x}, r'[_-]+', ' ')` },
  trino: { name: 'Trino / Amazon Athena', text: 'VARCHAR', float: 'DOUBLE', quote: doubleQuoted, dashesToSpace: (x) => `regexp_replace(${x}, '[_-]+', ' ')` },
  snowflake: { name: 'Snowflake', text: 'VARCHAR', float: 'DOUBLE', quote: doubleQuoted, dashesToSpace: (x) => `REGEXP_REPLACE(${x}, '[_-]+', ' ')` },
};

/** An identifier as the dialect needs it: plain names stay bare (Snowflake folds bare names, and quoting would make them case-sensitive). */
export const ident = (d: Dialect, id: string) => (/^[a-z_][a-z0-9_]*$/.test(id) ? id : RULES[d].quote(id));

/** A string literal: standard SQL doubles quotes; BigQuery, Spark and Snowflake read backslash escapes as well. */
export const str = (d: Dialect, s: string) =>
  d === 'spark' || d === 'bigquery' || d === 'snowflake' ? `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : `'${s.replace(/'/g, "''")}'`;
