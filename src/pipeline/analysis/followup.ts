/**
 * Closing the loop: the follow-up queue of a wave and its oversight figures.
 *
 * Every identified response raises one alert per program.yml rule it matches (its score band,
 * and "score without a comment" when it has none), owned by the account's owner (or the rule's
 * named owner, or its fallback), due the rule's number of days after the response. Its status
 * is the furthest the follow-up log got; it is overdue when not closed past its due date on the
 * wave's "as of" date (never the clock). Confidential responses raise no named alert: they are
 * counted apart and reached through the letter to every customer.
 */
import type { Collector } from './collector.ts';
import { dayNumber } from './answer-store.ts';
import { dayIso } from '../schemas/dates.ts';
import type { IngestResult } from '../ingest/ingest-program.ts';
import type { Capped, FollowupCounts, FollowupSummary, NamedPromoter, QueueItem } from '../model/types.ts';
import { categoryOf } from '../model/categories.ts';
import { naturalCompare } from '../util/compare.ts';
import { OVERDUE_CAP, OWNER_OPEN_CAP, PROMOTERS_CAP } from '../records/types.ts';

interface Log {
  status: 'open' | 'contacted' | 'closed';
  closedDay: number;
  closedAt: string | null;
  method: string | null;
}

const RANK = { open: 0, contacted: 1, closed: 2 } as const;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Counts of a set of alerts (summed the same way for a rule, an owner or the wave). */
export function countsOf(items: readonly QueueItem[]): FollowupCounts & { medianDaysToClose: number | null } {
  const days: number[] = [];
  const c = { alerts: items.length, followedUp: 0, closed: 0, closedInTime: 0, overdue: 0 };
  for (const q of items) {
    if (q.status === 'contacted' || q.status === 'closed') c.followedUp++;
    if (q.status === 'closed') c.closed++;
    if (q.closedInTime) c.closedInTime++;
    if (q.overdue) c.overdue++;
    if (q.daysToClose !== null) days.push(q.daysToClose);
  }
  const share = (k: number) => (c.alerts > 0 ? k / c.alerts : null);
  return { ...c, followedUpShare: share(c.followedUp), closedShare: share(c.closed), closedInTimeShare: share(c.closedInTime), medianDaysToClose: median(days) };
}

export interface WaveFollowup {
  /** Every alert of the wave, most urgent first. */
  queue: QueueItem[];
  /** Per owner: their first open alerts, how many are open, how many of those are overdue. */
  owners: Map<string, { open: QueueItem[]; total: number; overdue: number }>;
  /** The oversight figures (byOwner's slugs are filled in once every owner is known). */
  summary: FollowupSummary;
}

export function followupQueue(
  ingest: IngestResult,
  c: Collector,
  waveIndex: number,
  asOf: string | null,
  names: (contactId: string) => { name: string; role: string | null } | null,
  accountSlug: (id: string) => string,
  /** Where each response the follow-up log names sits in the answer store (AnswerStore.positionsOf). */
  logged: ReadonlyMap<string, number>,
): WaveFollowup {
  const f = c.answers;
  const logs = new Map<number, Log>();
  for (const e of ingest.followups) {
    const i = logged.get(e.responseId);
    if (i === undefined || f.wave.get(i) !== waveIndex) continue;
    const prev = logs.get(i);
    const closedDay = e.status === 'closed' && e.closedAt ? dayNumber(e.closedAt) : Infinity;
    const log: Log = { status: e.status, closedDay, closedAt: e.status === 'closed' ? (e.closedAt ?? null) : null, method: e.method ?? null };
    if (!prev) logs.set(i, log);
    else
      logs.set(i, {
        status: RANK[e.status] > RANK[prev.status] ? e.status : prev.status,
        closedDay: Math.min(prev.closedDay, closedDay),
        closedAt: closedDay < prev.closedDay ? log.closedAt : prev.closedAt,
        method: log.method ?? prev.method,
      });
  }
  const today = asOf ? dayNumber(asOf) : -1;
  const rules = Object.entries(ingest.settings.alerts);
  const queue: QueueItem[] = [];
  for (let i = 0; i < f.size; i++) {
    // Confidential answers raise no named alert.
    if (f.wave.get(i) !== waveIndex || f.confidential.get(i) === 1) continue;
    const score = f.score.get(i);
    let read = false;
    let responseId = '';
    let accountId: string | undefined;
    let contactId: string | undefined;
    let comment: string | undefined;
    let account: ReturnType<typeof ingest.accounts.get>;
    for (const [id, rule] of rules) {
      const applies = rule.scores ? score >= rule.scores[0] && score <= rule.scores[1] : f.hasComment.get(i) === 0;
      if (!applies) continue;
      // The answer's strings are made once, for the answers that raise an alert.
      if (!read) {
        read = true;
        responseId = f.responseId(i);
        accountId = f.accountId(i);
        contactId = f.contactId(i);
        comment = f.comment(i);
        account = accountId === undefined ? undefined : ingest.accounts.get(accountId);
      }
      const log = logs.get(i);
      const start = f.day.get(i);
      const due = start >= 0 ? start + rule.due_days : -1;
      const closed = log?.status === 'closed' && Number.isFinite(log.closedDay);
      const daysToClose = closed && start >= 0 ? log!.closedDay - start : null;
      const overdue = !closed && due >= 0 && today >= 0 && today > due;
      queue.push({
        responseId,
        rule: id,
        ruleLabel: rule.label,
        owner: rule.owner === 'account_owner' ? (account?.owner ?? rule.fallback_owner) : rule.owner,
        notify: rule.notify,
        method: rule.method,
        documentation: rule.documentation,
        oversight: rule.oversight,
        score,
        category: categoryOf(score),
        account: account || accountId ? { id: accountId!, name: account?.name ?? accountId!, slug: accountSlug(accountId!) } : null,
        contact: contactId === undefined ? null : names(contactId),
        comment: comment ?? null,
        submittedAt: start >= 0 ? dayIso(start) : null,
        dueDate: due >= 0 ? dayIso(due) : null,
        status: log?.status ?? 'not started',
        closedAt: log?.closedAt ?? null,
        daysToClose,
        closedInTime: daysToClose !== null && daysToClose <= rule.due_days,
        overdue,
        daysOverdue: overdue ? today - due : 0,
      });
    }
  }
  // Most urgent first: overdue longest, then due soonest, then the lowest score.
  // Plain code-unit comparison: ISO dates sort correctly that way, ids only need a stable order,
  // and a collator costs about a microsecond a comparison, too much for a million alerts.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  queue.sort(
    (a, b) => b.daysOverdue - a.daysOverdue || cmp(a.dueDate ?? '9999', b.dueDate ?? '9999') || a.score - b.score || cmp(a.responseId, b.responseId) || cmp(a.rule, b.rule),
  );
  // One pass to group the alerts by rule and by owner.
  const ofRule = new Map<string, QueueItem[]>(rules.map(([id]) => [id, []]));
  const ofOwner = new Map<string, QueueItem[]>();
  for (const q of queue) {
    ofRule.get(q.rule)!.push(q);
    let list = ofOwner.get(q.owner);
    if (list === undefined) ofOwner.set(q.owner, (list = []));
    list.push(q);
  }
  const byRule = rules.map(([id, rule]) => ({ rule: id, label: rule.label, dueDays: rule.due_days, ...countsOf(ofRule.get(id)!) }));
  // Each owner's open alerts, most urgent first (their page lists the first OWNER_OPEN_CAP).
  const openByOwner = new Map<string, { open: QueueItem[]; total: number; overdue: number }>();
  const byOwner = [...ofOwner.keys()].sort(naturalCompare).map((owner) => {
    const open = ofOwner.get(owner)!.filter((q) => q.status !== 'closed');
    const overdueOpen = open.filter((q) => q.overdue).length;
    openByOwner.set(owner, { open: open.slice(0, OWNER_OPEN_CAP), total: open.length, overdue: overdueOpen });
    return { owner, slug: '', open: open.length, openOverdue: overdueOpen, ...countsOf(ofOwner.get(owner)!) };
  });
  const { medianDaysToClose, ...total } = countsOf(queue);
  const overdue = queue.filter((q) => q.overdue);
  return {
    queue,
    owners: openByOwner,
    summary: {
      hasLog: ingest.followups.length > 0,
      confidentialNotAlerted: c.confidentialAnswers(waveIndex),
      total,
      medianDaysToClose,
      byRule,
      byOwner,
      overdueNow: { items: overdue.slice(0, OVERDUE_CAP), total: overdue.length },
    },
  };
}

/**
 * Identified promoters, once each, in queue order: references and case studies for marketing.
 * The queue holds no confidential answer, so neither does this list.
 */
export function namedPromoters(queue: readonly QueueItem[]): Capped<NamedPromoter> {
  const seen = new Set<string>();
  const items: NamedPromoter[] = [];
  for (const q of queue) {
    if (q.category !== 'promoter' || q.contact === null || seen.has(q.responseId)) continue;
    seen.add(q.responseId);
    if (items.length < PROMOTERS_CAP)
      items.push({ responseId: q.responseId, contact: q.contact, account: q.account ? { name: q.account.name, slug: q.account.slug } : null, score: q.score, comment: q.comment });
  }
  return { items, total: seen.size };
}
