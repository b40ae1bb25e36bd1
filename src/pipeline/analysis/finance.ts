/** Revenue at risk and potential growth: ARR × the per-category shares program.yml assumes. */
import type { AccountSummary, FinanceSummary } from '../model/types.ts';
import type { ProgramSettings } from '../config/program-schema.ts';

export function financeFigures(settings: ProgramSettings, list: AccountSummary[]): FinanceSummary {
  const f = settings.finance;
  let atRisk = 0;
  let growth = 0;
  let rated = 0;
  for (const a of list) {
    if (a.rollup.category === null || a.arr === null) continue;
    rated += a.arr;
    atRisk += a.arr * f.at_risk[a.rollup.category];
    growth += a.arr * f.growth[a.rollup.category];
  }
  return { currency: settings.currency, assumptions: { atRisk: { ...f.at_risk }, growth: { ...f.growth } }, revenueAtRisk: atRisk, potentialGrowth: growth, ratedArr: rated };
}
