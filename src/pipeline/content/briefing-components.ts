/**
 * What a briefing's MDX can use: the components the briefing page passes to it, the figures
 * `<Value of>` knows, and the slides `<Notes slide>` can name. The pages and the check of
 * references (check-references.ts) share these lists, so they cannot disagree.
 */

/** The components src/site/components/Briefing.astro passes to a briefing's MDX (no import needed). */
export const BRIEFING_COMPONENTS = [
  'Nps',
  'Quote',
  'Trend',
  'Themes',
  'Initiatives',
  'Cohorts',
  'Benchmarks',
  'Finance',
  'Metric',
  'Segments',
  'Value',
  'Change',
  'Notes',
  'FollowUp',
  'Drivers',
] as const;

/** Astro gives every MDX file this one, whatever it is passed. */
export const MDX_BUILT_IN_COMPONENTS = ['Fragment'] as const;

/** The figures `<Value of="…" />` shows. */
export const VALUE_FIGURES = ['nps', 'n', 'mean', 'responseRate', 'confidentialShare', 'revenueAtRisk', 'potentialGrowth'] as const;
export type ValueFigure = (typeof VALUE_FIGURES)[number];

/** The slides of a presented briefing, in order; `<Notes slide="…">` names one of them. */
export const SLIDES = ['story', 'headline', 'trend', 'business', 'promoters', 'drivers', 'asks', 'initiatives', 'followup', 'close'] as const;
export type SlideId = (typeof SLIDES)[number];
