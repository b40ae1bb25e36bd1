/**
 * Theme figures of a wave: mentions by category, improvement mentions, detractor lift, the share
 * of the wave's detractors raising it, and a few identified respondents' words (chosen by a stable
 * hash of the response, never a confidential contact's, and never one comment for two themes).
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
    const candidates = t.candidates.filter((c) => !who.isConfidential(c.contactId));
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
      verbatims: [],
    };
    return [{ figures, candidates }];
  });
  list.sort((a, b) => b.figures.improvementMentions - a.figures.improvementMentions || b.figures.mentions - a.figures.mentions || naturalCompare(a.figures.theme, b.figures.theme));
  // A comment tagged with two themes represents only one of them: the earlier in this order.
  const chosen = distinctVerbatims(
    list.map((x) => x.candidates),
    VERBATIMS,
  );
  const themes = list.map((x, i) => ({
    ...x.figures,
    verbatims: chosen[i]!.map((c) => ({
      text: c.text,
      score: c.score,
      category: categoryOf(c.score),
      account: c.accountId === undefined ? null : (ingest.accounts.get(c.accountId)?.name ?? null),
      role: c.roleId === undefined ? null : (roles[c.roleId]?.label ?? null),
    })),
  }));
  return {
    source: w.themesFromColumn > 0 ? 'column' : Object.keys(ingest.settings.themes).length > 0 ? 'keywords' : 'none',
    comments: countsConfidential ? w.comments : w.comments - w.confidentialComments,
    commentShare: n > 0 ? (countsConfidential ? w.comments : w.comments - w.confidentialComments) / n : 0,
    withheldCategories,
    themes,
  };
}

/** A comment's words as compared for sameness: case, spacing and the ends do not make two comments different. */
const sameWords = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/**
 * Each theme's verbatims, chosen so that no comment represents two themes of a wave (nor one
 * theme twice): round by round, in theme order (the first verbatim of every theme, then the
 * second…), a theme takes its next candidate whose words no theme has taken yet. A later theme
 * whose best comment an earlier one took shows its next best. Deterministic: the order of the
 * themes and of each theme's candidates decides. Candidates are already free of confidential
 * contacts; this only chooses among them.
 */
export function distinctVerbatims<C extends { text: string }>(candidatesByTheme: readonly (readonly C[])[], perTheme: number): C[][] {
  const taken = new Set<string>();
  const chosen = candidatesByTheme.map((): C[] => []);
  const next = candidatesByTheme.map(() => 0);
  for (let round = 0; round < perTheme; round++) {
    candidatesByTheme.forEach((candidates, i) => {
      if (chosen[i]!.length !== round) return; // ran out in an earlier round
      while (next[i]! < candidates.length) {
        const c = candidates[next[i]!++]!;
        const key = sameWords(c.text);
        if (taken.has(key)) continue;
        taken.add(key);
        chosen[i]!.push(c);
        return;
      }
    });
  }
  return chosen;
}
