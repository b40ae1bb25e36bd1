/**
 * What the disclosure step withheld in a wave, counted per kind of page, so that a CX lead knows
 * why a cell is blank: "small" (the group has fewer people than the minimum) or "protection"
 * (hidden, or shown on named answers only, so that no small group and no confidential answer can
 * be worked out from the other figures). Counted from the built wave, so it is what pages show.
 */
import type { MaybeSuppressed, WaveModel, WithheldCount } from '../model/types.ts';

function tally(kind: string, entries: readonly MaybeSuppressed<object>[], protectedOnly = 0): WithheldCount {
  let small = 0;
  let protection = protectedOnly;
  for (const e of entries) {
    if (!e.suppressed) continue;
    if (e.reason === 'small') small++;
    else protection++;
  }
  return { kind, small, protection };
}

export function withheldFigures(w: Omit<WaveModel, 'withheld'>): WithheldCount[] {
  const segmentValues = w.segments.flatMap((d) => d.values.map((v) => v.figures));
  const bands = w.portfolio.npsByArrBand.map((b) => b.figures);
  const named = (list: readonly MaybeSuppressed<{ basis: string }>[]) => list.filter((f) => !f.suppressed && f.basis === 'named answers').length;
  return [
    { kind: 'wave figures on named answers only', small: 0, protection: w.figures !== null && !w.countsConfidential ? 1 : 0 },
    tally('segment values', segmentValues),
    { kind: 'segment values on named answers only', small: 0, protection: named(segmentValues) },
    tally('ARR bands', bands),
    { kind: 'ARR bands on named answers only', small: 0, protection: named(bands) },
    { kind: 'accounts on named answers only', small: 0, protection: w.accounts.filter((a) => a.basis === 'named answers').length },
    tally('confidentiality cohorts', [w.cohorts.confidential, w.cohorts.identified, ...w.cohorts.transitions.map((t) => t.figures)]),
    { kind: 'theme counts on named mentions only', small: 0, protection: w.themes.withheldCategories },
    tally('attributes', [
      ...w.attributes.flatMap((a) => (a.figures.suppressed ? [a.figures] : [a.figures, ...Object.values(a.figures.byCategory)])),
      ...w.attributeSegments.flatMap((d) => d.attributes.flatMap((a) => a.values.map((v) => v.figures))),
    ]),
  ];
}
