/** NPS by ARR band (suppressed like segments) and ARR by account roll-up category. */
import { addHistogram, emptyHistogram } from '../model/histogram.ts';
import type { CubeCell } from '../cube/cube.ts';
import { suppressed } from './suppress.ts';
import { figuresOf } from './figures.ts';
import type { SuppressionReason } from '../stats/suppression.ts';
import type { AccountSummary, Portfolio } from '../model/types.ts';
import type { IngestResult } from '../ingest/ingest-program.ts';

/** "under $50K", "$50K to $250K", "$250K and over" in the program's currency. */
export function bandLabels(bounds: readonly number[], currency: string): string[] {
  const fmt = (v: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(v);
  if (bounds.length === 0) return ['All accounts'];
  return [...bounds, Infinity].map((b, i) => (i === 0 ? `under ${fmt(b)}` : b === Infinity ? `${fmt(bounds[i - 1]!)} and over` : `${fmt(bounds[i - 1]!)} to ${fmt(b)}`));
}

/** The ARR band each account's answers fall in ("ARR not known" without an account or its ARR). */
export function arrBands(ingest: IngestResult): { labels: string[]; bandOf(account: string | undefined): string } {
  const bounds = [...ingest.settings.finance.arr_bands].sort((a, b) => a - b);
  const labels = [...bandLabels(bounds, ingest.settings.currency), 'ARR not known'];
  return {
    labels,
    bandOf: (account) => {
      const arr = account === undefined ? undefined : ingest.accounts.get(account)?.arr;
      if (arr === undefined) return labels.at(-1)!;
      const above = bounds.findIndex((b) => arr < b);
      return labels[above === -1 ? bounds.length : above]!;
    },
  };
}

/**
 * NPS by ARR band, each band on its basis (all its answers where the disclosure step lets it count
 * its confidential ones, else its named answers; a band with no answer on its basis is not
 * listed). `hidden`: the bands suppressed for size. A suppressed band says nothing, not even its
 * number of accounts.
 */
export function portfolioFigures(
  ingest: IngestResult,
  cells: readonly CubeCell[],
  list: AccountSummary[],
  min: number,
  disclosure: { hidden: ReadonlyMap<string, SuppressionReason>; counted: ReadonlySet<string> },
): Portfolio {
  const { labels, bandOf } = arrBands(ingest);
  const hists = new Map(labels.map((l) => [l, emptyHistogram()]));
  const accounts = new Map(labels.map((l) => [l, new Set<string>()]));
  for (const c of cells) {
    const band = bandOf(c.account);
    if (c.confidential && !disclosure.counted.has(band)) continue;
    addHistogram(hists.get(band)!, c.histogram);
    if (c.account !== undefined) accounts.get(band)!.add(c.account);
  }
  const present = labels.filter((band) => hists.get(band)!.some((c) => c > 0));
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
  return {
    npsByArrBand: present.map((band) => {
      const reason = disclosure.hidden.get(band);
      const f = figuresOf(hists.get(band)!);
      const basis = disclosure.counted.has(band) ? ('all answers' as const) : ('named answers' as const);
      return reason !== undefined || f === null
        ? { band, accounts: null, figures: suppressed(reason ?? 'small', min) }
        : { band, accounts: accounts.get(band)!.size, figures: { suppressed: false as const, ...f, basis } };
    }),
    arrByCategory,
  };
}
