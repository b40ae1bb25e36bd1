/**
 * The disclosure step of one wave, over every figure that counts its answers, on both sites and
 * in every export: first the small groups (fewer than the minimum of people: segment values
 * across all dimensions, ARR bands), then the confidential answers in what is left
 * (confidential.ts). Section builders only apply what it decided.
 */
import { naturalCompare } from '../util/compare.ts';
import { suppressPartition, type SuppressionReason } from '../stats/suppression.ts';
import { protectConfidential, type ConfidentialFigure } from './confidential.ts';
import { suppressWaveSegments, type SegmentCell } from './wave-segments.ts';
import type { CubeCell } from '../cube/cube.ts';

export interface WaveDisclosureInput {
  /** The wave's cube cells (identified and confidential). */
  cells: readonly CubeCell[];
  dimensions: number;
  min: number;
  /** The ARR band an account's answers fall in (answers without an account included). */
  bandOf(account: string | undefined): string;
  roleWeight(role: string | undefined): number;
  /** Invitees who did not answer under their name: in the wave, and per account (undefined: not known). */
  unnamed: { wave: number | undefined; account(id: string): number | undefined };
}

export interface WaveDisclosure {
  /** Whether the wave's own figures count its confidential answers (false when it has none). */
  wave: boolean;
  /** Per dimension (by index), the values whose figures count their confidential answers; the others show named answers. */
  countedSegments: Map<number, Set<string>>;
  /** Per dimension (by index), the values suppressed for size (on the basis they are shown on), and why. */
  segments: Map<number, Map<string, SuppressionReason>>;
  /** The ARR bands whose figures count their confidential answers. */
  countedBands: Set<string>;
  /** ARR band -> why it is suppressed for size (bands not listed are shown). */
  bands: Map<string, SuppressionReason>;
  /**
   * Accounts whose figures count their confidential answers. The others (those with none among
   * them, so that a reader cannot tell which) show figures of their named answers only.
   */
  countingConfidential: Set<string>;
}

function push<K>(m: Map<K, number[]>, key: K, i: number): void {
  const list = m.get(key);
  if (list) list.push(i);
  else m.set(key, [i]);
}

/** The unnamed invitees of a set of accounts: undefined when any is not known (or an answer has no account). */
function sumUnnamed(accounts: Iterable<string | undefined>, unnamed: (id: string) => number | undefined): number | undefined {
  let total = 0;
  for (const a of accounts) {
    const u = a === undefined ? undefined : unnamed(a);
    if (u === undefined) return undefined;
    total += u;
  }
  return total;
}

/**
 * A segment value's unnamed invitees: those of the accounts whose answers all carry the value (a
 * segment read from accounts). Undefined for a value some account shares with another value (a
 * segment read from responses: who of the account's invitees holds it is not known).
 */
function segmentUnnamed(cells: readonly CubeCell[], d: number, unnamed: (id: string) => number | undefined): (value: string) => number | undefined {
  const valueOf = new Map<string | undefined, string | null>();
  for (const c of cells) {
    const v = c.segments[d]!;
    const had = valueOf.get(c.account);
    valueOf.set(c.account, had === undefined || had === v ? v : null);
  }
  const accountsOf = new Map<string, (string | undefined)[]>();
  const mixed = new Set<string>();
  for (const c of cells) {
    const v = c.segments[d]!;
    if (valueOf.get(c.account) === null) mixed.add(v);
  }
  for (const [account, v] of valueOf) {
    if (v === null) continue;
    const list = accountsOf.get(v);
    if (list) list.push(account);
    else accountsOf.set(v, [account]);
  }
  return (value) => (mixed.has(value) ? undefined : sumUnnamed(accountsOf.get(value) ?? [], unnamed));
}

/** The wave's people by combination of segment values, from its cube cells. */
function segmentCells(cells: readonly CubeCell[]): SegmentCell[] {
  const out = new Map<string, SegmentCell>();
  for (const c of cells) {
    const key = c.segments.join('\u001f');
    const cell = out.get(key);
    if (cell) cell.n += c.people;
    else out.set(key, { values: c.segments, n: c.people });
  }
  return [...out.keys()].sort().map((k) => out.get(k)!);
}

/**
 * First the confidential answers: which figures may count them (confidential.ts). A figure that
 * may not is shown on its named answers, like one that has none, so the basis a figure is shown on
 * says nothing about whether anyone in it answered confidentially. Then the size rule, on the
 * basis each figure is shown on: named people (known to a reader anyway) plus the confidential
 * ones it counts. Every decision depends only on what is published or already known.
 */
export function discloseWave(input: WaveDisclosureInput): WaveDisclosure {
  const { cells, dimensions, min } = input;
  const conf = cells.flatMap((c) => (c.confidential ? [c] : []));
  const figures: ConfidentialFigure[] = [];
  figures.push({
    kind: 'wave',
    group: '',
    cells: conf.map((_, i) => i),
    weighted: false,
    unnamed: input.unnamed.wave,
    publishable: true,
  });
  const segmentFigures: { d: number; value: string; people: number }[] = [];
  for (let d = 0; d < dimensions; d++) {
    const byValue = new Map<string, number[]>();
    conf.forEach((c, i) => push(byValue, c.segments[d]!, i));
    const unnamed = segmentUnnamed(cells, d, input.unnamed.account);
    for (const [value, inner] of [...byValue].sort(([a], [b]) => naturalCompare(a, b))) {
      segmentFigures.push({ d, value, people: inner.reduce((t, i) => t + conf[i]!.people, 0) });
      figures.push({ kind: 'segment', group: String(d), cells: inner, weighted: false, unnamed: unnamed(value), publishable: true });
    }
  }
  const byBand = new Map<string, number[]>();
  const byAccount = new Map<string, number[]>();
  conf.forEach((c, i) => {
    push(byBand, input.bandOf(c.account), i);
    if (c.account !== undefined) push(byAccount, c.account, i);
  });
  const bandNames = [...byBand.keys()].sort(naturalCompare);
  // A band's unnamed invitees are those of the accounts answering in it (known only when every one of them is known).
  const bandAccounts = new Map<string, Set<string | undefined>>();
  for (const c of cells) {
    const band = input.bandOf(c.account);
    if (!bandAccounts.has(band)) bandAccounts.set(band, new Set());
    bandAccounts.get(band)!.add(c.account);
  }
  for (const band of bandNames) {
    figures.push({
      kind: 'band',
      group: '',
      cells: byBand.get(band)!,
      weighted: false,
      unnamed: sumUnnamed(bandAccounts.get(band)!, input.unnamed.account),
      publishable: true,
    });
  }
  const accountIds = [...byAccount.keys()].sort(naturalCompare);
  for (const id of accountIds) figures.push({ kind: 'account', group: '', cells: byAccount.get(id)!, weighted: true, unnamed: input.unnamed.account(id), publishable: true });

  const verdicts = protectConfidential({ cells: conf.map((c) => ({ people: c.people, account: c.account, weight: input.roleWeight(c.role) })), figures, min });
  let k = 1;
  const countedSegments = new Map<number, Map<string, number>>();
  for (let d = 0; d < dimensions; d++) countedSegments.set(d, new Map());
  for (const { d, value, people } of segmentFigures) if (verdicts[k++] === 'published') countedSegments.get(d)!.set(value, people);
  const countedBands = new Map<string, number>();
  for (const band of bandNames) {
    if (verdicts[k] === 'published')
      countedBands.set(
        band,
        byBand.get(band)!.reduce((t, i) => t + conf[i]!.people, 0),
      );
    k++;
  }
  const countingConfidential = new Set<string>();
  for (const id of accountIds) if (verdicts[k++] === 'published') countingConfidential.add(id);

  // Small groups, on the basis each is shown on: segment values across all dimensions, then ARR bands.
  const named = cells.filter((c) => !c.confidential);
  const segments = suppressWaveSegments(segmentCells(named), dimensions, min, (d, value) => countedSegments.get(d)!.get(value) ?? 0);
  const bandPeople = new Map<string, number>();
  for (const c of named) bandPeople.set(input.bandOf(c.account), (bandPeople.get(input.bandOf(c.account)) ?? 0) + c.people);
  for (const [band, people] of countedBands) bandPeople.set(band, (bandPeople.get(band) ?? 0) + people);
  const bands = suppressPartition(
    [...bandPeople].map(([key, n]) => ({ key, n })),
    min,
  );
  return {
    wave: verdicts[0] === 'published',
    countedSegments: new Map([...countedSegments].map(([d, m]) => [d, new Set(m.keys())])),
    segments,
    countedBands: new Set(countedBands.keys()),
    bands,
    countingConfidential,
  };
}
