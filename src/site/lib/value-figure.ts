/**
 * What `<Value of="…" />` says, worded once for the places it is written: a sentence of the
 * briefing (Value.astro) and a speaker note (deck.ts's noteFigure).
 */
import type { WaveModel } from '../../pipeline/model/types.ts';
import { formatCount, formatMean, formatNps, formatPercent } from '../../shared/format.ts';
import { financeSums } from './finance.ts';

/** The figure `of` names, in the house format; null when no figure has that name. */
export function valueFigure(w: WaveModel, of: string): string | null {
  const f = w.figures;
  switch (of) {
    case 'nps':
      return f ? formatNps(f.nps) : '–';
    case 'n':
      return formatCount(f?.n ?? 0);
    case 'mean':
      return f ? formatMean(f.mean) : '–';
    case 'responseRate':
      return w.responseRate === null ? 'not known' : formatPercent(w.responseRate);
    case 'confidentialShare':
      return w.cohorts.confidentialShare === null ? '–' : formatPercent(w.cohorts.confidentialShare);
    case 'revenueAtRisk':
      return financeSums(w.finance).revenueAtRisk;
    case 'potentialGrowth':
      return financeSums(w.finance).potentialGrowth;
    default:
      return null;
  }
}
