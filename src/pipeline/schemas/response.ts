/** One row of `responses/<wave>.csv`. */
import type { z } from 'zod';
import { consent, date, id, optionalId, rating, rowSchema, score, segmentReaders, tags, tagsSeparatedBy, text, type CellReader, type DateFormat } from './cells.ts';
import type { TableSpec } from './table-spec.ts';

export const responseColumns = {
  name: 'responses',
  required: ['response_id', 'score'],
  optional: ['submitted_at', 'contact_id', 'account_id', 'comment', 'confidential', 'themes'],
  identity: ['response_id', 'contact_id', 'account_id'],
} as const satisfies TableSpec;

/** The columns read under `responses.ids`: with `row_number` the export has no id column to read. */
export const responseColumnsFor = (ids: 'unique' | 'per_wave' | 'row_number'): TableSpec =>
  ids === 'row_number' ? { ...responseColumns, required: ['score'], optional: responseColumns.optional } : responseColumns;

/** The response's date columns, whose day/month order `csv.date_format: auto` settles per file. */
export const responseDateColumns = ['submitted_at'] as const;

/** A rating column: the column name in the file and its scale. */
export interface RatingColumn {
  column: string;
  label: string;
  scale: readonly [number, number];
}

function ratingReaders(columns: readonly RatingColumn[]): Record<string, CellReader<number | undefined>> {
  const out: Record<string, CellReader<number | undefined>> = {};
  for (const c of columns) out[c.column] = rating(c.label, c.scale);
  return out;
}

export interface ResponseSchemaOptions {
  dateFormat: DateFormat;
  confidentialInverted: boolean;
  segmentColumns: readonly string[];
  ratings?: readonly RatingColumn[];
  /** responses.tags_separator (default ";"). */
  tagsSeparator?: string;
  /** responses.ids: under `row_number` no id is read (ingest numbers the rows). */
  ids?: 'unique' | 'per_wave' | 'row_number';
  /** Receives a submitted date that cannot be read: the response is kept, undated. */
  onUnreadableDate?: (cell: string) => void;
}

const noId: CellReader<string> = () => '';

export const responseRowSchema = (opts: ResponseSchemaOptions) =>
  rowSchema({
    ...segmentReaders(opts.segmentColumns),
    ...ratingReaders(opts.ratings ?? []),
    response_id: opts.ids === 'row_number' ? noId : id('response id'),
    score,
    submitted_at: date('submitted date', opts.dateFormat, opts.onUnreadableDate),
    contact_id: optionalId('contact id'),
    account_id: optionalId('account id'),
    comment: text,
    confidential: consent(opts.confidentialInverted),
    themes: opts.tagsSeparator === undefined || opts.tagsSeparator === ';' ? tags : tagsSeparatedBy(opts.tagsSeparator),
  });

export type ResponseRow = z.output<ReturnType<typeof responseRowSchema>>;
