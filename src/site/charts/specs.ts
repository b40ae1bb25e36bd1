/**
 * Every chart of the site as a Vega-Lite spec with what must travel with it: a title that
 * states the finding, the n and "as of" line, a text alternative generated from the data,
 * the data as a table, and the export CSV it comes from.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricChange, SegmentDimension, WaveModel } from '../../pipeline/model/types.ts';
import type { Action } from '../../pipeline/content/schemas.ts';
import { COLORS, categoryScale, config } from './theme.ts';
import { formatCount, formatDate, formatNps, formatPercent, formatValue } from '../../shared/format.ts';

export interface ChartDef {
  id: string;
  title: string;
  /** n and data date, under the title. */
  caption: string;
  spec: TopLevelSpec;
  /** What the chart shows, in words, for screen readers and print. */
  alt: string;
  table: { columns: string[]; rows: (string | number)[][] };
  csv: string | null;
}

const base = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config } as const;

/**
 * Vega-Lite's TypeScript types reject plain object literals in many valid places (string
 * enums widened to string); specs are checked where it matters: compile() validates them when
 * each chart is rendered, and every chart of the demo is rendered in the tests.
 */
const vl = (spec: object): TopLevelSpec => spec as TopLevelSpec;

const asOfLine = (w: WaveModel) => `n = ${formatCount(w.figures?.n ?? 0)} responses · data as of ${formatDate(w.asOf)}`;

/** The wave's composition: one 100% bar, detractors | passives | promoters. */
export function compositionChart(w: WaveModel): ChartDef | null {
  const f = w.figures;
  if (!f) return null;
  const parts = [
    { category: 'Detractors', count: f.detractors, share: f.detractorShare },
    { category: 'Passives', count: f.passives, share: f.passiveShare },
    { category: 'Promoters', count: f.promoters, share: f.promoterShare },
  ];
  return {
    id: `composition-${w.id}`,
    title: `NPS ${formatNps(f.nps)}: ${formatPercent(f.promoterShare)} promoters, ${formatPercent(f.detractorShare)} detractors`,
    caption: asOfLine(w),
    spec: vl({
      ...base,
      width: 640,
      height: 56,
      data: { values: parts.map((p, order) => ({ ...p, order })) },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        x: { field: 'share', type: 'quantitative', stack: 'normalize', axis: { format: '.0%', title: null } },
        color: { field: 'category', type: 'nominal', scale: categoryScale, legend: { title: null } },
        order: { field: 'order' },
        tooltip: [
          { field: 'category', title: 'Group' },
          { field: 'count', title: 'Responses' },
          { field: 'share', title: 'Share', format: '.0%' },
        ],
      },
    }),
    alt: `${parts.map((p) => `${p.category.toLowerCase()} ${formatPercent(p.share)} (${formatCount(p.count)})`).join(', ')}; NPS ${formatNps(f.nps)} from ${formatCount(f.n)} responses.`,
    table: { columns: ['Group', 'Responses', 'Share'], rows: parts.map((p) => [p.category, p.count, formatPercent(p.share)]) },
    csv: '/exports/waves.csv',
  };
}

/** The NPS trend with its 95% band; significant changes marked on their point. */
export function trendChart(waves: WaveModel[], upTo: WaveModel): ChartDef | null {
  const shown = waves.slice(0, waves.indexOf(upTo) + 1).filter((w) => w.figures);
  if (shown.length === 0) return null;
  const rows = shown.map((w, order) => ({
    wave: w.label,
    order,
    nps: w.figures!.nps,
    low: w.figures!.ci95[0],
    high: w.figures!.ci95[1],
    n: w.figures!.n,
    change: w.change ? w.change.words : 'first wave',
    significant: w.change?.significant ?? false,
  }));
  const last = shown.at(-1)!;
  // A scale fitted to the band (with zero in view) shows movement; the full −100…100 flattens it.
  const domain = [Math.max(-100, Math.floor(Math.min(0, ...rows.map((r) => r.low)) / 10) * 10 - 10), Math.min(100, Math.ceil(Math.max(...rows.map((r) => r.high)) / 10) * 10 + 10)];
  const x = { field: 'wave', type: 'ordinal', sort: { field: 'order' }, axis: { title: null, labelAngle: 0 } } as const;
  return {
    id: `trend-${upTo.id}`,
    title: last.change ? `NPS ${formatNps(last.figures!.nps)} in ${last.label}: ${last.change.words}` : `NPS ${formatNps(last.figures!.nps)} in ${last.label}`,
    caption: `${shown.length} waves · shaded band: 95% interval · larger dots: significant changes · data as of ${formatDate(upTo.asOf)}`,
    spec: vl({
      ...base,
      width: 640,
      height: 240,
      data: { values: rows },
      encoding: { x },
      layer: [
        {
          mark: { type: 'area', color: COLORS.band, opacity: 0.5 },
          encoding: { y: { field: 'low', type: 'quantitative', title: 'NPS', scale: { domain } }, y2: { field: 'high' } },
        },
        { mark: { type: 'line', color: COLORS.line, strokeWidth: 2 }, encoding: { y: { field: 'nps', type: 'quantitative' } } },
        {
          mark: { type: 'point', filled: true, color: COLORS.line, tooltip: true },
          encoding: {
            y: { field: 'nps', type: 'quantitative' },
            size: { condition: { test: 'datum.significant', value: 220 }, value: 50 },
            tooltip: [
              { field: 'wave', title: 'Wave' },
              { field: 'nps', title: 'NPS', format: '+.0f' },
              { field: 'low', title: '95% from', format: '+.0f' },
              { field: 'high', title: '95% to', format: '+.0f' },
              { field: 'n', title: 'Responses' },
              { field: 'change', title: 'Change' },
            ],
          },
        },
        { mark: { type: 'rule', color: COLORS.reference, strokeDash: [2, 3] }, encoding: { x: null, y: { datum: 0 } } },
      ],
    }),
    alt: `NPS by wave: ${rows.map((r) => `${r.wave} ${formatNps(r.nps)} (95% ${formatNps(r.low)} to ${formatNps(r.high)}, n ${formatCount(r.n)}; ${r.change})`).join('; ')}.`,
    table: {
      columns: ['Wave', 'NPS', '95% interval', 'Responses', 'Since the wave before'],
      rows: rows.map((r) => [r.wave, formatNps(r.nps), `${formatNps(r.low)} to ${formatNps(r.high)}`, r.n, r.change]),
    },
    csv: '/exports/waves.csv',
  };
}

/** Operations and finance beside NPS: small multiples sharing one time axis (no dual axes). */
export function operationsChart(waves: WaveModel[], upTo: WaveModel, metrics: string[] | null = null): ChartDef | null {
  const byPeriod = new Map(waves.slice(0, waves.indexOf(upTo) + 1).map((w) => [w.period, w]));
  const chosen = (upTo.metrics as MetricChange[]).filter((m) => metrics === null || metrics.includes(m.metric));
  if (chosen.length === 0) return null;
  const periods = [...byPeriod.keys()];
  const rows: { panel: string; period: string; value: number; order: number; unit: string }[] = [];
  periods.forEach((p, order) => {
    const w = byPeriod.get(p)!;
    if (w.figures) rows.push({ panel: 'NPS', period: w.label, value: w.figures.nps, order, unit: 'points' });
    for (const m of chosen) {
      const mw = w.metrics.find((x) => x.metric === m.metric);
      if (mw?.value !== null && mw?.value !== undefined) rows.push({ panel: m.label, period: w.label, value: mw.value, order, unit: m.unit ?? '' });
    }
  });
  const panels = ['NPS', ...chosen.map((m) => m.label)];
  return {
    id: `operations-${upTo.id}`,
    title: `NPS beside ${chosen.length} operational and financial measures`,
    caption: `Each panel has its own scale; the waves line up across panels · data as of ${formatDate(upTo.asOf)}`,
    spec: vl({
      ...base,
      data: { values: rows },
      facet: { row: { field: 'panel', type: 'nominal', sort: panels, header: { title: null, labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
      spec: {
        width: 560,
        height: 70,
        mark: { type: 'line', point: true, color: COLORS.line, tooltip: true },
        encoding: {
          x: { field: 'period', type: 'ordinal', sort: { field: 'order' }, axis: { title: null, labelAngle: 0 } },
          y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false }, axis: { tickCount: 3, format: '~s' } },
          tooltip: [
            { field: 'panel', title: 'Measure' },
            { field: 'period', title: 'Wave' },
            { field: 'value', title: 'Value', format: ',.0f' },
          ],
        },
      },
      resolve: { scale: { y: 'independent' } },
    }),
    alt:
      panels
        .map(
          (p) =>
            `${p}: ${rows
              .filter((r) => r.panel === p)
              .map((r) => `${r.period} ${formatValue(r.value, r.unit)}`)
              .join(', ')}`,
        )
        .join('. ') + '.',
    table: {
      columns: ['Measure', ...(byPeriod.size ? [...byPeriod.values()].map((w) => w.label) : [])],
      rows: panels.map((p) => [
        p,
        ...[...byPeriod.values()].map((w) => {
          const r = rows.find((x) => x.panel === p && x.period === w.label);
          return r ? formatValue(r.value, r.unit) : '–';
        }),
      ]),
    },
    csv: '/exports/metrics.csv',
  };
}

/** A segment dimension: each value's NPS and interval, sorted, the wave's NPS as reference. */
export function segmentChart(w: WaveModel, d: SegmentDimension, min: number): ChartDef | null {
  const shown = d.values.flatMap((v) =>
    v.figures.suppressed
      ? []
      : [
          {
            value: v.value,
            nps: v.figures.nps,
            low: v.figures.ci95[0],
            high: v.figures.ci95[1],
            n: v.figures.n,
            gap: v.figures.gap?.words ?? '',
            significant: v.figures.gap?.significant ?? false,
          },
        ],
  );
  const hidden = d.values.filter((v) => v.figures.suppressed).map((v) => v.value);
  if (shown.length === 0 || !w.figures) return null;
  shown.sort((a, b) => b.nps - a.nps);
  const leader = shown.find((s) => s.value === d.leader);
  const title = leader ? `${d.label}: ${leader.value} leads at NPS ${formatNps(leader.nps)}, ${leader.gap}` : `${d.label}: no value stands above the rest beyond noise`;
  return {
    id: `segments-${w.id}-${d.id}`,
    title,
    caption: `${asOfLine(w)} · dots: NPS, whiskers: 95% interval, dashed line: all responses${hidden.length ? ` · not shown (fewer than ${min} responses, or hidden so a small group cannot be worked out): ${hidden.join(', ')}` : ''}`,
    spec: vl({
      ...base,
      width: 640,
      height: { step: 28 },
      data: { values: shown },
      encoding: { y: { field: 'value', type: 'nominal', sort: { field: 'nps', order: 'descending' }, axis: { title: null } } },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.muted },
          encoding: { x: { field: 'low', type: 'quantitative', title: 'NPS', scale: { domain: [-100, 100] } }, x2: { field: 'high' } },
        },
        {
          mark: { type: 'point', filled: true, size: 90, tooltip: true },
          encoding: {
            x: { field: 'nps', type: 'quantitative' },
            color: { field: 'significant', type: 'nominal', scale: { domain: [false, true], range: [COLORS.passive, COLORS.line] }, legend: null },
            tooltip: [
              { field: 'value', title: d.label },
              { field: 'nps', title: 'NPS', format: '+.0f' },
              { field: 'n', title: 'Responses' },
              { field: 'gap', title: 'Against the rest' },
            ],
          },
        },
        {
          data: { values: [{ overall: w.figures.nps }] },
          mark: { type: 'rule', strokeDash: [4, 4], color: COLORS.reference },
          encoding: { x: { field: 'overall', type: 'quantitative' }, y: null },
        },
      ],
    }),
    alt: `${d.label}, NPS by value: ${shown.map((s) => `${s.value} ${formatNps(s.nps)} (95% ${formatNps(s.low)} to ${formatNps(s.high)}, n ${formatCount(s.n)}; ${s.gap})`).join('; ')}. All responses: ${formatNps(w.figures.nps)}.${hidden.length ? ` Not shown: ${hidden.join(', ')}.` : ''}`,
    table: {
      columns: [d.label, 'NPS', '95% interval', 'Responses', 'Against the rest'],
      rows: [
        ...shown.map((s) => [s.value, formatNps(s.nps), `${formatNps(s.low)} to ${formatNps(s.high)}`, s.n, s.gap]),
        ...hidden.map((h) => [h, '–', '–', `fewer than ${min}`, 'not shown']),
      ],
    },
    csv: '/exports/segments.csv',
  };
}

/** The 0–10 distribution, coloured by category. */
export function distributionChart(w: WaveModel): ChartDef | null {
  const f = w.figures;
  if (!f) return null;
  const rows = f.histogram.map((count, score) => ({ score, count, category: score >= 9 ? 'Promoters' : score >= 7 ? 'Passives' : 'Detractors' }));
  const mode = rows.reduce((a, b) => (b.count > a.count ? b : a));
  return {
    id: `distribution-${w.id}`,
    title: `Most answers are a ${mode.score}; ${formatPercent(f.detractorShare)} gave 6 or less`,
    caption: asOfLine(w),
    spec: vl({
      ...base,
      width: 640,
      height: 180,
      data: { values: rows },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        x: { field: 'score', type: 'ordinal', axis: { title: 'Score', labelAngle: 0 } },
        y: { field: 'count', type: 'quantitative', title: 'Responses' },
        color: { field: 'category', type: 'nominal', scale: categoryScale, legend: { title: null } },
        tooltip: [
          { field: 'score', title: 'Score' },
          { field: 'count', title: 'Responses' },
        ],
      },
    }),
    alt: `Responses by score: ${rows.map((r) => `${r.score}: ${formatCount(r.count)}`).join(', ')}.`,
    table: { columns: ['Score', 'Responses', 'Group'], rows: rows.map((r) => [r.score, r.count, r.category]) },
    csv: '/exports/distribution.csv',
  };
}

/** An action plan's tasks as a Gantt chart. */
export function ganttChart(id: string, a: Action): ChartDef | null {
  if (a.tasks.length === 0) return null;
  const rows = a.tasks.map((t, order) => ({ task: t.name, start: t.start, end: t.end, status: t.done ? 'Done' : 'To do', order }));
  const done = rows.filter((r) => r.status === 'Done').length;
  return {
    id: `gantt-${id}`,
    title: `${done} of ${rows.length} tasks done`,
    caption: `From ${formatDate(rows.reduce((a, b) => (b.start < a ? b.start : a), rows[0]!.start))} to ${formatDate(rows.reduce((a, b) => (b.end > a ? b.end : a), rows[0]!.end))}`,
    spec: vl({
      ...base,
      width: 640,
      height: { step: 26 },
      data: { values: rows },
      mark: { type: 'bar', cornerRadius: 2, tooltip: true },
      encoding: {
        y: { field: 'task', type: 'nominal', sort: { field: 'order' }, axis: { title: null, labelLimit: 260 } },
        x: { field: 'start', type: 'temporal', title: null, axis: { format: '%b %Y' } },
        x2: { field: 'end' },
        color: { field: 'status', type: 'nominal', scale: { domain: ['Done', 'To do'], range: [COLORS.line, COLORS.band] }, legend: { title: null } },
        tooltip: [
          { field: 'task', title: 'Task' },
          { field: 'start', title: 'Start', type: 'temporal', format: '%d %b %Y' },
          { field: 'end', title: 'End', type: 'temporal', format: '%d %b %Y' },
          { field: 'status', title: 'Status' },
        ],
      },
    }),
    alt: `Tasks: ${rows.map((r) => `${r.task}, ${formatDate(r.start)} to ${formatDate(r.end)}, ${r.status.toLowerCase()}`).join('; ')}.`,
    table: { columns: ['Task', 'Start', 'End', 'Status'], rows: rows.map((r) => [r.task, formatDate(r.start), formatDate(r.end), r.status]) },
    csv: null,
  };
}

/** Key drivers: importance (correlation with the score) against performance (the mean on a 0–1 scale). */
export function driversChart(w: WaveModel): ChartDef | null {
  const rows = w.attributes.flatMap((a) =>
    a.figures.suppressed || !a.figures.driver
      ? []
      : [
          {
            attribute: a.label,
            performance: a.figures.performance,
            r: a.figures.driver.r,
            low: a.figures.driver.ci95[0],
            high: a.figures.driver.ci95[1],
            mean: a.figures.mean,
            n: a.figures.n,
            quadrant: a.figures.quadrant ?? '',
            significant: a.figures.driver.significant,
          },
        ],
  );
  if (rows.length === 0) return null;
  const fix = w.attributes.find((a) => a.id === w.fixFirst);
  return {
    id: `drivers-${w.id}`,
    title: fix ? `Fix first: ${fix.label}, strongly tied to the score and rated lower than most` : 'No attribute is both strongly tied to the score and rated low',
    caption: `${asOfLine(w)} · up: more tied to the recommend score (correlation, with its 95% interval) · right: rated higher · grey: not significant`,
    spec: vl({
      ...base,
      width: 640,
      height: 320,
      data: { values: rows },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.muted },
          encoding: {
            x: { field: 'performance', type: 'quantitative', title: 'Performance (mean rating, lowest to highest)', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
            y: { field: 'low', type: 'quantitative', title: 'Importance (correlation with the score)', scale: { domain: [-0.2, 1] } },
            y2: { field: 'high' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 110, tooltip: true },
          encoding: {
            x: { field: 'performance', type: 'quantitative' },
            y: { field: 'r', type: 'quantitative' },
            color: { field: 'significant', type: 'nominal', scale: { domain: [false, true], range: [COLORS.passive, COLORS.line] }, legend: null },
            tooltip: [
              { field: 'attribute', title: 'Attribute' },
              { field: 'mean', title: 'Mean rating', format: '.2f' },
              { field: 'r', title: 'Correlation', format: '.2f' },
              { field: 'n', title: 'Ratings' },
              { field: 'quadrant', title: 'Reading' },
            ],
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 8, dy: -8, fontSize: 12, color: COLORS.ink },
          encoding: { x: { field: 'performance', type: 'quantitative' }, y: { field: 'r', type: 'quantitative' }, text: { field: 'attribute' } },
        },
      ],
    }),
    alt: `Attributes by importance and performance: ${rows.map((r) => `${r.attribute}: mean ${r.mean.toFixed(2)}, correlation ${r.r.toFixed(2)} (95% ${r.low.toFixed(2)} to ${r.high.toFixed(2)})${r.significant ? '' : ', not significant'}, ${r.quadrant}`).join('; ')}.`,
    table: {
      columns: ['Attribute', 'Mean rating', 'Correlation with the score', '95% interval', 'Reading'],
      rows: rows.map((r) => [
        r.attribute,
        r.mean.toFixed(2),
        r.r.toFixed(2),
        `${r.low.toFixed(2)} to ${r.high.toFixed(2)}`,
        r.significant ? r.quadrant : `${r.quadrant} (not significant)`,
      ]),
    },
    csv: '/exports/drivers.csv',
  };
}
