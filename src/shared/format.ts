/**
 * Every figure a page, slide, letter or email shows is worded by these functions, one per kind
 * of figure, fixed to one locale so builds are byte-identical. Pages never call toFixed or Intl
 * themselves: two pages wording one figure two ways ("17.9" and "+18") is the bug this module
 * exists to prevent. The functions live in src/pipeline/util/format.ts so that the model's own
 * sentences ("up 6 points") follow the same rules; the sites import them from here.
 */
export {
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
  MINUS,
  roundHalfAway,
  type PeriodWave,
} from '../pipeline/util/format.ts';
