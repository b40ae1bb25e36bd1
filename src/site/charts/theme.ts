/**
 * One house style for every chart, read from the design tokens (src/shared/design/tokens.ts), so
 * a chart's orange is the page's and the slide's orange. Category colours are colour-blind safe
 * and never rely on red/green: detractors orange, passives grey, promoters blue.
 *
 * Two media: `page` (charts read at arm's length, 13 px labels) and `slide` (charts read from
 * the back of a room: an SVG about 1,600 units wide shown full width on a 1,920 px screen, so one
 * SVG unit is about one screen pixel there, and every label is 32 units).
 */
import { COLORS as TOKENS, FONT_SANS } from '../../shared/design/tokens.ts';

/** Chart colours: the tokens, plus `series` (a line or dot that is not a category) and `axis`. */
export const COLORS = {
  ...TOKENS,
  /** A data series that is not a category (the NPS line, significant dots). */
  series: TOKENS.accent,
  /** Axis domain and ticks. */
  axis: TOKENS.passive,
} as const;

export const CATEGORY_ORDER = ['Detractors', 'Passives', 'Promoters'] as const;

export const categoryScale = {
  domain: [...CATEGORY_ORDER],
  range: [COLORS.detractor, COLORS.passive, COLORS.promoter],
};

/** Where a chart is shown: a page of the briefing, or a slide of the deck. */
export type Medium = 'page' | 'slide';

/** How big a medium draws: text in SVG units, mark sizes, and the plot's aspect. */
export interface MediumStyle {
  /** Axis and legend labels, point labels. */
  label: number;
  /** Axis titles and facet headers. */
  title: number;
  /** A line's stroke. */
  stroke: number;
  /** A rule's stroke (interval whiskers). */
  whisker: number;
  /** A dot's area; a highlighted (significant) dot's. */
  dot: number;
  bigDot: number;
  /** The whole chart's size for single views (slides fit padding and axes inside it). */
  width: number;
  height: number;
  /** How many ticks an axis aims for. */
  ticks: number;
}

export const MEDIA: Record<Medium, MediumStyle> = {
  page: { label: 13, title: 13, stroke: 2, whisker: 1.5, dot: 50, bigDot: 220, width: 640, height: 240, ticks: 6 },
  // About 16:7: the slide's width under its title, the height left by the title and caption.
  slide: { label: 32, title: 30, stroke: 6, whisker: 6, dot: 500, bigDot: 1300, width: 1600, height: 700, ticks: 4 },
};

/** Vega-Lite config shared by every spec of a medium. */
export function configFor(medium: Medium) {
  const s = MEDIA[medium];
  return {
    font: FONT_SANS,
    background: COLORS.bg,
    view: { stroke: null },
    axis: {
      labelFontSize: s.label,
      titleFontSize: s.title,
      titleFontWeight: 600,
      labelColor: COLORS.ink,
      titleColor: COLORS.ink,
      gridColor: COLORS.grid,
      domainColor: COLORS.axis,
      tickColor: COLORS.axis,
      ...(medium === 'slide' ? { labelPadding: 10, titlePadding: 16, tickSize: 8, domainWidth: 2, tickWidth: 2, gridWidth: 2, labelLimit: 600 } : {}),
    },
    legend: { labelFontSize: s.label, titleFontSize: s.title, orient: 'top', ...(medium === 'slide' ? { symbolSize: 600, labelLimit: 600 } : {}) },
    title: { fontSize: s.title + 2, anchor: 'start', color: COLORS.ink, subtitleFontSize: s.label, subtitleColor: COLORS.muted },
    header: { labelFontSize: s.title, titleFontSize: s.title, labelColor: COLORS.ink, labelFontWeight: 600, ...(medium === 'slide' ? { labelPadding: 12, labelLimit: 700 } : {}) },
    text: { fontSize: s.label, color: COLORS.ink },
  };
}

/** The page medium's config (charts on the briefing and other pages). */
export const config = configFor('page');
