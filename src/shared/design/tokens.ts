/**
 * The design tokens: one palette, type scale and spacing for pages, charts and slides. Pages
 * read them as CSS custom properties (`tokensCss`, placed in every page's head by Head.astro);
 * charts read the same values here (src/site/charts/theme.ts), so a chart's orange is the
 * page's orange.
 *
 * Category colours are colour-blind safe and never rely on red/green: detractors orange,
 * passives grey, promoters blue. Every colour used for text keeps 4.5:1 on `bg` and `surface`
 * (WCAG 2.2 AA); `passive` and `band` are for shapes only.
 */
export const COLORS = {
  /** Body text. */
  ink: '#1a1d23',
  /** Secondary text: captions, dates, sample sizes. */
  muted: '#525a66',
  /** Rules and borders. */
  line: '#d9dee4',
  /** Page background. */
  bg: '#ffffff',
  /** Cards, table headers, code. */
  surface: '#f5f7fa',
  /** Links and the brand's mark. */
  accent: '#0b5cad',
  detractor: '#b35200',
  passive: '#8a8f96',
  promoter: '#1f6fb5',
  /** Good news: the promoter blue (never green, so it reads without colour vision). */
  good: '#1f6fb5',
  goodBg: '#eaf2fb',
  /** Bad news: the detractor orange (never red alone). */
  bad: '#b35200',
  badBg: '#fdf0e6',
  /** A chart's 95% interval band. */
  band: '#b9d3ee',
  /** A chart's reference line (the overall NPS, a benchmark). */
  reference: '#525a66',
  grid: '#e6e9ed',
} as const;

/**
 * The font stack: Inter for Latin, Greek and Cyrillic; then the reader's own system font (it
 * has arrows and symbols Inter's files leave out, and on most computers and phones the
 * scripts below); then Noto Sans for the scripts customers write in, the installed emoji font
 * of Apple and Windows devices, and Noto Color Emoji, so they render where no such font is installed. Every face is self-hosted
 * (src/shared/styles/fonts*.css) and fetched only for the characters a page uses (unicode-range).
 */
export const FONT_SANS = [
  "'Inter Variable'",
  'system-ui',
  "'Noto Sans Arabic Variable'",
  "'Noto Sans Hebrew Variable'",
  "'Noto Sans Devanagari Variable'",
  "'Noto Sans Thai Variable'",
  "'Noto Sans SC Variable'",
  "'Noto Sans JP Variable'",
  "'Noto Sans KR Variable'",
  "'Apple Color Emoji'",
  "'Segoe UI Emoji'",
  "'Noto Color Emoji'",
  'sans-serif',
].join(', ');

/** A modular type scale (ratio 1.25) in rem, step 0 the body size. */
export const TYPE_SCALE = { '-2': 0.75, '-1': 0.875, '0': 1, '1': 1.25, '2': 1.5625, '3': 1.953, '4': 2.441, '5': 3.052 } as const;

/** Spacing steps in rem. */
export const SPACE = { '1': 0.25, '2': 0.5, '3': 0.75, '4': 1, '5': 1.5, '6': 2, '7': 3, '8': 4 } as const;

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The tokens as CSS custom properties: --ink, --good-bg, --step-2, --space-4, --font-sans… */
export function tokensCss(): string {
  const vars = [
    ...Object.entries(COLORS).map(([k, v]) => `--${kebab(k)}:${v}`),
    ...Object.entries(TYPE_SCALE).map(([k, v]) => `--step-${k.replace('-', 'm')}:${v}rem`),
    ...Object.entries(SPACE).map(([k, v]) => `--space-${k}:${v}rem`),
    `--font-sans:${FONT_SANS}`,
    '--radius:0.5rem',
    '--measure:68ch',
  ];
  return `:root{${vars.join(';')}}`;
}
