/** One row of `metrics.csv`: an operational or financial figure for a period (long format). */
import { z } from 'zod';
import { idCell, numberCell, optionalIdCell, shortTextCell } from '../ingest/values.ts';
import type { TableSpec } from './table-spec.ts';

export const metricColumns = {
  name: 'metrics',
  required: ['metric', 'period', 'value'],
  optional: ['unit', 'account_id'],
  identity: [],
} as const satisfies TableSpec;

export function metricRowSchema(opts: { segmentColumns: readonly string[] }) {
  const segments: Record<string, typeof shortTextCell> = {};
  for (const c of opts.segmentColumns) segments[c] = shortTextCell;
  return z.object({
    metric: idCell('metric name'),
    period: idCell('period'),
    value: numberCell('value'),
    unit: shortTextCell,
    account_id: optionalIdCell('account id'),
    ...segments,
  });
}

export type MetricRow = z.output<ReturnType<typeof metricRowSchema>>;
