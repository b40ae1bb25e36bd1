/** One row of `responses/<wave>.csv`. */
import type { z } from 'zod';
import { boolean, date, id, optionalId, rowSchema, score, segmentReaders, tags, text, type DateFormat } from '../ingest/values.ts';
import type { TableSpec } from './table-spec.ts';

export const responseColumns = {
  name: 'responses',
  required: ['response_id', 'score'],
  optional: ['submitted_at', 'contact_id', 'account_id', 'comment', 'confidential', 'themes'],
  identity: ['response_id', 'contact_id', 'account_id'],
} as const satisfies TableSpec;

export const responseRowSchema = (opts: { dateFormat: DateFormat; confidentialInverted: boolean; segmentColumns: readonly string[] }) =>
  rowSchema({
    ...segmentReaders(opts.segmentColumns),
    response_id: id('response id'),
    score,
    submitted_at: date('submitted date', opts.dateFormat),
    contact_id: optionalId('contact id'),
    account_id: optionalId('account id'),
    comment: text,
    confidential: boolean('confidential', false, opts.confidentialInverted),
    themes: tags,
  });

export type ResponseRow = z.output<ReturnType<typeof responseRowSchema>>;
