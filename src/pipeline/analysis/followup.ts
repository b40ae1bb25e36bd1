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
import { dayIso, isoDayNumber } from '../schemas/dates.ts';
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

/** What the oversight counts read of an alert. */
export type CountedAlert = Pick<QueueItem, 'status' | 'closedInTime' | 'overdue' | 'daysToClose'>;

/** Counts of a set of alerts (summed the same way for a rule, an owner or the wave). */
export function countsOf(items: Iterable<CountedAlert>): FollowupCounts & { medianDaysToClose: number | null } {
  const days: number[] = [];
  const c = { alerts: 0, followedUp: 0, closed: 0, closedInTime: 0, overdue: 0 };
  for (const q of items) {
    c.alerts++;
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
  /** Every alert of the wave, most urgent first, made one at a time as it is read (a wave may raise millions). */
  queue: Iterable<QueueItem>;
  /** Per owner: their first open alerts, how many are open, how many of those are overdue. */
  owners: Map<string, { open: QueueItem[]; total: number; overdue: number }>;
  /** The oversight figures (byOwner's slugs are filled in once every owner is known). */
  summary: FollowupSummary;
  /** Identified promoters, once each, in queue order: references and case studies for marketing. */
  namedPromoters: Capped<NamedPromoter>;
}

/**
 * A wave's alerts as columns (an alert is an answer and a rule): the queue is sorted and counted
 * on these, and an alert becomes a QueueItem object only when it is listed or written out.
 */
class Alerts {
  readonly answer: number[] = [];
  readonly rule: number[] = [];
  readonly owner: number[] = [];
  /** Due date as a day number; -1 when the answer has no date. */
  readonly due: number[] = [];
  readonly daysOverdue: number[] = [];
  /** Days from the answer to the close; NaN when not closed or not dated. */
  readonly daysToClose: number[] = [];
  get length(): number {
    return this.answer.length;
  }
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
    const closedDay = e.status === 'closed' && e.closedAt ? isoDayNumber(e.closedAt) : Infinity;
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
  const today = asOf ? isoDayNumber(asOf) : -1;
  const rules = Object.entries(ingest.settings.alerts);
  const owners: string[] = [];
  const ownerNumber = new Map<string, number>();
  const numberOf = (owner: string) => {
    let n = ownerNumber.get(owner);
    if (n === undefined) ownerNumber.set(owner, (n = owners.push(owner) - 1));
    return n;
  };
  const alerts = new Alerts();
  /** Response ids by alert, for the queue's last tie-breaks. */
  const responseIds: string[] = [];
  for (let i = 0; i < f.size; i++) {
    // Confidential answers raise no named alert.
    if (f.wave.get(i) !== waveIndex || f.confidential.get(i) === 1) continue;
    const score = f.score.get(i);
    let responseId: string | undefined;
    let accountOwner: string | undefined;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]![1];
      const applies = rule.scores ? score >= rule.scores[0] && score <= rule.scores[1] : f.hasComment.get(i) === 0;
      if (!applies) continue;
      if (responseId === undefined) {
        responseId = f.responseId(i);
        const accountId = f.accountId(i);
        accountOwner = accountId === undefined ? undefined : (ingest.accounts.get(accountId)?.owner ?? undefined);
      }
      const log = logs.get(i);
      const start = f.day.get(i);
      const due = start >= 0 ? start + rule.due_days : -1;
      const closed = log?.status === 'closed' && Number.isFinite(log.closedDay);
      const overdue = !closed && due >= 0 && today >= 0 && today > due;
      alerts.answer.push(i);
      alerts.rule.push(r);
      alerts.owner.push(numberOf(rule.owner === 'account_owner' ? (accountOwner ?? rule.fallback_owner) : rule.owner));
      alerts.due.push(due);
      alerts.daysOverdue.push(overdue ? today - due : 0);
      alerts.daysToClose.push(closed && start >= 0 ? log!.closedDay - start : NaN);
      responseIds.push(responseId);
    }
  }
  // Overdue means past due on the as-of date, so by at least a day.
  const isOverdue = (k: number) => alerts.daysOverdue[k]! > 0;
  // What the counts and the items read of an alert's progress, through one reused object (no object per alert).
  const counted = { status: 'not started' as QueueItem['status'], closedInTime: false, overdue: false, daysToClose: null as number | null };
  const countedOf = (k: number): CountedAlert => {
    const log = logs.get(alerts.answer[k]!);
    const days = alerts.daysToClose[k]!;
    counted.status = log?.status ?? 'not started';
    counted.daysToClose = Number.isNaN(days) ? null : days;
    counted.closedInTime = counted.daysToClose !== null && counted.daysToClose <= rules[alerts.rule[k]!]![1].due_days;
    counted.overdue = isOverdue(k);
    return counted;
  };
  const item = (k: number): QueueItem => {
    const i = alerts.answer[k]!;
    const [ruleId, rule] = rules[alerts.rule[k]!]!;
    const score = f.score.get(i);
    const accountId = f.accountId(i);
    const account = accountId === undefined ? undefined : ingest.accounts.get(accountId);
    const contactId = f.contactId(i);
    const start = f.day.get(i);
    const due = alerts.due[k]!;
    const { status, daysToClose, closedInTime, overdue } = countedOf(k);
    return {
      responseId: responseIds[k]!,
      rule: ruleId,
      ruleLabel: rule.label,
      owner: owners[alerts.owner[k]!]!,
      notify: rule.notify,
      method: rule.method,
      documentation: rule.documentation,
      oversight: rule.oversight,
      score,
      category: categoryOf(score),
      account: account || accountId ? { id: accountId!, name: account?.name ?? accountId!, slug: accountSlug(accountId!) } : null,
      contact: contactId === undefined ? null : names(contactId),
      comment: f.comment(i) ?? null,
      submittedAt: start >= 0 ? dayIso(start) : null,
      dueDate: due >= 0 ? dayIso(due) : null,
      status,
      closedAt: logs.get(i)?.closedAt ?? null,
      daysToClose,
      closedInTime,
      overdue,
      daysOverdue: alerts.daysOverdue[k]!,
    };
  };
  // Most urgent first: overdue longest, then due soonest (undated last), then the lowest score.
  // Ids by plain code-unit comparison: they only need a stable order, and a collator costs about
  // a microsecond a comparison, too much for a million alerts.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const dueKey = (k: number) => (alerts.due[k]! >= 0 ? alerts.due[k]! : Infinity);
  const order = Array.from({ length: alerts.length }, (_, k) => k);
  order.sort(
    (a, b) =>
      alerts.daysOverdue[b]! - alerts.daysOverdue[a]! ||
      dueKey(a) - dueKey(b) ||
      f.score.get(alerts.answer[a]!) - f.score.get(alerts.answer[b]!) ||
      cmp(responseIds[a]!, responseIds[b]!) ||
      cmp(rules[alerts.rule[a]!]![0], rules[alerts.rule[b]!]![0]),
  );
  function* countedIn(ks: readonly number[]): Generator<CountedAlert> {
    for (const k of ks) yield countedOf(k);
  }
  // One pass to group the alerts by rule and by owner, in queue order.
  const ofRule: number[][] = rules.map(() => []);
  const ofOwner: number[][] = owners.map(() => []);
  for (const k of order) {
    ofRule[alerts.rule[k]!]!.push(k);
    ofOwner[alerts.owner[k]!]!.push(k);
  }
  const byRule = rules.map(([id, rule], r) => ({ rule: id, label: rule.label, dueDays: rule.due_days, ...countsOf(countedIn(ofRule[r]!)) }));
  // Each owner's open alerts, most urgent first (their page lists the first OWNER_OPEN_CAP).
  const openByOwner = new Map<string, { open: QueueItem[]; total: number; overdue: number }>();
  const byOwner = owners
    .map((owner, n) => ({ owner, n }))
    .sort((x, y) => naturalCompare(x.owner, y.owner))
    .map(({ owner, n }) => {
      const open = ofOwner[n]!.filter((k) => countedOf(k).status !== 'closed');
      const overdueOpen = open.filter(isOverdue).length;
      openByOwner.set(owner, { open: open.slice(0, OWNER_OPEN_CAP).map(item), total: open.length, overdue: overdueOpen });
      return { owner, slug: '', open: open.length, openOverdue: overdueOpen, ...countsOf(countedIn(ofOwner[n]!)) };
    });
  const { medianDaysToClose, ...total } = countsOf(countedIn(order));
  const overdue = order.filter(isOverdue);
  return {
    queue: {
      *[Symbol.iterator]() {
        for (const k of order) yield item(k);
      },
    },
    owners: openByOwner,
    namedPromoters: namedPromoters(
      order,
      (k) => {
        const i = alerts.answer[k]!;
        if (categoryOf(f.score.get(i)) !== 'promoter') return null;
        const contactId = f.contactId(i);
        return contactId !== undefined && names(contactId) !== null ? responseIds[k]! : null;
      },
      item,
    ),
    summary: {
      hasLog: ingest.followups.length > 0,
      confidentialNotAlerted: c.confidentialAnswers(waveIndex),
      total,
      medianDaysToClose,
      byRule,
      byOwner,
      overdueNow: { items: overdue.slice(0, OVERDUE_CAP).map(item), total: overdue.length },
    },
  };
}

/**
 * Identified promoters, once each, in queue order: references and case studies for marketing.
 * The queue holds no confidential answer, so neither does this list. `named` gives the response
 * id of an alert from a promoter who may be named (else null); items are made for the listed only.
 */
function namedPromoters(order: readonly number[], named: (k: number) => string | null, item: (k: number) => QueueItem): Capped<NamedPromoter> {
  const seen = new Set<string>();
  const items: NamedPromoter[] = [];
  for (const k of order) {
    const responseId = named(k);
    if (responseId === null || seen.has(responseId)) continue;
    seen.add(responseId);
    if (items.length === PROMOTERS_CAP) continue;
    const q = item(k);
    items.push({ responseId, contact: q.contact!, account: q.account ? { name: q.account.name, slug: q.account.slug } : null, score: q.score, comment: q.comment });
  }
  return { items, total: seen.size };
}
