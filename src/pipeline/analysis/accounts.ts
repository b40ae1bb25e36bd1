/**
 * Account roll-ups of a wave (docs/statistics.md): identified answers, plus confidential ones
 * only when the account has at least the minimum group size of them, weighted as program.yml
 * says; response rate over the account's invitations; how many answers its page lists.
 */
import { naturalCompare } from '../util/compare.ts';
import { addWeighted, emptyWeighted, weightedNps, type Weighted } from '../stats/weighted.ts';
import { categoryOf } from '../model/categories.ts';
import type { AccountSummary } from '../model/types.ts';
import type { IngestResult } from '../ingest/ingest-program.ts';
import type { AccountAnswer, WaveState } from './collector.ts';
import type { People } from './people.ts';

export function rollup(identified: Weighted, confidential: Weighted, min: number, weighting: 'equal' | 'role'): AccountSummary['rollup'] {
  const useConfidential = confidential.n >= min;
  const t = useConfidential ? addWeighted(identified, confidential) : identified;
  const confidentialExcluded = useConfidential ? 0 : confidential.n;
  const e = weightedNps(t);
  if (e === null) return { n: 0, confidentialExcluded, weighting, nps: null, ci95: null, mean: null, category: null };
  return { n: t.n, confidentialExcluded, weighting, nps: e.nps, ci95: e.ci95, mean: e.mean, category: categoryOf(e.mean) };
}

/** Whether an answer is listed without identity (or withheld): it, or its contact in any wave, chose confidentiality. */
export const isHidden = (a: AccountAnswer, who: People) => a.confidential || who.isConfidential(a.contactId);

/** How many of an account's answers its page lists: the identified ones. */
export function listedCount(all: readonly AccountAnswer[], who: People): number {
  let listed = 0;
  for (const a of all) if (!isHidden(a, who)) listed++;
  return listed;
}

export function accountSummaries(ingest: IngestResult, w: WaveState, waveId: string, min: number, who: People, slugs: Map<string, string>): AccountSummary[] {
  const invited = ingest.invitations.get(waveId);
  const weighting = ingest.settings.account_weighting;
  const ids = new Set<string>([...ingest.accounts.keys(), ...w.accounts.keys()]);
  return [...ids].sort(naturalCompare).map((id) => {
    const a = ingest.accounts.get(id);
    const state = w.accounts.get(id);
    const inv = invited ? (invited.byAccount.get(id) ?? 0) : null;
    const respondents = state?.respondents ?? 0;
    // The rate counts people, and only those invited: distinct invited contacts who answered over
    // contacts invited. Not known when answers came in but none names its contact.
    const answers = state?.answers ?? [];
    const known = answers.length === 0 || answers.some((x) => x.contactId !== undefined);
    const invitedRespondents =
      invited && known ? new Set(answers.flatMap((x) => (x.contactId !== undefined && invited.contacts.has(x.contactId) ? [x.contactId] : []))).size : null;
    const identified = state?.identified ?? emptyWeighted();
    const confidential = state?.confidential ?? emptyWeighted();
    return {
      id,
      slug: slugs.get(id)!,
      name: a?.name ?? id,
      owner: a?.owner ?? null,
      arr: a?.arr ?? null,
      renewalDate: a?.renewalDate ?? null,
      responses: identified.n + confidential.n,
      respondents,
      invited: inv,
      invitedRespondents,
      responseRate: inv && invitedRespondents !== null ? invitedRespondents / inv : null,
      decisionMakerAnswered: identified.decisionMaker || (confidential.n >= min && confidential.decisionMaker),
      answersListed: listedCount(state?.answers ?? [], who),
      themes: [...(state?.themes ?? new Map<string, number>())]
        .map(([theme, mentions]) => ({ theme, mentions }))
        .sort((x, y) => y.mentions - x.mentions || naturalCompare(x.theme, y.theme)),
      rollup: rollup(identified, confidential, min, weighting),
    };
  });
}
