/**
 * Protection of confidential answers across every figure of a wave at once.
 *
 * What a reader already knows: every identified answer (account pages list them by name), who
 * was invited, and each account's segments. So each published figure that counts confidential
 * answers tells the reader the sum of its confidential part, and the unknowns of the system a
 * reader can solve are the confidential answers alone. The inner cells are the wave's
 * confidential cube cells (account × role × segment values), each with its count of people.
 *
 * Protected (must not be a linear combination of what is published):
 * - every confidential inner cell of fewer than `min` people, and each account's confidential
 *   cells together when they hold fewer than `min` people;
 * - every figure whose confidential part holds fewer than `min` people;
 * - for each kind of figure, its small confidential parts together while they fall short of `min`
 *   (two parts of 1 and 2 people are still 3 people);
 * - the confidential part of every figure whose invitees who did not answer under their name all
 *   answered (then its count would say that each of them chose confidentiality), and any union
 *   of such accounts (small-sets.ts finds those a reader could compute);
 *
 * Candidates are the figures' confidential parts, most wanted first (the wave, then segment
 * values and ARR bands by size, then accounts by size). Gaussian elimination (gauss.ts) keeps a
 * candidate only when publishing it leaves every protected vector outside the span of what is
 * published. A candidate not kept is shown without its confidential answers (the wave, an
 * account's roll-up) or not at all (a segment value, an ARR band): decided by the caller.
 */
import { columnOf, eliminationSuppression, type Column } from './gauss.ts';
import { exposedSmallSets, exposedUnions } from './small-sets.ts';

/** Rounds of "suppress, then look for small sets still given away" before falling back to the wave alone. */
const MAX_ROUNDS = 40;

export interface ConfidentialCell {
  people: number;
  account: string | undefined;
  /** The cell's weight in a weighted roll-up (its role's). */
  weight: number;
}

export type FigureKind = 'wave' | 'segment' | 'band' | 'account';

export interface ConfidentialFigure {
  kind: FigureKind;
  /** Within its kind, what groups its parts for the "small parts together" rule (a segment's dimension). */
  group: string;
  /** The confidential cells it adds up (indexes into `cells`). */
  cells: number[];
  /** Whether it also publishes a sum weighted by role (an account's roll-up). */
  weighted: boolean;
  /** Its invitees who did not answer under their name; undefined when not known. */
  unnamed: number | undefined;
  /**
   * False for a figure already suppressed for size: never published, but its confidential part
   * is still protected (alone and together with the other small parts of its kind).
   */
  publishable: boolean;
}

export interface ConfidentialInput {
  cells: readonly ConfidentialCell[];
  figures: readonly ConfidentialFigure[];
  min: number;
}

const KIND_ORDER: Record<FigureKind, number> = { wave: 0, segment: 1, band: 1, account: 2 };

/** A figure's confidential part: it has none, it may be published, or it may not. */
export type ConfidentialVerdict = 'none' | 'published' | 'withheld';

/** Per figure, what may be done with its confidential part. */
export function protectConfidential({ cells, figures, min }: ConfidentialInput): ConfidentialVerdict[] {
  const peopleOf = (inner: readonly number[]) => inner.reduce((t, i) => t + cells[i]!.people, 0);
  const protect: Column[] = [];
  cells.forEach((c, i) => {
    if (c.people < min) protect.push(columnOf([i]));
  });
  const byAccount = new Map<string, number[]>();
  cells.forEach((c, i) => {
    if (c.account === undefined) return;
    const list = byAccount.get(c.account) ?? [];
    list.push(i);
    byAccount.set(c.account, list);
  });
  for (const inner of byAccount.values()) if (inner.length > 1 && peopleOf(inner) < min) protect.push(columnOf(inner));

  const people = figures.map((f) => peopleOf(f.cells));
  const primary = figures.map((f, k) => f.cells.length > 0 && (people[k]! < min || (f.unnamed !== undefined && people[k]! >= f.unnamed)));
  figures.forEach((f, k) => {
    if (primary[k]) protect.push(columnOf(f.cells));
  });
  const smallByGroup = new Map<string, number[]>();
  figures.forEach((f, k) => {
    if (f.cells.length === 0 || people[k]! >= min) return;
    const key = `${f.kind}\u001f${f.group}`;
    smallByGroup.set(key, [...(smallByGroup.get(key) ?? []), k]);
  });
  for (const ks of smallByGroup.values()) {
    const inner = [...new Set(ks.flatMap((k) => figures[k]!.cells))];
    if (ks.length > 1 && peopleOf(inner) < min) protect.push(columnOf(inner));
  }

  const candidates = figures.map((f, k): Column[] => {
    if (primary[k] || !f.publishable || f.cells.length === 0) return [];
    const count = columnOf(f.cells);
    if (!f.weighted) return [count];
    const weighted: Column = new Map(f.cells.map((i) => [i, cells[i]!.weight]));
    const uniform = f.cells.every((i) => cells[i]!.weight === cells[f.cells[0]!]!.weight);
    return uniform ? [count] : [count, weighted];
  });
  const order = figures
    .map((f, k) => ({ f, k }))
    .filter(({ f, k }) => !primary[k] && f.publishable)
    .sort((a, b) => KIND_ORDER[a.f.kind] - KIND_ORDER[b.f.kind] || people[b.k]! - people[a.k]! || a.k - b.k)
    .map(({ k }) => k);
  // Gaussian elimination protects the vectors it is given; a set of small cells that no single
  // protected vector names (two accounts' one confidential answer each) can still come out of a
  // difference of published figures. So: look for such sets among what was published, protect
  // each one found, and eliminate again, until none is left.
  const people1 = cells.map((c) => Math.max(1, c.people));
  // Accounts whose unnamed invitees all answered confidentially: no union of them may be computable either.
  const exhausted = figures.filter((f, k) => f.kind === 'account' && f.unnamed !== undefined && f.cells.length > 0 && people[k]! >= f.unnamed).map((f) => f.cells);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // The engine's span is what is published: primary and unpublishable candidates have no columns.
    const { published, span } = eliminationSuppression({ candidates, protect, order });
    const found = [
      ...exposedSmallSets(people1, span, min),
      ...exposedUnions({ cells: exhausted, cost: exhausted.map(() => 0), limit: 1 }, span, cells.length).map((set) => set.flatMap((u) => exhausted[u]!)),
    ];
    if (found.length === 0) return figures.map((f, k) => (f.cells.length === 0 ? 'none' : f.publishable && !primary[k] && published[k]! ? 'published' : 'withheld'));
    for (const set of found) protect.push(columnOf(set));
  }
  // Not settled: publish the confidential answers in the wave's own figures only (one sum of at least `min` people).
  return figures.map((f, k) => (f.cells.length === 0 ? 'none' : f.kind === 'wave' && !primary[k] ? 'published' : 'withheld'));
}
