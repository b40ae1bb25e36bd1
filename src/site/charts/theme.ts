/**
 * One house style for every chart. Category colours are colour-blind safe and never rely on
 * red/green: detractors orange, passives grey, promoters blue, the same on every page and slide.
 */
export const COLORS = {
  detractor: '#c75a00',
  passive: '#8a8f96',
  promoter: '#1f6fb5',
  ink: '#1b1f24',
  muted: '#545d68',
  band: '#9ec3e6',
  line: '#0b5cad',
  reference: '#545d68',
} as const;

export const CATEGORY_ORDER = ['Detractors', 'Passives', 'Promoters'] as const;

export const categoryScale = {
  domain: [...CATEGORY_ORDER],
  range: [COLORS.detractor, COLORS.passive, COLORS.promoter],
};

/** Vega-Lite config shared by every spec. */
export const config = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 13, titleFontSize: 13, labelColor: COLORS.ink, titleColor: COLORS.ink, gridColor: '#e6e9ed', domainColor: '#8a8f96', tickColor: '#8a8f96' },
  legend: { labelFontSize: 13, titleFontSize: 13, orient: 'top' },
  title: { fontSize: 15, anchor: 'start', color: COLORS.ink, subtitleFontSize: 13, subtitleColor: COLORS.muted },
  header: { labelFontSize: 13, titleFontSize: 13 },
};
