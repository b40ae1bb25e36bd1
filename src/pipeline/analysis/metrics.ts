/**
 * Company-level metrics (no account, no segment) for the wave's period against the one before:
 * the change, which way it went and, where program.yml says which way is better, whether it is
 * good news.
 */
import { naturalCompare } from '../util/compare.ts';
import type { MetricChange } from '../model/types.ts';
import type { IngestResult } from '../ingest/ingest-program.ts';

export function metricChanges(ingest: IngestResult, period: string): MetricChange[] {
  const byMetric = new Map<string, { period: string; value: number; unit: string | undefined }[]>();
  for (const m of ingest.metrics) {
    if (m.accountId !== undefined || Object.values(m.segments).some((v) => v !== undefined)) continue;
    let list = byMetric.get(m.metric);
    if (list === undefined) byMetric.set(m.metric, (list = []));
    list.push({ period: m.period, value: m.value, unit: m.unit });
  }
  const s = ingest.settings;
  return [...byMetric]
    .sort(([a], [b]) => naturalCompare(a, b))
    .map(([metric, rows]) => {
      rows.sort((a, b) => naturalCompare(a.period, b.period));
      const at = rows.findIndex((r) => r.period === period);
      const current = at >= 0 ? rows[at]! : null;
      const prior = at > 0 ? rows[at - 1]! : at < 0 ? ([...rows].reverse().find((r) => naturalCompare(r.period, period) < 0) ?? null) : null;
      const unit = current?.unit ?? rows[0]?.unit ?? null;
      const setting = s.metrics[metric];
      const change = current && prior ? current.value - prior.value : null;
      const higherIsBetter = setting?.higher_is_better ?? null;
      const direction = change === null ? null : change > 0 ? 'up' : change < 0 ? 'down' : 'unchanged';
      return {
        metric,
        label: setting?.label ?? metric.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
        kind: setting?.kind ?? (unit === s.currency ? 'financial' : 'operational'),
        unit,
        period,
        value: current?.value ?? null,
        priorPeriod: prior?.period ?? null,
        prior: prior?.value ?? null,
        change,
        changeShare: change !== null && prior && prior.value !== 0 ? change / Math.abs(prior.value) : null,
        higherIsBetter,
        direction,
        judgement: higherIsBetter === null || direction === null || direction === 'unchanged' ? null : (direction === 'up') === higherIsBetter ? 'better' : 'worse',
      };
    });
}
