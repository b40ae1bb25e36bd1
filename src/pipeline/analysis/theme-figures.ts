/**
 * Theme figures of a wave: mentions by category, improvement mentions, detractor lift, the share
 * of the wave's detractors raising it, and a few identified respondents' words (chosen by a stable
 * hash of the response, never a confidential contact's).
 *
 * Comments say more than scores, so confidential mentions of a theme count, score category by
 * score category, only where the category holds at least `commentMin` of them (program.yml
 * min_comment_group_size, 10 by default, as employee-survey tools do); else that category counts
 * named mentions only. Named mentions are published anyway, so a reader learns nothing from
 * which it is beyond "at least `commentMin` confidential people".
 */
import { naturalCompare } from '../util/compare.ts';
import { summarise, type Histogram } from '../model/histogram.ts';
import { categoryOf } from '../model/categories.ts';
import type { ThemeFigures, ThemesSummary } from '../model/types.ts';
import type { IngestResult } from '../ingest/ingest-program.ts';
import type { WaveState } from './collector.ts';
import type { People } from './people.ts';

/** Verbatims shown per theme and wave. */
const VERBATIMS = 3;

/** A detractor lift above this is worth saying: detractors raise the theme markedly more often than promoters. */
export const STRONG_LIFT = 1.5;

export function themeFigures(ingest: IngestResult, w: WaveState, total: Histogram, slugs: Map<string, string>, who: People, countsConfidential: boolean): ThemesSummary {
  const { n, promoters, detractors } = summarise(total);
  const roles = ingest.settings.roles;
  const commentMin = ingest.settings.min_comment_group_size;
  let withheldCategories = 0;
  const list = [...w.themes].flatMap(([theme, t]) => {
    const conf = t.confidentialByCategory;
    // Each score category on its own: the categories split the mentions into disjoint groups of people.
    const counts = (k: number) => countsConfidential && conf[k]! >= commentMin;
    const [d, pa, p] = [0, 1, 2].map((k) => t.byCategory[k]! - (counts(k) ? 0 : conf[k]!)) as [number, number, number];
    const counted = [0, 1, 2].some(counts);
    // Every category not counting confidential mentions, those with none among them too: the count says nothing of who.
    const shown = [d, pa, p];
    withheldCategories += [0, 1, 2].filter((k) => shown[k]! > 0 && !counts(k)).length;
    if (d + pa + p === 0) return [];
    const verbatims = t.candidates
      .filter((c) => !who.isConfidential(c.contactId))
      .slice(0, VERBATIMS)
      .map((c) => ({
        text: c.text,
        score: c.score,
        category: categoryOf(c.score),
        account: c.accountId === undefined ? null : (ingest.accounts.get(c.accountId)?.name ?? null),
        role: c.roleId === undefined ? null : (roles[c.roleId]?.label ?? null),
      }));
    const detractorLift = detractors > 0 && promoters > 0 && p > 0 ? d / detractors / (p / promoters) : null;
    const figures: ThemeFigures = {
      theme,
      slug: slugs.get(theme)!,
      countsConfidential: counted,
      mentions: d + pa + p,
      byCategory: { detractor: d, passive: pa, promoter: p },
      improvementMentions: d + pa,
      detractorLift,
      shareOfDetractors: detractors > 0 ? d / detractors : null,
      askedToImprove: d + pa > 0,
      strongLift: detractorLift !== null && detractorLift > STRONG_LIFT,
      verbatims,
    };
    return [figures];
  });
  list.sort((a, b) => b.improvementMentions - a.improvementMentions || b.mentions - a.mentions || naturalCompare(a.theme, b.theme));
  return {
    source: w.themesFromColumn > 0 ? 'column' : Object.keys(ingest.settings.themes).length > 0 ? 'keywords' : 'none',
    comments: countsConfidential ? w.comments : w.comments - w.confidentialComments,
    commentShare: n > 0 ? (countsConfidential ? w.comments : w.comments - w.confidentialComments) / n : 0,
    withheldCategories,
    themes: list,
  };
}
