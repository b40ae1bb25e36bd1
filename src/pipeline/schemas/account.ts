/** One row of `accounts.csv`: a customer company. */
import type { z } from 'zod';
import { date, id, optionalNumber, rowSchema, segmentReaders, shortText, type DateFormat, type DecimalSeparator } from './cells.ts';
import type { TableSpec } from './table-spec.ts';

export const accountColumns = {
  name: 'accounts',
  required: ['account_id'],
  optional: ['name', 'arr', 'renewal_date', 'owner'],
  identity: [],
} as const satisfies TableSpec;

export const accountRowSchema = (opts: { dateFormat: DateFormat; decimal: DecimalSeparator; segmentColumns: readonly string[] }) =>
  rowSchema({
    ...segmentReaders(opts.segmentColumns),
    account_id: id('account id'),
    name: shortText,
    arr: optionalNumber('ARR', { min: 0, decimal: opts.decimal }),
    renewal_date: date('renewal date', opts.dateFormat),
    owner: shortText,
  });

export type AccountRow = z.output<ReturnType<typeof accountRowSchema>>;
