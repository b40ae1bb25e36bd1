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
}

const doubleQuoted = (id: string) => `"${id.replace(/"/g, '""')}"`;
const backticked = (id: string) => `\`${id.replace(/`/g, '\\`')}\``;

export const RULES: Record<Dialect, DialectRules> = {
  duckdb: { name: 'DuckDB', text: 'VARCHAR', float: 'DOUBLE', quote: doubleQuoted },
  postgres: { name: 'PostgreSQL', text: 'VARCHAR', float: 'DOUBLE PRECISION', quote: doubleQuoted },
  spark: { name: 'Spark SQL (Databricks)', text: 'STRING', float: 'DOUBLE', quote: backticked },
  bigquery: { name: 'BigQuery', text: 'STRING', float: 'FLOAT64', quote: backticked },
  trino: { name: 'Trino / Amazon Athena', text: 'VARCHAR', float: 'DOUBLE', quote: doubleQuoted },
  snowflake: { name: 'Snowflake', text: 'VARCHAR', float: 'DOUBLE', quote: doubleQuoted },
};

/** An identifier as the dialect needs it: plain names stay bare (Snowflake folds bare names, and quoting would make them case-sensitive). */
export const ident = (d: Dialect, id: string) => (/^[a-z_][a-z0-9_]*$/.test(id) ? id : RULES[d].quote(id));

/** A string literal: standard SQL doubles quotes; BigQuery and Spark read backslash escapes instead. */
export const str = (d: Dialect, s: string) => (d === 'spark' || d === 'bigquery' ? `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : `'${s.replace(/'/g, "''")}'`);
