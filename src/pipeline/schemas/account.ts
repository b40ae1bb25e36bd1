/** One row of `accounts.csv`: a customer company. */
import { z } from 'zod';
import { dateCell, idCell, numberCell, shortTextCell, type DateFormat } from '../ingest/values.ts';
import type { TableSpec } from './table-spec.ts';

export const accountColumns = {
  name: 'accounts',
  required: ['account_id'],
  optional: ['name', 'arr', 'renewal_date', 'owner'],
  identity: [],
} as const satisfies TableSpec;

export function accountRowSchema(opts: { dateFormat: DateFormat; segmentColumns: readonly string[] }) {
  const segments: Record<string, typeof shortTextCell> = {};
  for (const c of opts.segmentColumns) segments[c] = shortTextCell;
  return z.object({
    account_id: idCell('account id'),
    name: shortTextCell,
    arr: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), numberCell('ARR', { min: 0 }).optional()),
    renewal_date: dateCell('renewal date', opts.dateFormat),
    owner: shortTextCell,
    ...segments,
  });
}

export type AccountRow = z.output<ReturnType<typeof accountRowSchema>>;
