/**
 * The financial picture's sums, worded once for every place that shows them (the finance
 * section, <Value of="revenueAtRisk" /> in a narrative), so one figure never reads two ways.
 */
import { formatMoney, formatMoneyRow, formatPercent } from '../../shared/format.ts';
import type { FinanceSummary } from '../../pipeline/model/types.ts';

/** Revenue at risk and potential growth as one row (they are read side by side), and the revenue they come from. */
export function financeSums(f: FinanceSummary): { revenueAtRisk: string; potentialGrowth: string; ratedArr: string } {
  const [revenueAtRisk, potentialGrowth] = formatMoneyRow([f.revenueAtRisk, f.potentialGrowth], f.currency) as [string, string];
  // The base is a different order of magnitude: in the row it would force decimals on the two sums.
  return { revenueAtRisk, potentialGrowth, ratedArr: formatMoney(f.ratedArr, f.currency) };
}

const CATEGORIES = ['detractor', 'passive', 'promoter'] as const;

/** "30% of detractor accounts' revenue and 10% of passive accounts' revenue": the non-zero shares, in category order. */
function sharesInWords(shares: FinanceSummary['assumptions']['atRisk']): string | null {
  const parts = CATEGORIES.filter((c) => shares[c] > 0).map((c) => `${formatPercent(shares[c])} of ${c} accounts' revenue`);
  return parts.length === 0 ? null : parts.join(' and ');
}

/**
 * The assumptions behind revenue at risk and potential growth, stated for an executive (where
 * they are set is for the docs, not the page): "This assumes that 30% of detractor accounts'
 * revenue … is at risk, and that 10% of promoter accounts' revenue could be added through
 * expansion and referrals."
 */
export function financeAssumptions(f: FinanceSummary): string {
  const risk = sharesInWords(f.assumptions.atRisk);
  const growth = sharesInWords(f.assumptions.growth);
  const clauses = [risk && `${risk} is at risk`, growth && `${growth} could be added through expansion and referrals`].filter((x): x is string => !!x);
  return clauses.length === 0 ? 'This assumes no revenue is at risk and none could be added.' : `This assumes that ${clauses.join(', and that ')}.`;
}
