/** The NPS categories of a 0–10 score, defined once: promoter 9–10, passive 7–8, detractor 0–6. */
export type Category = 'promoter' | 'passive' | 'detractor';

export const PROMOTER_FROM = 9;
export const PASSIVE_FROM = 7;

/** Categories in histogram order (lowest scores first), as the three-way splits are stored. */
export const CATEGORIES: readonly Category[] = ['detractor', 'passive', 'promoter'];

export function categoryOf(score: number): Category {
  return score >= PROMOTER_FROM ? 'promoter' : score >= PASSIVE_FROM ? 'passive' : 'detractor';
}

/** 0 detractor, 1 passive, 2 promoter: the index into CATEGORIES. */
export function categoryIndex(score: number): 0 | 1 | 2 {
  return score >= PROMOTER_FROM ? 2 : score >= PASSIVE_FROM ? 1 : 0;
}
