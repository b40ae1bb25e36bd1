/**
 * The one formatter for figures (src/shared/format.ts): each function against hand-worked values
 * (signs with the typographic minus, halves rounded away from zero on both signs, −0, missing
 * figures, shares near 0 and 1, money rows in one unit and precision), then properties over
 * random inputs: a money row shares one suffix and one number of decimals and each figure reads
 * back to within half its last digit; NPS reads back to the nearest whole number and mirrors
 * with the sign.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatCorrelation,
  formatCount,
  formatDate,
  formatMean,
  formatMoney,
  formatMoneyRow,
  formatMonth,
  formatNps,
  formatNpsInterval,
  formatPercent,
  formatPercentChange,
  formatPeriod,
  formatPointChange,
  formatPoints,
  formatTimes,
  formatValue,
  formatValueRow,
  formatWave,
} from '../../src/shared/format.ts';

const M = '\u2212'; // the typographic minus

/** A formatted figure read back as a number: signs, currency symbols, separators and the unit suffix undone. */
function readBack(text: string): number {
  const m = /^([+\u2212]?)[^\d]*([\d,]+(?:\.\d+)?)([KMB]?)$/.exec(text);
  if (!m) throw new Error(`not a figure: ${text}`);
  const scale = { '': 1, K: 1e3, M: 1e6, B: 1e9 }[m[3] as '' | 'K' | 'M' | 'B'];
  return (m[1] === M ? -1 : 1) * Number(m[2]!.replaceAll(',', '')) * scale;
}

describe('formatCount', () => {
  it('writes whole numbers with separators, halves away from zero, the typographic minus and no −0', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(-1234)).toBe(`${M}1,234`);
    expect(formatCount(2.5)).toBe('3');
    expect(formatCount(-2.5)).toBe(`${M}3`);
    expect(formatCount(-0)).toBe('0');
    expect(formatCount(-0.4)).toBe('0');
    expect(formatCount(Number.NaN)).toBe('–');
  });
});

describe('formatNps', () => {
  it('is whole and signed, halves away from zero on both sides', () => {
    expect(formatNps(17.9)).toBe('+18');
    expect(formatNps(17.4)).toBe('+17');
    expect(formatNps(17.5)).toBe('+18');
    expect(formatNps(-17.5)).toBe(`${M}18`);
    expect(formatNps(-17.4)).toBe(`${M}17`);
    expect(formatNps(0.5)).toBe('+1');
    expect(formatNps(-0.5)).toBe(`${M}1`);
    expect(formatNps(100)).toBe('+100');
    expect(formatNps(-100)).toBe(`${M}100`);
  });

  it('reads 0 (no sign) for zero, −0 and anything that rounds to it, and a dash for no figure', () => {
    expect(formatNps(0)).toBe('0');
    expect(formatNps(-0)).toBe('0');
    expect(formatNps(0.4)).toBe('0');
    expect(formatNps(-0.4)).toBe('0');
    expect(formatNps(null)).toBe('–');
    expect(formatNps(Number.NaN)).toBe('–');
  });

  it('never uses the hyphen-minus', () => {
    expect(formatNps(-4)).toBe(`${M}4`);
    expect(formatNps(-4)).not.toContain('-');
  });

  it('rounds a half written in decimal as a half, whatever float noise the arithmetic left', () => {
    // 100 × 0.175 is 17.499999999999996 in binary: a figure computed as 17.5 still reads +18.
    expect(formatNps(100 * 0.175)).toBe('+18');
  });

  it('property: reads back to the nearest whole number, and −x mirrors x', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (x) => {
        const text = formatNps(x);
        expect(text).toMatch(/^(?:[+\u2212][1-9]\d*|0)$/);
        const back = readBack(text);
        expect(Math.abs(back - x)).toBeLessThanOrEqual(0.5 + 1e-9);
        const mirrored = formatNps(-x);
        expect(mirrored).toBe(text === '0' ? '0' : text.replace(/^[+\u2212]/, (s) => (s === '+' ? M : '+')));
      }),
    );
  });
});

describe('formatNpsInterval', () => {
  it('writes both ends signed', () => {
    expect(formatNpsInterval([10.2, 25.4])).toBe('+10 to +25');
    expect(formatNpsInterval([-3.5, 4])).toBe(`${M}4 to +4`);
    expect(formatNpsInterval([-0.2, 0.3])).toBe('0 to 0');
  });
});

describe('formatPoints and formatPointChange', () => {
  it('formatPoints: a whole magnitude, singular for one', () => {
    expect(formatPoints(6.4)).toBe('6 points');
    expect(formatPoints(1)).toBe('1 point');
    expect(formatPoints(-1.2)).toBe('1 point');
    expect(formatPoints(0.4)).toBe('0 points');
    expect(formatPoints(0.5)).toBe('1 point');
    expect(formatPoints(1234)).toBe('1,234 points');
  });

  it('formatPointChange: signed and whole, "no change" for what rounds to zero', () => {
    expect(formatPointChange(3.2)).toBe('+3 points');
    expect(formatPointChange(-1)).toBe(`${M}1 point`);
    expect(formatPointChange(0.4)).toBe('no change');
    expect(formatPointChange(-0.4)).toBe('no change');
    expect(formatPointChange(0.5)).toBe('+1 point');
    expect(formatPointChange(-0.5)).toBe(`${M}1 point`);
    expect(formatPointChange(-2.5)).toBe(`${M}3 points`);
  });

  it('property: a change reads as the NPS of the same size would', () => {
    fc.assert(
      fc.property(fc.double({ min: -200, max: 200, noNaN: true }), (d) => {
        const nps = formatNps(d);
        if (nps === '0') expect(formatPointChange(d)).toBe('no change');
        else expect(formatPointChange(d)).toBe(`${nps} ${nps.slice(1) === '1' ? 'point' : 'points'}`);
      }),
    );
  });
});

describe('formatPercent and formatPercentChange', () => {
  it('formatPercent: whole, halves away from zero, never 0% or 100% for a share that is not', () => {
    expect(formatPercent(0.43)).toBe('43%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.004)).toBe('<1%');
    expect(formatPercent(0.005)).toBe('1%');
    expect(formatPercent(0.285)).toBe('29%');
    expect(formatPercent(0.995)).toBe('>99%');
    expect(formatPercent(1.5)).toBe('150%');
    expect(formatPercent(-0.05)).toBe(`${M}5%`);
    expect(formatPercent(Number.NaN)).toBe('–');
  });

  it('formatPercentChange: signed, "no change" at zero', () => {
    expect(formatPercentChange(0.12)).toBe('+12%');
    expect(formatPercentChange(-0.05)).toBe(`${M}5%`);
    expect(formatPercentChange(1.17)).toBe('+117%');
    expect(formatPercentChange(0)).toBe('no change');
    expect(formatPercentChange(0.001)).toBe('+<1%');
    expect(formatPercentChange(-0.001)).toBe(`${M}<1%`);
  });

  it('property: a share strictly between 0 and 1 reads neither 0% nor 100%', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true, minExcluded: true, maxExcluded: true }), (s) => {
        expect(['0%', '100%']).not.toContain(formatPercent(s));
      }),
    );
  });
});

describe('formatMean, formatTimes, formatCorrelation', () => {
  it('formatMean: one decimal, halves away from zero, no −0.0', () => {
    expect(formatMean(3.84)).toBe('3.8');
    expect(formatMean(3.85)).toBe('3.9');
    expect(formatMean(3.75)).toBe('3.8');
    expect(formatMean(4)).toBe('4.0');
    expect(formatMean(-0.04)).toBe('0.0');
    expect(formatMean(-0.05)).toBe(`${M}0.1`);
    expect(formatMean(null)).toBe('–');
  });

  it('formatTimes: one decimal and the word', () => {
    expect(formatTimes(2.345)).toBe('2.3 times');
    expect(formatTimes(2.25)).toBe('2.3 times');
    expect(formatTimes(1)).toBe('1.0 times');
  });

  it('formatCorrelation: two decimals, the typographic minus', () => {
    expect(formatCorrelation(0.425)).toBe('0.43');
    expect(formatCorrelation(-0.126)).toBe(`${M}0.13`);
    expect(formatCorrelation(-0.004)).toBe('0.00');
    expect(formatCorrelation(1)).toBe('1.00');
  });

  it('property: a mean reads back to within half its last digit, never as −0.0', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => {
        const text = formatMean(x);
        expect(text).not.toBe(`${M}0.0`);
        expect(text).toMatch(/^\u2212?\d+\.\d$/);
        expect(Math.abs(readBack(text) - x)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});

describe('dates, waves and periods', () => {
  it('formatDate: day, month name and year; a timestamp by its date; no date in words', () => {
    expect(formatDate('2026-03-31')).toBe('31 March 2026');
    expect(formatDate('2026-01-05')).toBe('5 January 2026');
    expect(formatDate('2026-08-28T12:00:00Z')).toBe('28 August 2026');
    expect(formatDate(null)).toBe('date unknown');
    expect(formatDate('soon')).toBe('soon');
  });

  it('formatMonth: month name and year', () => {
    expect(formatMonth('2026-03-31')).toBe('March 2026');
    expect(formatMonth('2025-12')).toBe('December 2025');
  });

  it('formatWave: the label, never the id', () => {
    expect(formatWave({ id: '2026-Q3', label: 'Q3 2026' } as { label: string })).toBe('Q3 2026');
  });

  it('formatPeriod: a wave by its label (by period, then id); other periods the way a label reads', () => {
    const waves = [
      { id: '2026-Q3', label: 'Summer 2026', period: '2026-07' },
      { id: 'w1', label: 'Spring survey', period: 'w1' },
    ];
    expect(formatPeriod('2026-07', waves)).toBe('Summer 2026');
    expect(formatPeriod('2026-Q3', waves)).toBe('Summer 2026');
    expect(formatPeriod('w1', waves)).toBe('Spring survey');
    expect(formatPeriod('2025-Q3', waves)).toBe('Q3 2025');
    expect(formatPeriod('2025H2', waves)).toBe('H2 2025');
    expect(formatPeriod('2025-08', waves)).toBe('August 2025');
    expect(formatPeriod('2025-08-31', waves)).toBe('31 August 2025');
    expect(formatPeriod('2025-H3', waves)).toBe('2025-H3');
    expect(formatPeriod('FY25', waves)).toBe('FY25');
  });
});

describe('formatMoneyRow and formatMoney', () => {
  it('puts a row in the unit of its largest sum and one precision, never "$1M" beside "$547.7K"', () => {
    expect(formatMoneyRow([1_000_000, 547_700], 'USD')).toEqual(['$1.00M', '$0.55M']);
  });

  it('one decimal below 10 units, none from 10 up, whole under a thousand', () => {
    expect(formatMoney(4_321_000, 'USD')).toBe('$4.3M');
    expect(formatMoney(1_000_000, 'USD')).toBe('$1.0M');
    expect(formatMoney(548_000, 'USD')).toBe('$548K');
    expect(formatMoney(12_345_678, 'USD')).toBe('$12M');
    expect(formatMoney(1_500_000_000, 'USD')).toBe('$1.5B');
    expect(formatMoney(950, 'USD')).toBe('$950');
  });

  it('negatives carry the typographic minus before the symbol', () => {
    expect(formatMoneyRow([-1_500_000, 200_000], 'EUR')).toEqual([`${M}€1.50M`, '€0.20M']);
    expect(formatMoney(-4_321_000, 'USD')).toBe(`${M}$4.3M`);
  });

  it('zeros: bare when the row is all zeros, in the row unit otherwise; never −0', () => {
    expect(formatMoneyRow([0, 0], 'USD')).toEqual(['$0', '$0']);
    expect(formatMoneyRow([0, 2_500_000], 'USD')).toEqual(['$0.0M', '$2.5M']);
    expect(formatMoneyRow([-0], 'USD')).toEqual(['$0']);
    // Less than a cent below zero reads as zero, not "−$0".
    expect(formatMoneyRow([-0.001, 5], 'USD')).toEqual(['$0', '$5']);
  });

  it('mixed magnitudes: the smallest keeps up to two significant digits, at most two decimals', () => {
    expect(formatMoneyRow([12_000_000, 5_000], 'USD')).toEqual(['$12.00M', '$0.01M']);
    expect(formatMoneyRow([950, 12.5], 'GBP')).toEqual(['£950', '£13']);
  });

  it('two different sums never read the same while a decimal tells them apart', () => {
    expect(formatMoneyRow([45_200_000, 44_800_000], 'USD')).toEqual(['$45.2M', '$44.8M']);
    expect(formatMoneyRow([45_000_000, 45_000_000], 'USD')).toEqual(['$45M', '$45M']);
  });

  it('a sum that is not zero never reads as zero: the row moves to a smaller unit', () => {
    expect(formatMoneyRow([1_200_000_000, 300_000], 'USD')).toEqual(['$1,200.00M', '$0.30M']);
  });

  it('a sum that rounds up to a thousand units moves up a unit', () => {
    expect(formatMoney(999_950, 'USD')).toBe('$1.00M');
    expect(formatMoney(999.7, 'USD')).toBe('$1.00K');
  });

  it('other currencies: EUR, GBP, JPY', () => {
    expect(formatMoney(4_300_000, 'EUR')).toBe('€4.3M');
    expect(formatMoney(548_000, 'GBP')).toBe('£548K');
    expect(formatMoney(2_500_000, 'JPY')).toBe('¥2.5M');
    expect(formatMoney(950, 'JPY')).toBe('¥950');
  });

  it('a missing sum reads "–" and leaves the rest alone; an empty row is empty', () => {
    expect(formatMoneyRow([Number.NaN, 5], 'USD')).toEqual(['–', '$5']);
    expect(formatMoneyRow([], 'USD')).toEqual([]);
  });

  it('property: a row shares one suffix and one number of decimals, and each sum reads back to within half its last digit', () => {
    const sum = fc.oneof(fc.integer({ min: -5e9, max: 5e9 }), fc.double({ min: -5e9, max: 5e9, noNaN: true }), fc.constant(0));
    fc.assert(
      fc.property(fc.array(sum, { minLength: 1, maxLength: 8 }), fc.constantFrom('USD', 'EUR', 'GBP', 'JPY'), (values, currency) => {
        const row = formatMoneyRow(values, currency);
        expect(row).toHaveLength(values.length);
        const suffixes = new Set(row.map((t) => /[KMB]?$/.exec(t)![0]));
        const decimals = new Set(row.map((t) => /\.(\d+)[KMB]?$/.exec(t)?.[1]?.length ?? 0));
        expect(suffixes.size).toBe(1);
        expect(decimals.size).toBe(1);
        const d = [...decimals][0]!;
        expect(d).toBeLessThanOrEqual(2);
        const unit = { '': 1, K: 1e3, M: 1e6, B: 1e9 }[[...suffixes][0] as '' | 'K' | 'M' | 'B'];
        row.forEach((t, i) => {
          expect(t).not.toContain('-');
          if (Math.abs(values[i]!) >= 1) expect(readBack(t)).not.toBe(0);
          expect(Math.abs(readBack(t) - values[i]!)).toBeLessThanOrEqual((0.5 * unit) / 10 ** d + 1e-6 * unit);
        });
      }),
    );
  });
});

describe('formatValue and formatValueRow', () => {
  it('money by currency code, percent after the number, counts bare, other units after a space', () => {
    expect(formatValue(45_200_000, 'USD')).toBe('$45M');
    expect(formatValue(15.5, 'hours')).toBe('15.5 hours');
    expect(formatValue(1831, 'count')).toBe('1,831');
    expect(formatValue(1234.5, null)).toBe('1,235');
    expect(formatValue(12.5, '%')).toBe('12.5%');
    expect(formatValue(-3.25, 'points')).toBe(`${M}3.3`);
    expect(formatValue(82, undefined)).toBe('82');
  });

  it('formatValueRow: money side by side shares unit and precision; other units each on their own', () => {
    expect(formatValueRow([45_200_000, 44_800_000], 'USD')).toEqual(['$45.2M', '$44.8M']);
    expect(formatValueRow([1_000_000, 547_700], 'USD')).toEqual(['$1.00M', '$0.55M']);
    expect(formatValueRow([5, 4.25], 'hours')).toEqual(['5 hours', '4.3 hours']);
  });
});
