/** NPS by ARR band (suppressed like segments) and ARR by account roll-up category. */
import { emptyHistogram, mergeHistograms } from '../model/histogram.ts';
import { partition } from './suppress.ts';
import type { AccountSummary, Portfolio } from '../model/types.ts';
import type { IngestResult } from '../ingest/ingest-program.ts';
import type { WaveState } from './collector.ts';

/** "under $50K", "$50K to $250K", "$250K and over" in the program's currency. */
export function bandLabels(bounds: readonly number[], currency: string): string[] {
  const fmt = (v: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(v);
  if (bounds.length === 0) return ['All accounts'];
  return [...bounds, Infinity].map((b, i) => (i === 0 ? `under ${fmt(b)}` : b === Infinity ? `${fmt(bounds[i - 1]!)} and over` : `${fmt(bounds[i - 1]!)} to ${fmt(b)}`));
}

export function portfolioFigures(ingest: IngestResult, w: WaveState, list: AccountSummary[], min: number): Portfolio {
  const bounds = [...ingest.settings.finance.arr_bands].sort((a, b) => a - b);
  const labels = [...bandLabels(bounds, ingest.settings.currency), 'ARR not known'];
  const unknown = labels.length - 1;
  const hists = labels.map(() => emptyHistogram());
  const counts = labels.map(() => 0);
  for (const [id, state] of w.accounts) {
    const arr = ingest.accounts.get(id)?.arr;
    const above = arr === undefined ? -1 : bounds.findIndex((b) => arr < b);
    const i = arr === undefined ? unknown : above === -1 ? bounds.length : above;
    hists[i] = mergeHistograms(hists[i]!, state.histogram);
    counts[i]!++;
  }
  hists[unknown] = mergeHistograms(hists[unknown]!, w.noAccount);
  const present = labels.map((band, i) => ({ key: band, histogram: hists[i]!, accounts: counts[i]! })).filter((b) => b.histogram.some((c) => c > 0));
  const figures = partition(present, min);
  const arrByCategory: Portfolio['arrByCategory'] = {
    promoter: { accounts: 0, arr: 0 },
    passive: { accounts: 0, arr: 0 },
    detractor: { accounts: 0, arr: 0 },
    none: { accounts: 0, arr: 0 },
  };
  for (const a of list) {
    const slot = arrByCategory[a.rollup.category ?? 'none'];
    slot.accounts++;
    slot.arr += a.arr ?? 0;
  }
  return { npsByArrBand: present.map((b) => ({ band: b.key, accounts: b.accounts, figures: figures.get(b.key)! })), arrByCategory };
}
