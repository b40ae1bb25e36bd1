/**
 * The supplied cube and record extract (docs/scale.md): the files a warehouse's SQL, or the
 * embedded DuckDB engine, writes in place of response rows. One schema per file kind, built
 * from the same cell readers as every other input, so a bad value is reported with its file,
 * row, column and fix, and a rejected row never changes a figure.
 */
import type { z } from 'zod';
import { date, id, optionalId, rowSchema, score, shortText, tagsSeparatedBy, text, type CellReader, type Fail } from './cells.ts';
import type { TableSpec } from './table-spec.ts';
import { RATING_FIELDS } from '../cube/cube.ts';

/** Score columns of a cube row: how many answers gave each score. */
export const SCORE_COLUMNS = Array.from({ length: 11 }, (_, s) => `score_${s}`);

/** A cube key's segment column for a program.yml dimension. */
export const segmentColumn = (dimension: string) => `segment_${dimension}`;

const KEY_OPTIONAL = ['account_id', 'role'];

export const cubeScoresColumns: TableSpec = {
  name: 'cube_scores',
  required: ['wave', 'confidential', 'people', ...SCORE_COLUMNS],
  // Segment columns are matched as written (ingest-cube passes them as named columns): a dimension id keeps its case.
  optional: [...KEY_OPTIONAL, 'dated', 'last_submitted'],
  identity: ['account_id'],
};

export const cubeRatingsColumns: TableSpec = {
  name: 'cube_ratings',
  required: ['wave', 'confidential', 'attribute', ...RATING_FIELDS],
  optional: [...KEY_OPTIONAL],
  identity: ['account_id'],
};

export const extractColumns: TableSpec = {
  name: 'extract',
  required: ['wave', 'response_id', 'score', 'confidential'],
  optional: ['contact_id', 'account_id', 'role', 'submitted_at', 'comment', 'themes'],
  identity: ['response_id', 'contact_id', 'account_id'],
};

/** A count: a whole number of 0 or more ("12" or "12.0", as engines write sums). */
const count =
  (label: string): CellReader<number> =>
  (cell, f) => {
    const n = cell === undefined || cell.trim() === '' ? NaN : Number(cell);
    if (Number.isInteger(n) && n >= 0) return n;
    return f(`${label} is not a count`, 'write a whole number of 0 or more, as the cube query sums it');
  };

/** A sum: any finite number (blank: none). */
const sum =
  (label: string): CellReader<number> =>
  (cell, f) => {
    if (cell === undefined || cell.trim() === '') return 0;
    const n = Number(cell);
    return Number.isFinite(n) ? n : f(`${label} is not a number`, 'write the sum as a plain number, as the cube query writes it');
  };

/** A flag as engines write booleans: true/false, t/f (PostgreSQL), 1/0. */
const flag =
  (label: string): CellReader<boolean> =>
  (cell, f: Fail) => {
    const v = cell?.trim().toLowerCase();
    if (v === 'true' || v === 't' || v === '1') return true;
    if (v === 'false' || v === 'f' || v === '0') return false;
    return f(`${label} is not true or false`, 'write true/false (or 1/0): the cube and extract carry the per-person confidentiality decided by the query');
  };

const segmentReaders = (dimensions: readonly string[]) =>
  Object.fromEntries(dimensions.map((d) => [segmentColumn(d), shortText])) as Record<string, CellReader<string | undefined>>;

const keyReaders = (dimensions: readonly string[]) => ({
  ...segmentReaders(dimensions),
  wave: id('wave'),
  account_id: optionalId('account id'),
  role: optionalId('role'),
  confidential: flag('confidential'),
});

export const cubeScoresRowSchema = (dimensions: readonly string[]) =>
  rowSchema({
    ...keyReaders(dimensions),
    people: count('people'),
    ...(Object.fromEntries(SCORE_COLUMNS.map((c) => [c, count(c)])) as Record<string, CellReader<number>>),
    dated: (cell, f) => (cell === undefined || cell.trim() === '' ? 0 : count('dated')(cell, f)),
    last_submitted: date('last submitted date', 'iso'),
  });

export const cubeRatingsRowSchema = (dimensions: readonly string[]) =>
  rowSchema({
    ...keyReaders(dimensions),
    attribute: id('attribute'),
    ...(Object.fromEntries(RATING_FIELDS.map((c) => [c, c.endsWith('_n') || c.endsWith('_low') || c === 'n' ? count(c) : sum(c)])) as Record<string, CellReader<number>>),
  });

export const extractRowSchema = (tagsSeparator: string) =>
  rowSchema({
    wave: id('wave'),
    response_id: id('response id'),
    score,
    confidential: flag('confidential'),
    contact_id: optionalId('contact id'),
    account_id: optionalId('account id'),
    role: optionalId('role'),
    submitted_at: date('submitted date', 'iso'),
    comment: text,
    themes: tagsSeparatedBy(tagsSeparator),
  });

export type CubeScoresRow = z.output<ReturnType<typeof cubeScoresRowSchema>>;
export type CubeRatingsRow = z.output<ReturnType<typeof cubeRatingsRowSchema>>;
export type ExtractRow = z.output<ReturnType<typeof extractRowSchema>>;
