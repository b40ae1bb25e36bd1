/**
 * Each account page's shard: the answers it lists, wave by wave, lowest score first (capped;
 * the account's figures count every answer). Identified respondents only, by name and role: a
 * confidential answer, its comment and its date are never listed against an account, however
 * many there are (a comment often names its writer).
 */
import { naturalCompare } from '../util/compare.ts';
import { categoryOf } from '../model/categories.ts';
import { ACCOUNT_ANSWERS_CAP, RECORDS_VERSION, type AccountRecords, type RecordSink } from '../records/types.ts';
import type { AccountAnswer as ListedAnswer } from '../model/types.ts';
import type { WaveState } from './collector.ts';
import type { AnswerStore } from './answer-store.ts';
import type { People } from './people.ts';
import { isHidden } from './accounts.ts';

export function listedAnswers(store: AnswerStore, all: readonly number[], who: People): ListedAnswer[] {
  const answers = all
    .filter((i) => !isHidden(store, i))
    .map((i) => store.answer(i))
    .map((a) => ({
      contact: { name: who.nameOf(a.contactId), role: who.roleOf(a.roleId, a.contactId) },
      score: a.score,
      category: categoryOf(a.score),
      comment: a.comment !== undefined && a.comment.trim() !== '' ? a.comment : null,
      submittedAt: a.submittedAt ?? null,
    }));
  answers.sort(
    (x, y) =>
      x.score - y.score ||
      naturalCompare(x.submittedAt ?? '', y.submittedAt ?? '') ||
      naturalCompare(x.contact.name, y.contact.name) ||
      naturalCompare(x.comment ?? '', y.comment ?? ''),
  );
  return answers;
}

/** Writes one shard per account that has answers in any wave. */
export function writeAccountRecords(sink: RecordSink, store: AnswerStore, waves: { id: string; state: WaveState }[], slugs: Map<string, string>, who: People): void {
  const ids = new Set<string>();
  for (const w of waves) for (const id of w.state.accounts.keys()) ids.add(id);
  for (const id of [...ids].sort(naturalCompare)) {
    const records: AccountRecords = { version: RECORDS_VERSION, accountId: id, waves: [] };
    for (const w of waves) {
      const all = w.state.accounts.get(id)?.answers;
      if (!all || all.length === 0) continue;
      const answers = listedAnswers(store, all, who);
      // A wave with nothing to list is left out, as if no one had answered (someone may have, confidentially).
      if (answers.length === 0) continue;
      records.waves.push({ wave: w.id, answers: answers.slice(0, ACCOUNT_ANSWERS_CAP), total: answers.length });
    }
    if (records.waves.length > 0) sink.account(slugs.get(id)!, records);
  }
}
