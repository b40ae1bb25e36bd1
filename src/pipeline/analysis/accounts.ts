/**
 * Account roll-ups of a wave (docs/statistics.md): identified answers, plus confidential ones
 * only when the disclosure step allows it (disclosure/wave-disclosure.ts), weighted as
 * program.yml says; response rate over the account's invitations; how many answers its page
 * lists. An account whose confidential answers may not be counted shows every figure (answers,
 * respondents, response rate, decision-maker coverage) on its named answers alone, so that no
 * count beside the named respondents says who else answered.
 */
import { naturalCompare } from '../util/compare.ts';
import { addWeighted, emptyWeighted, weightedNps, type Weighted } from '../stats/weighted.ts';
import { categoryOf } from '../model/categories.ts';
import type { AccountSummary } from '../model/types.ts';
import type { IngestResult } from '../ingest/ingest-program.ts';
import type { WaveState } from './collector.ts';
import type { AnswerStore } from './answer-store.ts';
import type { IdIndex } from '../ingest/id-index.ts';

export function rollup(identified: Weighted, confidential: Weighted, basis: AccountSummary['basis'], weighting: 'equal' | 'role'): AccountSummary['rollup'] {
  const t = basis === 'all answers' ? addWeighted(identified, confidential) : identified;
  const e = weightedNps(t);
  if (e === null) return { n: 0, weighting, nps: null, ci95: null, mean: null, category: null };
  return { n: t.n, weighting, nps: e.nps, ci95: e.ci95, mean: e.mean, category: categoryOf(e.mean) };
}

/** Distinct contacts among answers (the invited ones only when `invited` is given). */
function distinctContacts(store: AnswerStore, answers: readonly number[], invited?: IdIndex): number {
  const contacts = new Set<number>();
  for (const i of answers) {
    const c = store.contactNumber(i);
    if (c >= 0 && (!invited || invited.lookup(store.contactIds, c) !== undefined)) contacts.add(c);
  }
  return contacts.size;
}

/**
 * Whether an answer is listed without identity (or withheld): it, or its contact in any wave,
 * chose confidentiality (the per-person rule has marked every answer of such a contact,
 * Collector.applyConfidentialContacts).
 */
export const isHidden = (store: AnswerStore, i: number) => store.confidential.get(i) === 1;

/** How many of an account's answers its page lists: the identified ones. */
export function listedCount(store: AnswerStore, all: readonly number[]): number {
  let listed = 0;
  for (const i of all) if (!isHidden(store, i)) listed++;
  return listed;
}

export function accountSummaries(
  ingest: IngestResult,
  w: WaveState,
  waveId: string,
  countingConfidential: ReadonlySet<string>,
  store: AnswerStore,
  slugs: Map<string, string>,
): AccountSummary[] {
  const invited = ingest.invitations.get(waveId);
  const weighting = ingest.settings.account_weighting;
  const ids = new Set<string>([...ingest.accounts.keys(), ...w.accounts.keys()]);
  return [...ids].sort(naturalCompare).map((id) => {
    const a = ingest.accounts.get(id);
    const state = w.accounts.get(id);
    const inv = invited ? (invited.byAccount.get(id) ?? 0) : null;
    const identified = state?.identified ?? emptyWeighted();
    const confidential = state?.confidential ?? emptyWeighted();
    const basis = countingConfidential.has(id) ? 'all answers' : 'named answers';
    // Counted on the same basis as the roll-up: named answers only, or all of them.
    const all = state?.answers ?? [];
    const answers = basis === 'all answers' ? all : all.filter((i) => !isHidden(store, i));
    const respondents = basis === 'all answers' ? (state?.respondents ?? 0) : distinctContacts(store, answers);
    // The rate counts people, and only those invited: distinct invited contacts who answered over
    // contacts invited. Not known when answers came in but none names its contact.
    const known = answers.length === 0 || answers.some((i) => store.contactNumber(i) >= 0);
    const invitedRespondents = invited && known ? distinctContacts(store, answers, invited.contacts) : null;
    return {
      id,
      slug: slugs.get(id)!,
      name: a?.name ?? id,
      owner: a?.owner ?? null,
      arr: a?.arr ?? null,
      renewalDate: a?.renewalDate ?? null,
      basis,
      responses: basis === 'all answers' ? identified.n + confidential.n : identified.n,
      respondents,
      invited: inv,
      invitedRespondents,
      responseRate: inv && invitedRespondents !== null ? invitedRespondents / inv : null,
      // Under their name only: "a decision maker answered" beside named respondents who are not
      // decision makers would say which invitee answered confidentially.
      decisionMakerAnswered: identified.decisionMaker,
      answersListed: listedCount(store, all),
      themes: [...(state?.themes ?? new Map<string, number>())]
        .map(([theme, mentions]) => ({ theme, mentions }))
        .sort((x, y) => y.mentions - x.mentions || naturalCompare(x.theme, y.theme)),
      rollup: rollup(identified, confidential, basis, weighting),
    };
  });
}
