/** One row of `responses/<wave>.csv`. */
import { z } from 'zod';
import { booleanCell, dateCell, optionalIdCell, idCell, scoreCell, tagsCell, textCell, shortTextCell, type DateFormat } from '../ingest/values.ts';
import type { TableSpec } from './table-spec.ts';

export const responseColumns = {
  name: 'responses',
  required: ['response_id', 'score'],
  optional: ['submitted_at', 'contact_id', 'account_id', 'comment', 'confidential', 'themes'],
  identity: ['response_id', 'contact_id', 'account_id'],
} as const satisfies TableSpec;

export function responseRowSchema(opts: { dateFormat: DateFormat; confidentialInverted: boolean; segmentColumns: readonly string[] }) {
  const segments: Record<string, typeof shortTextCell> = {};
  for (const c of opts.segmentColumns) segments[c] = shortTextCell;
  return z.object({
    response_id: idCell('response id'),
    score: scoreCell,
    submitted_at: dateCell('submitted date', opts.dateFormat),
    contact_id: optionalIdCell('contact id'),
    account_id: optionalIdCell('account id'),
    comment: textCell,
    confidential: booleanCell('confidential', false, opts.confidentialInverted),
    themes: tagsCell,
    ...segments,
  });
}

export type ResponseRow = z.output<ReturnType<typeof responseRowSchema>>;
