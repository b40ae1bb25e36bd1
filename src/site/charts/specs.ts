/**
 * Every chart of the site as a Vega-Lite spec with what must travel with it: a title that
 * states the finding, the n and "as of" line, a text alternative generated from the data,
 * the data as a table, and the export CSV it comes from.
 *
 * Each chart the deck shows comes in two media (charts/theme.ts): `page` (the default) and
 * `slide`, drawn for the back of a room: a wide plot (about 16:7) whose labels are 32 SVG units
 * when it is shown about 1,600 units wide, thicker marks, fewer ticks, and values written on the
 * marks, so the room reads the numbers rather than estimating them from an axis.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricChange, SegmentDimension, WaveModel } from '../../pipeline/model/types.ts';
import type { Action } from '../../pipeline/content/schemas.ts';
import { COLORS, MEDIA, categoryScale, configFor, type Medium } from './theme.ts';
import { textWidth, wrapText } from './text-width.ts';
import { formatCorrelation, formatCount, formatDate, formatMean, formatNps, formatPercent, formatValue, formatValueRow } from '../../shared/format.ts';

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

/** Where the chart is shown; a slide gets the large variant. */
export interface ChartOptions {
  medium?: Medium;
}

/**
 * The spec's frame: schema and config of the medium. A slide's single views are fitted to one
 * known size (padding, axes and labels inside it), so the slide's CSS can size the SVG by its
 * viewBox and know every label's size on screen.
 */
function frame(medium: Medium, size: { width: number; height: number } | null = null) {
  const head = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: configFor(medium) };
  if (medium === 'page' || size === null) return head;
  return { ...head, ...size, autosize: { type: 'fit', contains: 'padding' }, padding: 8 };
}

/**
 * Vega-Lite's TypeScript types reject plain object literals in many valid places (string
 * enums widened to string); specs are checked where it matters: compile() validates them when
 * each chart is rendered, and every chart of the demo is rendered in the tests.
 */
const vl = (spec: object): TopLevelSpec => spec as TopLevelSpec;

/**
 * Axis or header labels wrapped onto up to `maxLines` lines where one is wider than its `width`
 * (SVG units), the last line cut there: a long wave label ("Third quarter of the 2026 financial
 * year") never runs into its neighbour, and a long panel heading neither widens a slide's grid
 * nor shrinks its text. `props` is empty when every label fits (the spec stays as it was);
 * `extraLines` is what the wrapping adds.
 */
function wrappedLabels(labels: string[], width: number, font: { fontSize: number; fontWeight?: number }, maxLines = 2) {
  const limit = Math.floor(width);
  const wrapped = Object.fromEntries(labels.map((l) => [l, wrapText(l, limit, font, maxLines)] as const).filter(([, lines]) => lines.length > 1));
  const extraLines = Math.max(0, ...Object.values(wrapped).map((lines) => lines.length - 1));
  const cut = labels.some((l) => textWidth(font, l) > limit);
  const props: { labelLimit?: number; labelExpr?: string } = {
    ...(cut ? { labelLimit: limit } : {}),
    ...(extraLines ? { labelExpr: `${JSON.stringify(wrapped)}[datum.value] || datum.value` } : {}),
  };
  return { props, extraLines };
}

const asOfLine = (w: WaveModel) => `n = ${formatCount(w.figures?.n ?? 0)} responses · data as of ${formatDate(w.asOf)}`;

/**
 * A scale domain that fits the values with some air around them, on round steps, within
 * [min, max]: a chart whose points sit between 61% and 72% shows 55% to 80%, not 0 to 100%.
 */
export function fittedDomain(values: number[], step: number, limits: [number, number], pad = step / 2): [number, number] {
  const lo = Math.min(...values) - pad;
  const hi = Math.max(...values) + pad;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return [Math.max(limits[0], round(Math.floor(lo / step) * step)), Math.min(limits[1], round(Math.ceil(hi / step) * step))];
}

/** The wave's composition: one 100% bar, detractors | passives | promoters. */
export function compositionChart(w: WaveModel, opts: ChartOptions = {}): ChartDef | null {
  const f = w.figures;
  if (!f) return null;
  const medium = opts.medium ?? 'page';
  const parts = [
    { category: 'Detractors', count: f.detractors, share: f.detractorShare },
    { category: 'Passives', count: f.passives, share: f.passiveShare },
    { category: 'Promoters', count: f.promoters, share: f.promoterShare },
  ];
  const tooltip = [
    { field: 'category', title: 'Group' },
    { field: 'count', title: 'Responses' },
    { field: 'share', title: 'Share', format: '.0%' },
  ];
  const page = {
    ...frame('page'),
    width: 640,
    height: 56,
    data: { values: parts.map((p, order) => ({ ...p, order })) },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'share', type: 'quantitative', stack: 'normalize', axis: { format: '.0%', title: null } },
      color: { field: 'category', type: 'nominal', scale: categoryScale, legend: { title: null } },
      order: { field: 'order' },
      tooltip,
    },
  };
  return {
    id: `composition-${w.id}`,
    title: `NPS ${formatNps(f.nps)}: ${formatPercent(f.promoterShare)} promoters, ${formatPercent(f.detractorShare)} detractors`,
    caption: asOfLine(w),
    spec: vl(medium === 'page' ? page : compositionSlide(parts)),
    alt: `${parts.map((p) => `${p.category.toLowerCase()} ${formatPercent(p.share)} (${formatCount(p.count)})`).join(', ')}; NPS ${formatNps(f.nps)} from ${formatCount(f.n)} responses.`,
    table: { columns: ['Group', 'Responses', 'Share'], rows: parts.map((p) => [p.category, p.count, formatPercent(p.share)]) },
    csv: '/exports/waves.csv',
  };
}

/**
 * The composition on a slide: a tall bar the width of the slide, each group's share and name
 * written above its part, so the words sit next to the colour they name (a part too narrow
 * for its words keeps its share only, or nothing; the slide's text and the alt say them all).
 */
function compositionSlide(parts: { category: string; count: number; share: number }[]) {
  const s = MEDIA.slide;
  const height = 300;
  const plot = height - 16;
  const pctSize = s.label + 20;
  let start = 0;
  const rows = parts.map((p) => {
    const row = { ...p, start, end: start + p.share, label: p.share >= 0.07 ? formatPercent(p.share) : '', name: p.share >= 0.13 ? p.category : '' };
    start += p.share;
    return row;
  });
  const x = { field: 'start', type: 'quantitative', scale: { domain: [0, 1], nice: false, zero: true }, axis: null };
  // y in [0, 1] of the plot's height: the bar below, two lines of text above it.
  const y = (at: number) => ({ datum: at, type: 'quantitative', scale: { domain: [0, 1], nice: false }, axis: null });
  const barTop = 0.55;
  const pctBase = barTop + 10 / plot;
  const nameBase = pctBase + (pctSize + 10) / plot;
  const color = { field: 'category', type: 'nominal', scale: categoryScale, legend: null };
  return {
    ...frame('slide', { width: s.width, height }),
    data: { values: rows },
    layer: [
      { mark: { type: 'bar', stroke: COLORS.bg, strokeWidth: 4 }, encoding: { x, x2: { field: 'end' }, y: y(0), y2: { datum: barTop }, color } },
      {
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, fontSize: pctSize, fontWeight: 700, color: COLORS.ink },
        encoding: { x, y: y(pctBase), text: { field: 'label' } },
      },
      { mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, fontSize: s.label, color: COLORS.ink }, encoding: { x, y: y(nameBase), text: { field: 'name' } } },
    ],
  };
}

/** The NPS trend with its 95% band; significant changes marked on their point. */
export function trendChart(waves: WaveModel[], upTo: WaveModel, opts: ChartOptions = {}): ChartDef | null {
  const medium = opts.medium ?? 'page';
  const s = MEDIA[medium];
  const shown = waves.slice(0, waves.indexOf(upTo) + 1).filter((w) => w.figures);
  if (shown.length === 0) return null;
  const rows = shown.map((w, order) => ({
    wave: w.label,
    order,
    nps: w.figures!.nps,
    label: formatNps(w.figures!.nps),
    low: w.figures!.ci95[0],
    high: w.figures!.ci95[1],
    n: w.figures!.n,
    change: w.change ? w.change.words : 'first wave',
    significant: w.change?.significant ?? false,
  }));
  const last = shown.at(-1)!;
  // A scale fitted to the band (with zero in view) shows movement; the full −100…100 flattens it.
  const domain = [Math.max(-100, Math.floor(Math.min(0, ...rows.map((r) => r.low)) / 10) * 10 - 10), Math.min(100, Math.ceil(Math.max(...rows.map((r) => r.high)) / 10) * 10 + 10)];
  const onSlide = medium === 'slide';
  // Each wave's share of the plot's width (the y axis takes about 120 units of a slide's).
  const slot = (onSlide ? s.width - 120 : 640) / rows.length;
  const x = {
    field: 'wave',
    type: 'ordinal',
    sort: { field: 'order' },
    axis: {
      title: null,
      labelAngle: 0,
      ...wrappedLabels(
        rows.map((r) => r.wave),
        slot,
        { fontSize: s.label },
        3,
      ).props,
    },
  } as const;
  const y = { field: 'nps', type: 'quantitative' } as const;
  return {
    id: `trend-${upTo.id}`,
    title: last.change ? `NPS ${formatNps(last.figures!.nps)} in ${last.label}: ${last.change.words}` : `NPS ${formatNps(last.figures!.nps)} in ${last.label}`,
    caption: onSlide
      ? `Shaded: 95% interval · large dots: real changes · ${formatCount(last.figures!.n)} answers in ${last.label}`
      : `${shown.length} waves · shaded band: 95% interval · larger dots: significant changes · data as of ${formatDate(upTo.asOf)}`,
    spec: vl({
      ...frame(medium, { width: s.width, height: 640 }),
      ...(onSlide ? {} : { width: 640, height: 240 }),
      data: { values: rows },
      encoding: { x },
      layer: [
        {
          mark: { type: 'area', color: COLORS.band, opacity: onSlide ? 0.7 : 0.5 },
          encoding: { y: { field: 'low', type: 'quantitative', title: 'NPS', scale: { domain }, axis: { tickCount: s.ticks } }, y2: { field: 'high' } },
        },
        { mark: { type: 'rule', color: COLORS.reference, strokeDash: onSlide ? [6, 8] : [2, 3], strokeWidth: onSlide ? 3 : 1 }, encoding: { x: null, y: { datum: 0 } } },
        { mark: { type: 'line', color: COLORS.series, strokeWidth: s.stroke }, encoding: { y } },
        {
          mark: { type: 'point', filled: true, color: COLORS.series, opacity: 1, tooltip: true },
          encoding: {
            y,
            size: { condition: { test: 'datum.significant', value: s.bigDot }, value: s.dot },
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
        // On a slide each wave's NPS is written on its point: the room reads it, not the axis.
        ...(onSlide
          ? [
              {
                mark: { type: 'text', baseline: 'bottom', dy: -30, fontSize: s.label + 4, fontWeight: 700, color: COLORS.ink },
                encoding: { y: { field: 'high', type: 'quantitative' }, text: { field: 'label' } },
              },
            ]
          : []),
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

/**
 * Operations and finance beside NPS: small multiples sharing one time axis (no dual axes). On a
 * page, one panel a row; on a slide, two panels a row (2 × 2 for NPS and three measures), each
 * with its latest value written on its last point.
 */
export function operationsChart(waves: WaveModel[], upTo: WaveModel, metrics: string[] | null = null, opts: ChartOptions = {}): ChartDef | null {
  const medium = opts.medium ?? 'page';
  const s = MEDIA[medium];
  const onSlide = medium === 'slide';
  const byPeriod = new Map(waves.slice(0, waves.indexOf(upTo) + 1).map((w) => [w.period, w]));
  const chosen = (upTo.metrics as MetricChange[]).filter((m) => metrics === null || metrics.includes(m.metric));
  if (chosen.length === 0) return null;
  const periods = [...byPeriod.keys()];
  const rows: { panel: string; period: string; value: number; order: number; unit: string; label: string; last: boolean; rising: boolean }[] = [];
  periods.forEach((p, order) => {
    const w = byPeriod.get(p)!;
    const last = order === periods.length - 1;
    if (w.figures) rows.push({ panel: 'NPS', period: w.label, value: w.figures.nps, order, unit: 'points', label: formatNps(w.figures.nps), last, rising: true });
    for (const m of chosen) {
      const mw = w.metrics.find((x) => x.metric === m.metric);
      if (mw?.value !== null && mw?.value !== undefined)
        rows.push({ panel: m.label, period: w.label, value: mw.value, order, unit: m.unit ?? '', label: formatValue(mw.value, m.unit), last, rising: true });
    }
  });
  // Whether each panel's line rises into its last point: its value is written above the point
  // then, below it when the line comes down, so the words never sit on the line.
  for (const r of rows) {
    const before = rows.filter((x) => x.panel === r.panel && x.order < r.order).at(-1);
    r.rising = before === undefined || r.value >= before.value;
  }
  const panels = ['NPS', ...chosen.map((m) => m.label)];
  // A slide's grid: two panels a row, sized so the whole is about 1,600 × 640 with one or two rows.
  const columns = Math.min(2, panels.length);
  const width = onSlide ? Math.round(1500 / columns) - 70 : 560;
  const waveLabels = [...byPeriod.values()].map((w) => w.label);
  const ticks = wrappedLabels(waveLabels, width / waveLabels.length, { fontSize: s.label });
  // One row of tall panels gives the lines that wrapping adds out of its height. A 2 × 2 grid has
  // none to spare (its scales keep room for the written values): its headings are cut to one line
  // (named whole in the table and the notes), and its wave labels' second line takes the slide's slack.
  const oneRow = panels.length <= 2;
  const headings = onSlide ? wrappedLabels(panels, width, { fontSize: s.title, fontWeight: 600 }, oneRow ? 2 : 1) : null;
  const taken = oneRow ? ((headings?.extraLines ?? 0) * s.title + ticks.extraLines * s.label) * 1.25 : 0;
  const cell = onSlide ? { width, height: Math.round((oneRow ? 400 : 170) - taken) } : { width, height: 70 };
  const x = { field: 'period', type: 'ordinal', sort: { field: 'order' }, axis: { title: null, labelAngle: 0, ...ticks.props } };
  // On a slide the scale leaves room above and below the line for the written values. One wave's
  // single value would be the axis's only tick, unrounded ("−46.333853" beside "−46"): no ticks then.
  const axis = periods.length > 1 ? { tickCount: 3, format: '.3~s' } : { labels: false, ticks: false };
  const y = { field: 'value', type: 'quantitative', title: null, scale: { zero: false, ...(onSlide ? { padding: 56 } : {}) }, axis };
  const line = {
    mark: { type: 'line', point: onSlide ? { filled: true, size: s.dot, color: COLORS.series } : true, color: COLORS.series, strokeWidth: s.stroke, tooltip: true },
    encoding: {
      x,
      y,
      tooltip: [
        { field: 'panel', title: 'Measure' },
        { field: 'period', title: 'Wave' },
        { field: 'value', title: 'Value', format: ',.0f' },
      ],
    },
  };
  const header = {
    title: null,
    labelAngle: 0,
    labelAlign: 'left',
    labelAnchor: 'start',
    labelOrient: 'top',
    ...(onSlide ? { labelLimit: 0, ...headings?.props } : {}),
  };
  return {
    id: `operations-${upTo.id}`,
    title: `NPS beside ${chosen.length} operational and financial measures`,
    caption: onSlide
      ? `Each panel has its own scale; the latest value is written on each · data as of ${formatDate(upTo.asOf)}`
      : `Each panel has its own scale; the waves line up across panels · data as of ${formatDate(upTo.asOf)}`,
    spec: vl({
      ...frame(medium),
      data: { values: rows },
      ...(onSlide
        ? { facet: { field: 'panel', type: 'nominal', sort: panels, header }, columns, spacing: { row: 40, column: 90 } }
        : { facet: { row: { field: 'panel', type: 'nominal', sort: panels, header } } }),
      spec: {
        ...cell,
        ...(onSlide
          ? {
              layer: [
                line,
                ...[true, false].map((rising) => ({
                  transform: [{ filter: `datum.last && ${rising ? '' : '!'}datum.rising` }],
                  mark: {
                    type: 'text',
                    align: 'right',
                    baseline: rising ? 'bottom' : 'top',
                    dx: 12,
                    dy: rising ? -24 : 24,
                    fontSize: s.label + 4,
                    fontWeight: 700,
                    color: COLORS.ink,
                  },
                  encoding: { x, y, text: { field: 'label' } },
                })),
              ],
            }
          : line),
      },
      resolve: { scale: { y: 'independent' } },
    }),
    alt:
      panels
        .map((p) => {
          const own = rows.filter((r) => r.panel === p);
          const words = panelWords(own);
          return `${p}: ${own.map((r, i) => `${r.period} ${words[i]}`).join(', ')}`;
        })
        .join('. ') + '.',
    table: {
      columns: ['Measure', ...(byPeriod.size ? [...byPeriod.values()].map((w) => w.label) : [])],
      rows: panels.map((p) => {
        const own = rows.filter((r) => r.panel === p);
        const words = panelWords(own);
        return [
          p,
          ...[...byPeriod.values()].map((w) => {
            const i = own.findIndex((x) => x.period === w.label);
            return i >= 0 ? words[i]! : '–';
          }),
        ];
      }),
    },
    csv: '/exports/metrics.csv',
  };
}

/**
 * One panel's values worded together: NPS signed and whole, a measure's values in one unit and
 * precision across the waves (never "$548K" beside "$1.5M" in one row).
 */
function panelWords(own: readonly { panel: string; value: number; unit: string }[]): string[] {
  if (own[0]?.panel === 'NPS') return own.map((r) => formatNps(r.value));
  return formatValueRow(
    own.map((r) => r.value),
    own[0]?.unit,
  );
}

/** A segment dimension: each value's NPS and interval, sorted, the wave's NPS as reference. */
export function segmentChart(w: WaveModel, d: SegmentDimension, min: number, opts: ChartOptions = {}): ChartDef | null {
  const medium = opts.medium ?? 'page';
  const s = MEDIA[medium];
  const onSlide = medium === 'slide';
  const shown = d.values.flatMap((v) =>
    v.figures.suppressed
      ? []
      : [
          {
            value: v.value,
            nps: v.figures.nps,
            label: formatNps(v.figures.nps),
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
  // A page shows the whole −100…100 scale; a slide fits the whiskers, so the gaps read from afar.
  const domain = onSlide ? fittedDomain([...shown.flatMap((v) => [v.low, v.high]), w.figures.nps, 0], 10, [-100, 100], 4) : [-100, 100];
  const hiddenNote = hidden.length ? ` · not shown (fewer than ${min} responses, or hidden so a small group cannot be worked out): ${hidden.join(', ')}` : '';
  const y = {
    field: 'value',
    type: 'nominal',
    sort: { field: 'nps', order: 'descending' },
    axis: { title: onSlide ? d.label : null, ...(onSlide ? { titleAngle: 0, titleAlign: 'left', titleAnchor: 'end', titleY: -24, titleX: 0 } : {}) },
  };
  return {
    id: `segments-${w.id}-${d.id}`,
    title,
    caption: onSlide
      ? `Dots: NPS · bars: 95% interval · dashed: all ${formatCount(w.figures.n)} answers (${formatNps(w.figures.nps)})${hiddenNote}`
      : `${asOfLine(w)} · dots: NPS, whiskers: 95% interval, dashed line: all responses${hiddenNote}`,
    spec: vl({
      ...frame(medium, { width: s.width, height: Math.min(640, 320 + 90 * shown.length) }),
      ...(onSlide ? {} : { width: 640, height: { step: 28 } }),
      data: { values: shown },
      encoding: { y },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.muted, strokeWidth: s.whisker, strokeCap: 'round' },
          encoding: { x: { field: 'low', type: 'quantitative', title: 'NPS', scale: { domain, nice: false }, axis: { tickCount: s.ticks + 2 } }, x2: { field: 'high' } },
        },
        {
          data: { values: [{ overall: w.figures.nps }] },
          mark: { type: 'rule', strokeDash: onSlide ? [10, 8] : [4, 4], strokeWidth: onSlide ? 3 : 1, color: COLORS.reference },
          encoding: { x: { field: 'overall', type: 'quantitative' }, y: null },
        },
        {
          mark: { type: 'point', filled: true, opacity: 1, size: onSlide ? s.bigDot : 90, tooltip: true },
          encoding: {
            x: { field: 'nps', type: 'quantitative' },
            color: { field: 'significant', type: 'nominal', scale: { domain: [false, true], range: [COLORS.passive, COLORS.series] }, legend: null },
            tooltip: [
              { field: 'value', title: d.label },
              { field: 'nps', title: 'NPS', format: '+.0f' },
              { field: 'n', title: 'Responses' },
              { field: 'gap', title: 'Against the rest' },
            ],
          },
        },
        // On a slide each value's NPS is written beside its interval.
        ...(onSlide
          ? [
              {
                mark: { type: 'text', align: 'left', dx: 24, fontSize: s.label + 4, fontWeight: 700, color: COLORS.ink },
                encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'label' } },
              },
            ]
          : []),
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
      ...frame('page'),
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
      ...frame('page'),
      width: 640,
      height: { step: 26 },
      data: { values: rows },
      mark: { type: 'bar', cornerRadius: 2, tooltip: true },
      encoding: {
        y: { field: 'task', type: 'nominal', sort: { field: 'order' }, axis: { title: null, labelLimit: 260 } },
        x: { field: 'start', type: 'temporal', title: null, axis: { format: '%b %Y' } },
        x2: { field: 'end' },
        color: { field: 'status', type: 'nominal', scale: { domain: ['Done', 'To do'], range: [COLORS.series, COLORS.band] }, legend: { title: null } },
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

/**
 * Key drivers: importance (correlation with the score) against performance (the mean on a 0–1
 * scale). Both axes fit the data (with air around it, not from zero): attributes are rated in a
 * narrow band, and a 0–100% axis would pile them into one spot.
 */
export function driversChart(w: WaveModel, opts: ChartOptions = {}): ChartDef | null {
  const medium = opts.medium ?? 'page';
  const s = MEDIA[medium];
  const onSlide = medium === 'slide';
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
            // What the dot's colour says: the one to fix first, tied to the score, or not significant.
            reading: a.id === w.fixFirst ? 'fix first' : a.figures.driver.significant ? 'significant' : 'not significant',
          },
        ],
  );
  if (rows.length === 0) return null;
  const fix = w.attributes.find((a) => a.id === w.fixFirst);
  const performance = rows.map((r) => r.performance);
  const spread = Math.max(...performance) - Math.min(...performance);
  // Room on the right for the names written beside the dots.
  const xDomain = fittedDomain([...performance, Math.max(...performance) + spread * (onSlide ? 0.35 : 0.25)], 0.05, [0, 1], 0.02);
  const yDomain = fittedDomain([...rows.flatMap((r) => [r.low, r.high]), 0], 0.1, [-1, 1], 0.03);
  return {
    id: `drivers-${w.id}`,
    title: fix ? `Fix first: ${fix.label}, strongly tied to the score and rated lower than most` : 'No attribute is both strongly tied to the score and rated low',
    caption: onSlide
      ? `Up: more tied to the score (bars: 95% interval) · right: rated higher · orange: fix first · grey: not significant`
      : `${asOfLine(w)} · up: more tied to the recommend score (correlation, with its 95% interval) · right: rated higher · orange: fix first · grey: not significant`,
    spec: vl({
      ...frame(medium, { width: s.width, height: 640 }),
      ...(onSlide ? {} : { width: 640, height: 320 }),
      data: { values: rows },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.muted, strokeWidth: s.whisker, strokeCap: 'round' },
          encoding: {
            x: {
              field: 'performance',
              type: 'quantitative',
              title: onSlide ? 'Performance (mean rating)' : 'Performance (mean rating, lowest to highest)',
              scale: { domain: xDomain, nice: false, zero: false },
              axis: { format: '.0%', tickCount: s.ticks + 1 },
            },
            y: {
              field: 'low',
              type: 'quantitative',
              title: onSlide ? 'Importance (correlation)' : 'Importance (correlation with the score)',
              scale: { domain: yDomain, nice: false, zero: false },
              axis: { tickCount: s.ticks + 1 },
            },
            y2: { field: 'high' },
          },
        },
        {
          mark: { type: 'point', filled: true, opacity: 1, size: onSlide ? s.bigDot : 110, tooltip: true },
          encoding: {
            x: { field: 'performance', type: 'quantitative' },
            y: { field: 'r', type: 'quantitative' },
            color: {
              field: 'reading',
              type: 'nominal',
              scale: { domain: ['not significant', 'significant', 'fix first'], range: [COLORS.passive, COLORS.series, COLORS.bad] },
              legend: null,
            },
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
          mark: {
            type: 'text',
            align: 'left',
            baseline: 'middle',
            dx: onSlide ? 30 : 8,
            dy: onSlide ? 0 : -8,
            fontSize: onSlide ? s.label + 2 : 12,
            fontWeight: onSlide ? 600 : 400,
            color: COLORS.ink,
          },
          encoding: { x: { field: 'performance', type: 'quantitative' }, y: { field: 'r', type: 'quantitative' }, text: { field: 'attribute' } },
        },
      ],
    }),
    alt: `Attributes by importance and performance: ${rows.map((r) => `${r.attribute}: mean ${formatMean(r.mean)}, correlation ${formatCorrelation(r.r)} (95% ${formatCorrelation(r.low)} to ${formatCorrelation(r.high)})${r.significant ? '' : ', not significant'}, ${r.quadrant}`).join('; ')}.`,
    table: {
      columns: ['Attribute', 'Mean rating', 'Correlation with the score', '95% interval', 'Reading'],
      rows: rows.map((r) => [
        r.attribute,
        formatMean(r.mean),
        formatCorrelation(r.r),
        `${formatCorrelation(r.low)} to ${formatCorrelation(r.high)}`,
        r.significant ? r.quadrant : `${r.quadrant} (not significant)`,
      ]),
    },
    csv: '/exports/drivers.csv',
  };
}
