/** One row of `metrics.csv`: an operational or financial figure for a period (long format). */
import type { z } from 'zod';
import { id, number, optionalId, rowSchema, segmentReaders, shortText, type DecimalSeparator } from './cells.ts';
import type { TableSpec } from './table-spec.ts';

export const metricColumns = {
  name: 'metrics',
  required: ['metric', 'period', 'value'],
  optional: ['unit', 'account_id'],
  identity: [],
} as const satisfies TableSpec;

export const metricRowSchema = (opts: { decimal: DecimalSeparator; segmentColumns: readonly string[] }) =>
  rowSchema({
    ...segmentReaders(opts.segmentColumns),
    metric: id('metric name'),
    period: id('period'),
    value: number('value', { decimal: opts.decimal }),
    unit: shortText,
    account_id: optionalId('account id'),
  });

export type MetricRow = z.output<ReturnType<typeof metricRowSchema>>;
