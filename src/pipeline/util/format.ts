/**
 * How every figure is worded, one function per kind of figure, fixed to one locale so builds are
 * byte-identical. It lives in the pipeline so that the model's own sentences ("up 6 points, a
 * significant rise") round and word figures exactly as the pages do; pages, slides, letters and
 * emails import it through src/shared/format.ts.
 *
 * House rules: a negative figure carries the typographic minus (−), never a hyphen, and never
 * reads "−0"; halves round away from zero (+17.5 reads "+18" and −17.5 reads "−18", as Intl
 * rounds every other figure here); a missing figure reads "–".
 */

/** The typographic minus, so a negative figure reads as one in every font. */
export const MINUS = '−';
/** What a missing figure reads. */
const NONE = '–';

/**
 * Rounds to a whole number, halves away from zero, never −0: 17.5 → 18, −17.5 → −18, −0.4 → 0.
 * A half is judged on the figure as written to 12 significant digits, as Intl judges it, so
 * float noise does not decide: 0.285 × 100 is 28.499999999999996 in binary and rounds to 29.
 */
export function roundHalfAway(x: number): number {
  const written = Number(x.toPrecision(12));
  return Math.sign(written) * Math.round(Math.abs(written)) + 0;
}

/** An Intl number format that never shows "-0" and whose minus is the typographic one. */
function numbers(options: Intl.NumberFormatOptions): (x: number) => string {
  const f = new Intl.NumberFormat('en-US', { ...options, signDisplay: 'negative' });
  return (x) => f.format(x).replace('-', MINUS);
}
const integer = numbers({ maximumFractionDigits: 0 });
const oneDecimal = numbers({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = numbers({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upToOneDecimal = numbers({ maximumFractionDigits: 1 });

/** A whole count with thousands separators: "1,234". */
export const formatCount = (n: number) => (Number.isFinite(n) ? integer(n) : NONE);

/** A whole number with its sign: "+18", "−4", "0". */
const signed = (x: number) => {
  const r = roundHalfAway(x);
  return r > 0 ? `+${r}` : r < 0 ? `${MINUS}${-r}` : '0';
};

/** NPS as a whole number with its sign: "+18", "−4", "0"; "–" when there is none. */
export function formatNps(nps: number | null): string {
  return nps === null || !Number.isFinite(nps) ? NONE : signed(nps);
}

/** An NPS interval: "+10 to +25". */
export function formatNpsInterval(ci: readonly [number, number]): string {
  return `${formatNps(ci[0])} to ${formatNps(ci[1])}`;
}

/** A whole number of NPS points, without a sign: "6 points", "1 point", "0 points". */
export function formatPoints(magnitude: number): string {
  const r = Math.abs(roundHalfAway(magnitude));
  return `${formatCount(r)} ${r === 1 ? 'point' : 'points'}`;
}

/** A change in NPS points, signed and whole: "+3 points", "−1 point", "no change". */
export function formatPointChange(delta: number): string {
  const r = roundHalfAway(delta);
  return r === 0 ? 'no change' : `${signed(r)} ${Math.abs(r) === 1 ? 'point' : 'points'}`;
}

/**
 * A share as a whole percentage: "43%". A share that is not 0 never reads as 0% and one that
 * is not 1 never reads as 100%: "<1%", ">99%".
 */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return NONE;
  if (share < 0) return `${MINUS}${formatPercent(-share)}`;
  const p = roundHalfAway(share * 100);
  if (p === 0 && share > 0) return '<1%';
  if (p === 100 && share < 1) return '>99%';
  return `${integer(p)}%`;
}

/** A relative change, signed: "+12%", "−5%", "+<1%", "no change". */
export function formatPercentChange(share: number): string {
  if (!Number.isFinite(share)) return NONE;
  if (share === 0) return 'no change';
  return `${share > 0 ? '+' : MINUS}${formatPercent(Math.abs(share))}`;
}

/** A mean on a rating scale, or a difference of means, one decimal: "3.8". */
export const formatMean = (mean: number | null) => (mean === null || !Number.isFinite(mean) ? NONE : oneDecimal(mean));

/** How many times as common: "2.3 times". */
export const formatTimes = (ratio: number) => (Number.isFinite(ratio) ? `${oneDecimal(ratio)} times` : NONE);

/** A correlation coefficient, two decimals: "0.42", "−0.13". */
export const formatCorrelation = (r: number) => (Number.isFinite(r) ? twoDecimals(r) : NONE);

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const isoDate = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

/** "2026-03-31" (or a timestamp that starts with one) → "31 March 2026"; "date unknown" without one. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'date unknown';
  const m = isoDate.exec(iso);
  if (!m || m[3] === undefined || !months[Number(m[2]) - 1]) return iso;
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

/** "2026-03-31" or "2026-03" → "March 2026". */
export function formatMonth(iso: string): string {
  const m = isoDate.exec(iso);
  const month = m ? months[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : iso;
}

/** A wave as readers name it: its label, never its id. */
export const formatWave = (wave: { label: string }) => wave.label;

/** What formatPeriod needs of a wave. */
export interface PeriodWave {
  id: string;
  label: string;
  period?: string;
}

/**
 * A period as readers name it. A wave's period (or id) reads as the wave's label; a period no
 * wave has (a metric's period before the first wave, say) reads the way a label would:
 * "2025-Q3" → "Q3 2025", "2025-H2" → "H2 2025", "2025-08" → "August 2025". Anything else is
 * shown as written.
 */
export function formatPeriod(period: string, waves: readonly PeriodWave[]): string {
  const wave = waves.find((w) => w.period === period) ?? waves.find((w) => w.id === period);
  if (wave) return formatWave(wave);
  const half = /^(\d{4})-?([QH][1-4])$/i.exec(period);
  if (half && (half[2]!.toUpperCase().startsWith('Q') || Number(half[2]!.slice(1)) <= 2)) return `${half[2]!.toUpperCase()} ${half[1]}`;
  if (/^\d{4}-\d{2}$/.test(period)) return formatMonth(period);
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return formatDate(period);
  return period;
}

const UNITS = [
  { at: 1e9, suffix: 'B' },
  { at: 1e6, suffix: 'M' },
  { at: 1e3, suffix: 'K' },
  { at: 1, suffix: '' },
] as const;
type Unit = (typeof UNITS)[number];

const moneyFormats = new Map<string, (x: number) => string>();
function money(currency: string, digits: number): (x: number) => string {
  const key = `${currency} ${digits}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = numbers({ style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, f);
  }
  return f;
}

const roundTo = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The most decimals a money row shows. */
const MAX_DIGITS = 2;

/** The decimals a row needs in `unit`: see formatMoneyRow. */
function digitsFor(values: readonly number[], unit: Unit): number {
  if (unit.suffix === '' || values.length === 0) return 0;
  const scaled = values.map((v) => Math.abs(v) / unit.at);
  let digits = Math.max(...scaled) < 10 ? 1 : 0;
  const smallest = Math.min(...scaled.filter((v) => v > 0));
  while (digits < MAX_DIGITS && smallest * 10 ** digits < 10) digits++;
  // Two different sums never read the same ("up 1% from $45M" to "$45M") while a decimal can tell them apart.
  const distinctAt = (d: number) => new Set(values.map((v) => Math.round((v / unit.at) * 10 ** d))).size;
  const different = new Set(values).size;
  while (digits < MAX_DIGITS && distinctAt(digits) < different) digits++;
  return digits;
}

/**
 * Sums of money that stand side by side (a row, a card, a sentence) in one unit and one
 * precision, the unit chosen by the largest: [1_000_000, 547_700] → ["$1.00M", "$0.55M"], never
 * "$1M" beside "$547.7K". Decimals (at most 2): one when the largest is under 10 units, more
 * while the smallest non-zero sum has fewer than two significant digits or two different sums
 * would read the same. A smaller unit when the smallest sum would otherwise read as zero
 * ([1.2e9, 3e5] → ["$1,200.00M", "$0.30M"]). Sums under a thousand show whole. Missing sums
 * (NaN) read "–".
 */
export function formatMoneyRow(values: readonly number[], currency: string): string[] {
  const known = values.filter((v) => Number.isFinite(v));
  const largest = Math.max(0, ...known.map((v) => Math.abs(v)));
  let u = UNITS.findIndex((x) => largest >= x.at);
  if (u === -1) u = UNITS.length - 1;
  // 999,950 rounds to "$1,000K": it is "$1.00M".
  while (u > 0 && roundTo(largest / UNITS[u]!.at, digitsFor(known, UNITS[u]!)) >= 1000) u--;
  // A sum that is not zero never reads as zero: $300K beside $1.2B moves the row to millions.
  const smallest = Math.min(...known.map((v) => Math.abs(v)).filter((v) => v > 0));
  while (u < UNITS.length - 1 && roundTo(smallest / UNITS[u]!.at, MAX_DIGITS) === 0) u++;
  const unit = UNITS[u]!;
  const f = money(currency, digitsFor(known, unit));
  return values.map((v) => (Number.isFinite(v) ? `${f(v / unit.at)}${unit.suffix}` : NONE));
}

/** One sum of money, compact: "$4.3M", "$548K", "$950". */
export function formatMoney(value: number, currency: string): string {
  return formatMoneyRow([value], currency)[0]!;
}

const PERCENT_UNITS = new Set(['%', 'percent']);
const BARE_UNITS = new Set(['count', 'points', 'number']);
const isCurrency = (unit: string | null | undefined): unit is string => !!unit && /^[A-Z]{3}$/.test(unit);

/**
 * A metric's value with its unit: a currency code formats as money, "%" follows the number
 * ("12.5%"), counts stand bare, other units follow it ("15.5 hours"). Whole from 100 up,
 * else at most one decimal.
 */
export function formatValue(value: number, unit: string | null | undefined): string {
  return formatValueRow([value], unit)[0]!;
}

/** Values of one metric side by side (this period and the one before): money shares one unit and precision. */
export function formatValueRow(values: readonly number[], unit: string | null | undefined): string[] {
  if (isCurrency(unit)) return formatMoneyRow(values, unit);
  return values.map((value) => {
    if (!Number.isFinite(value)) return NONE;
    const n = Math.abs(value) >= 100 ? integer(value) : upToOneDecimal(value);
    if (!unit || BARE_UNITS.has(unit)) return n;
    return PERCENT_UNITS.has(unit) ? `${n}%` : `${n} ${unit}`;
  });
}
