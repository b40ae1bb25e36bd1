/** One row of `responses/<wave>.csv`. */
import type { z } from 'zod';
import { consent, date, id, optionalId, rating, rowSchema, score, segmentReaders, tags, text, type CellReader, type DateFormat } from './cells.ts';
import type { TableSpec } from './table-spec.ts';

export const responseColumns = {
  name: 'responses',
  required: ['response_id', 'score'],
  optional: ['submitted_at', 'contact_id', 'account_id', 'comment', 'confidential', 'themes'],
  identity: ['response_id', 'contact_id', 'account_id'],
} as const satisfies TableSpec;

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

export const responseRowSchema = (opts: { dateFormat: DateFormat; confidentialInverted: boolean; segmentColumns: readonly string[]; ratings?: readonly RatingColumn[] }) =>
  rowSchema({
    ...segmentReaders(opts.segmentColumns),
    ...ratingReaders(opts.ratings ?? []),
    response_id: id('response id'),
    score,
    submitted_at: date('submitted date', opts.dateFormat),
    contact_id: optionalId('contact id'),
    account_id: optionalId('account id'),
    comment: text,
    confidential: consent(opts.confidentialInverted),
    themes: tags,
  });

export type ResponseRow = z.output<ReturnType<typeof responseRowSchema>>;
